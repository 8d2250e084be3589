// A login from a country the user has never logged in from; with no address
// history at all, any address outside Japan (the brokers serve residents).
// Travel with this browser (a Visit follows) or a VPN the user already uses
// stays low: only a foreign login this browser did not make is serious.

import { country, comparedLogins, deviceLabel, m, networkLabel, time, todo } from '../phrases';
import type { Severity } from '../../records/alert';
import type { LoginRule } from '../types';

export const newCountry: LoginRule = {
  id: 'new-country',
  evaluate({ facts: f, profile }) {
    if (f.event.result !== 'success' || f.preInstall || !f.country || f.device.channel === 'aggregator')
      return undefined;
    const home = profile.countries.size ? profile.countries : new Map([['JP', 0]]);
    if (home.has(f.country)) return undefined;
    let severity: Severity;
    if (f.thisBrowser) severity = 'low';
    else if (f.provider && profile.providers.has(f.provider.label)) severity = 'low';
    else {
      const d = profile.devices.get(f.device.key);
      // the user's phone app abroad is more often travel than a desktop login is
      severity = d && d.thisBrowser === 0 && f.device.channel !== 'pc' ? 'medium' : 'high';
    }
    return {
      rule: 'new-country',
      severity,
      kind: 'login',
      broker: f.event.broker,
      anchor: { id: f.event.id, at: f.event.at },
      events: [{ id: f.event.id, at: f.event.at }],
      title: m('detTitleNewCountry', { country: country(f.country) }),
      explanation: {
        seen: m('detSeenLogin', { time: time(f.event.at), device: deviceLabel(f.device), network: networkLabel(f) }),
        compared: comparedLogins(profile),
        harmless: [m(f.thisBrowser ? 'detHarmlessTravelThisBrowser' : 'detHarmlessTravel'), m('detHarmlessVpn')],
        todo: todo(severity, f.event.broker, severity === 'high' ? [m('detTodoPhishing')] : []),
      },
    };
  },
};
