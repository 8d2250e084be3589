// Orders placed in a session whose login was flagged (an unanswered warning
// of medium or more) or that the user said was not theirs: whatever the
// orders are, they are the attacker's until the user says otherwise. Where the
// page cannot tell which of two sessions placed an order, the flagged one
// still makes it worth answering. This is how the cold start's orders become
// high once the user rejects the environment they came from.

import { comparedOrders, deviceLabel, m, orderLabel, time, todo } from '../phrases';
import type { Severity } from '../../records/alert';
import type { OrderFacts, OrderRule } from '../types';

const flagged = (o: OrderFacts) => o.placedBy?.verdict === 'not-mine' || o.placedBy?.verdict === 'suspect';

export const ordersInFlaggedSession: OrderRule = {
  id: 'orders-in-flagged-session',
  scope: 'session',
  evaluate({ order: first, session, profile }) {
    const hit = session.filter((o) => flagged(o) && o.event.status !== 'cancelled');
    if (!hit.length) return undefined;
    const severity: Severity = 'high';
    const by = hit.find((o) => o.placedBy?.login)?.placedBy?.login;
    const ambiguous = hit.every((o) => o.placedBy?.ambiguous);
    return {
      rule: 'orders-in-flagged-session',
      severity,
      kind: 'orders',
      broker: first.event.broker,
      anchor: { id: first.event.id, at: first.event.at },
      events: hit.map((o) => ({ id: o.event.id, at: o.event.at })),
      title: m('detTitleFlaggedSession', { count: hit.length }),
      explanation: {
        seen: m(ambiguous ? 'detSeenFlaggedSessionUnclear' : 'detSeenFlaggedSession', {
          from: time(hit[0]!.event.at),
          to: time(hit[hit.length - 1]!.event.at),
          count: hit.length,
          lines: hit.slice(0, 6).map(orderLabel),
          login: by ? time(by.event.at) : m('detCountryUnknown'),
          device: by ? deviceLabel(by.device) : m('detDeviceUnknown'),
        }),
        compared: comparedOrders(profile),
        harmless: [m(ambiguous ? 'detHarmlessSameTimeOwnOrder' : 'detHarmlessNone')],
        todo: todo(severity, first.event.broker),
      },
    };
  },
};
