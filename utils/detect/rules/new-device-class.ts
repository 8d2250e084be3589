// A login from a browser family / OS family the user has never used
// (versions stripped: Chrome 131 → 134 is the same device). New channels
// (the first app login) are new-channel's; aggregators never count.

import { comparedLogins, deviceLabel, m, networkLabel, time, todo } from '../phrases';
import { channelKey } from '../device';
import type { Severity } from '../../records/alert';
import type { LoginRule } from '../types';

export const newDeviceClass: LoginRule = {
  id: 'new-device-class',
  evaluate({ facts: f, profile }) {
    if (f.event.result !== 'success' || f.preInstall || f.thisBrowser || profile.total === 0) return undefined;
    const d = f.device;
    if (d.channel === 'aggregator' || d.channel === 'unknown') return undefined;
    if (!d.browser && !d.os) return undefined; // only the channel is shown: new-channel's case
    if (d.channelShown && !profile.channels.has(channelKey(d))) return undefined;
    if (profile.devices.has(d.key)) return undefined;
    const severity: Severity = profile.rejected.has(f.envId) ? 'high' : 'medium';
    return {
      rule: 'new-device-class',
      severity,
      kind: 'login',
      broker: f.event.broker,
      anchor: { id: f.event.id, at: f.event.at },
      events: [{ id: f.event.id, at: f.event.at }],
      title: m('detTitleNewDevice', { device: deviceLabel(d) }),
      explanation: {
        seen: m('detSeenLogin', { time: time(f.event.at), device: deviceLabel(d), network: networkLabel(f) }),
        compared: comparedLogins(profile),
        harmless: [m('detHarmlessNewBrowser'), m('detHarmlessNewPhone'), m('detHarmlessOtherDevice')],
        todo: todo(severity, f.event.broker),
      },
    };
  },
};
