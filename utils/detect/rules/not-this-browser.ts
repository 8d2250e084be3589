// A login of a kind the user makes from this browser, at a time this browser
// was not on the site. It catches the attacker who copies the victim's
// browser and OS (a login "like the user's" that no Visit follows). Another
// device the user has (a known environment never seen from this browser, or
// one the user confirmed) is not suspicious; a new network adds weight even
// when the user has a second device of the same kind (an office PC), unless
// the login comes at that device's usual hour.

import { comparedLogins, deviceLabel, m, networkLabel, time, todo } from '../phrases';
import { KNOWN, jstHour, unusualHour } from '../profile';
import type { Severity } from '../../records/alert';
import type { DeviceStats, LoginRule } from '../types';

/** Share of a class's post-install logins made by this browser above which it is "always this browser". */
export const ALWAYS_THIS_BROWSER = 0.9;

/** The class's other device logs in around this hour (±1 h holds at least a tenth of its logins). */
function usualElsewhereHour(d: DeviceStats, ms: number): boolean {
  const hours = d.elsewhereHours;
  const total = hours.reduce((a, b) => a + b, 0);
  if (total < 5) return false;
  const h = jstHour(ms);
  return (hours[(h + 23) % 24]! + hours[h]! + hours[(h + 1) % 24]!) / total >= 0.1;
}

export const notThisBrowser: LoginRule = {
  id: 'not-this-browser',
  evaluate({ facts: f, profile, env, answered }) {
    if (f.event.result !== 'success' || f.preInstall || f.thisBrowser || f.maybeThisBrowser) return undefined;
    if (f.device.channel === 'aggregator' || answered === 'mine') return undefined;
    const d = profile.devices.get(f.device.key);
    if (!d || d.thisBrowser === 0) return undefined;
    const known = !!env && KNOWN.has(env.status);
    // the user's other device in this class: an environment they use away from this browser
    if (known && env.thisBrowser === 0 && (env.preInstall > 0 || env.elsewhere > 0 || env.status === 'confirmed'))
      return undefined;
    if (env?.status === 'confirmed' && env.elsewhere > 0) return undefined;
    const share = d.thisBrowser / (d.thisBrowser + d.elsewhere);
    const oddHour = unusualHour(profile, f.ms);
    const newNetwork = !known && f.networkKey !== 'none' && !(f.wide && profile.wides.has(f.wide));
    let severity: Severity;
    if (share >= ALWAYS_THIS_BROWSER) severity = oddHour ? 'high' : 'medium';
    else if (known) return undefined;
    else if (newNetwork) severity = !oddHour && usualElsewhereHour(d, f.ms) ? 'low' : 'medium';
    else severity = 'low';
    if (env?.status === 'rejected') severity = 'high';
    return {
      rule: 'not-this-browser',
      severity,
      kind: 'login',
      broker: f.event.broker,
      anchor: { id: f.event.id, at: f.event.at },
      events: [{ id: f.event.id, at: f.event.at }],
      title: m('detTitleNotThisBrowser', { device: deviceLabel(f.device) }),
      explanation: {
        seen: m(oddHour ? 'detSeenNotThisBrowserOddHour' : 'detSeenNotThisBrowser', {
          time: time(f.event.at),
          device: deviceLabel(f.device),
          network: networkLabel(f),
        }),
        compared: m('detComparedThisBrowser', {
          device: deviceLabel(f.device),
          total: d.thisBrowser + d.elsewhere,
          mine: d.thisBrowser,
          history: comparedLogins(profile),
        }),
        harmless: [m('detHarmlessOtherDevice'), m('detHarmlessExtensionOff')],
        todo: todo(severity, f.event.broker),
      },
    };
  },
};
