// The first login through a channel the broker names (the first smartphone or
// iSPEED login, an API). Aggregators (他社サービスからログイン) are their own
// class (aggregator-first.ts). A first login on a channel the user has never
// used, in the middle of the night, is the attacker on the smartphone site
// (03:12 on an account that only ever logged in from a PC): high.

import { comparedLogins, deviceLabel, m, networkLabel, time, todo } from '../phrases';
import { channelKey } from '../device';
import { jstHour, unusualHour } from '../profile';
import type { Severity } from '../../records/alert';
import type { LoginRule } from '../types';

/** 01:00–04:59 JST: when the user's own first login on a new phone is least likely. */
export const nightHour = (ms: number): boolean => jstHour(ms) >= 1 && jstHour(ms) < 5;

export const newChannel: LoginRule = {
  id: 'new-channel',
  evaluate({ facts: f, profile, answered }) {
    if (f.event.result !== 'success' || f.preInstall || f.thisBrowser || profile.total === 0) return undefined;
    if (answered === 'mine') return undefined;
    const d = f.device;
    if (d.channel === 'aggregator' || d.channel === 'unknown') return undefined;
    if (!d.channelShown && d.channel !== 'app') return undefined;
    if (profile.channels.has(channelKey(d))) return undefined;
    const severity: Severity = nightHour(f.ms) && unusualHour(profile, f.ms) ? 'high' : 'medium';
    return {
      rule: 'new-channel',
      severity,
      kind: 'login',
      broker: f.event.broker,
      anchor: { id: f.event.id, at: f.event.at },
      events: [{ id: f.event.id, at: f.event.at }],
      title: m('detTitleNewChannel', { device: deviceLabel(d) }),
      explanation: {
        seen: m('detSeenLogin', { time: time(f.event.at), device: deviceLabel(d), network: networkLabel(f) }),
        compared: comparedLogins(profile),
        harmless: [m('detHarmlessNewPhone'), m('detHarmlessOtherDevice')],
        todo: todo(severity, f.event.broker),
      },
    };
  },
};
