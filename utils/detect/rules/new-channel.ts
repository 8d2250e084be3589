// The first login through a channel the broker names (the first smartphone or
// iSPEED login, an API). Aggregators (他社サービスからログイン) are their own
// class and never alert.

import { comparedLogins, deviceLabel, m, networkLabel, time, todo } from '../phrases';
import { channelKey } from '../device';
import type { LoginRule } from '../types';

export const newChannel: LoginRule = {
  id: 'new-channel',
  evaluate({ facts: f, profile }) {
    if (f.event.result !== 'success' || f.preInstall || f.thisBrowser || profile.total === 0) return undefined;
    const d = f.device;
    if (d.channel === 'aggregator' || d.channel === 'unknown') return undefined;
    if (!d.channelShown && d.channel !== 'app') return undefined;
    if (profile.channels.has(channelKey(d))) return undefined;
    return {
      rule: 'new-channel',
      severity: 'medium',
      kind: 'login',
      broker: f.event.broker,
      anchor: { id: f.event.id, at: f.event.at },
      events: [{ id: f.event.id, at: f.event.at }],
      title: m('detTitleNewChannel', { device: deviceLabel(d) }),
      explanation: {
        seen: m('detSeenLogin', { time: time(f.event.at), device: deviceLabel(d), network: networkLabel(f) }),
        compared: comparedLogins(profile),
        harmless: [m('detHarmlessNewPhone'), m('detHarmlessOtherDevice')],
        todo: todo('medium', f.event.broker),
      },
    };
  },
};
