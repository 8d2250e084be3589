// A login from a cloud, VPS or VPN network the user has never used. People
// log in from homes and phones; attackers rent servers near the victim
// (AWS Tokyo in the 2025 wave). A relay ordinary people use (WARP) is milder.

import { comparedLogins, deviceLabel, m, networkLabel, time, todo } from '../phrases';
import type { Severity } from '../../records/alert';
import type { LoginRule } from '../types';

export const hostingNetwork: LoginRule = {
  id: 'hosting-network',
  evaluate({ facts: f, profile }) {
    if (f.event.result !== 'success' || f.preInstall || !f.provider || f.device.channel === 'aggregator')
      return undefined;
    if (profile.providers.has(f.provider.label)) return undefined;
    let severity: Severity = 'medium';
    if (f.thisBrowser) severity = 'low';
    else if (f.provider.kind === 'proxy' && profile.devices.has(f.device.key)) severity = 'low';
    return {
      rule: 'hosting-network',
      severity,
      kind: 'login',
      broker: f.event.broker,
      anchor: { id: f.event.id, at: f.event.at },
      events: [{ id: f.event.id, at: f.event.at }],
      title: m('detTitleHosting', { provider: f.provider.label }),
      explanation: {
        seen: m('detSeenLogin', { time: time(f.event.at), device: deviceLabel(f.device), network: networkLabel(f) }),
        compared: comparedLogins(profile),
        harmless: [m('detHarmlessVpn'), m('detHarmlessWorkNetwork')],
        todo: todo(severity, f.event.broker),
      },
    };
  },
};
