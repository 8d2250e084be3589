// The first login by a linked service (他社サービスからログイン) on an account
// with a long history that never had one. Aggregators read the account with
// the user's consent; a service the user never linked reading it is someone
// else's doing. Once answered "mine", the service's logins are quiet.

import { comparedLogins, deviceLabel, m, time, todo } from '../phrases';
import type { LoginRule } from '../types';

/** Known logins before a first aggregator login is worth asking about. */
export const AGGREGATOR_MIN_HISTORY = 20;

export const aggregatorFirst: LoginRule = {
  id: 'aggregator-first',
  evaluate({ facts: f, profile, answered }) {
    if (f.event.result !== 'success' || f.preInstall || f.device.channel !== 'aggregator') return undefined;
    if (answered === 'mine' || profile.channels.has('aggregator') || profile.total < AGGREGATOR_MIN_HISTORY)
      return undefined;
    return {
      rule: 'aggregator-first',
      severity: 'medium',
      kind: 'login',
      broker: f.event.broker,
      anchor: { id: f.event.id, at: f.event.at },
      events: [{ id: f.event.id, at: f.event.at }],
      title: m('detTitleAggregatorFirst'),
      explanation: {
        seen: m('detSeenAggregatorFirst', { time: time(f.event.at), device: deviceLabel(f.device) }),
        compared: comparedLogins(profile),
        harmless: [m('detHarmlessLinkedService')],
        todo: todo('medium', f.event.broker),
      },
    };
  },
};
