// Trades made while this browser was not on the broker's site. Alone this is
// ordinary for people who trade in the app; medium for someone who only ever
// trades here. Trades in a flagged session are orders-in-flagged-session's.

import { comparedOrders, m, orderLabel, time, todo } from '../phrases';
import { atLeast } from '../severity';
import { hasOtherChannels } from './china-hk-buy';
import type { Severity } from '../../records/alert';
import type { OrderRule } from '../types';

export const orderOffSite: OrderRule = {
  id: 'orders-off-site',
  scope: 'session',
  evaluate({ order: first, session, profile, precedingLogin, loginProfile }) {
    const off = session.filter((o) => !o.preInstall && o.onSite === false);
    if (!off.length) return undefined;
    let severity: Severity;
    if (off.every((o) => o.placedBy?.verdict === 'not-mine' || o.placedBy?.verdict === 'suspect')) return undefined;
    if (precedingLogin?.facts.thisBrowser) severity = 'low';
    // just after the user's own phone or app login from a known place: their own trade, noted only
    else if (
      precedingLogin &&
      (precedingLogin.facts.device.channel === 'mobile' || precedingLogin.facts.device.channel === 'app') &&
      loginProfile.devices.has(precedingLogin.facts.device.key)
    )
      severity = 'info';
    else if (
      hasOtherChannels(loginProfile) ||
      (profile.offSite >= 3 && profile.offSite >= 0.3 * (profile.offSite + profile.onSite))
    )
      severity = 'low';
    else severity = 'medium';
    return {
      rule: 'orders-off-site',
      severity,
      kind: 'orders',
      broker: first.event.broker,
      anchor: { id: first.event.id, at: first.event.at },
      events: off.map((o) => ({ id: o.event.id, at: o.event.at })),
      title: m('detTitleOffSite', { count: off.length }),
      explanation: {
        seen: m('detSeenOffSite', {
          from: time(off[0]!.event.at),
          to: time(off[off.length - 1]!.event.at),
          count: off.length,
          lines: off.slice(0, 6).map(orderLabel),
        }),
        compared: precedingLogin
          ? m('detComparedPrecedingLogin', {
              time: time(precedingLogin.facts.event.at),
              suspicious: atLeast(precedingLogin.severity, 'medium') ? m('detYes') : m('detNo'),
              history: comparedOrders(profile),
            })
          : comparedOrders(profile),
        harmless: [m('detHarmlessOwnTrade')],
        todo: todo(severity, first.event.broker),
      },
    };
  },
};
