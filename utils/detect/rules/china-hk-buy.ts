// Buys of Hong Kong / mainland China stocks: the 2025 takeovers sold the
// victim's holdings and bought HK/China small caps with the proceeds
// (brokers.md §4). A user who trades HK stocks from this browser is left alone.

import { comparedOrders, m, orderLabel, todo } from '../phrases';
import { atLeast } from '../severity';
import type { Severity } from '../../records/alert';
import type { OrderRule } from '../types';

export const chinaHkBuy: OrderRule = {
  id: 'china-hk-buy',
  scope: 'order',
  evaluate({ order: o, profile, precedingLogin, loginProfile, review }) {
    if ((o.preInstall && !review) || o.event.side !== 'buy' || (o.region !== 'HK' && o.region !== 'CN'))
      return undefined;
    const trader = profile.regions.has(o.region);
    let severity: Severity | undefined;
    if (o.onSite === true) severity = trader ? undefined : 'low';
    else if (atLeast(precedingLogin?.severity, 'medium')) severity = 'high';
    else if (o.onSite === undefined) severity = trader ? 'low' : 'medium';
    else if (trader) severity = hasOtherChannels(loginProfile) ? 'low' : 'medium';
    else severity = 'high';
    if (!severity) return undefined;
    return {
      rule: 'china-hk-buy',
      severity,
      kind: 'orders',
      broker: o.event.broker,
      anchor: { id: o.event.id, at: o.event.at },
      events: [{ id: o.event.id, at: o.event.at }],
      title: m('detTitleChinaHk', { symbol: o.event.symbol ?? '', name: o.event.name ?? '' }),
      explanation: {
        seen: orderLabel(o),
        compared: comparedOrders(profile),
        harmless: [m(trader ? 'detHarmlessOwnTrade' : 'detHarmlessNone')],
        todo: todo(severity, o.event.broker),
      },
    };
  },
};

/** The user logs in by app or smartphone too: trades away from this browser are normal for them. */
export function hasOtherChannels(p: import('../types').LoginProfile): boolean {
  for (const d of p.devices.values())
    if ((d.device.channel === 'app' || d.device.channel === 'mobile') && d.count > 0) return true;
  return false;
}
