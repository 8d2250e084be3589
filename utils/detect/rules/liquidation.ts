// Most of the holdings sold within a day: the first leg of a takeover. Made
// from this browser it is the user's own decision (low). Holdings are those
// the order history implies; without them, three or more symbols sold in one
// session count.

import { comparedOrders, m, orderLabel, time, todo, yen } from '../phrases';
import { YEN_PER_UNIT } from '../facts';
import type { Severity } from '../../records/alert';
import type { OrderFacts, OrderRule } from '../types';

export const LIQUIDATION_SHARE = 0.6;
export const DAY_MS = 24 * 3600_000;

export const liquidation: OrderRule = {
  id: 'liquidation',
  scope: 'session',
  evaluate({ order: first, session, profile, review }) {
    const sells = session.filter(
      (o) =>
        o.event.side === 'sell' &&
        (!o.preInstall || review) &&
        o.event.status !== 'cancelled' &&
        o.ms - first.ms <= DAY_MS,
    );
    if (!sells.length) return undefined;
    const value = (qty: number, price: number | undefined, ccy: string | undefined) =>
      qty * (price ?? 0) * (YEN_PER_UNIT[ccy ?? 'JPY'] ?? 1);
    let held = 0;
    let sold = 0;
    const soldQty = new Map<string, number>();
    for (const s of sells) soldQty.set(s.symbolKey, (soldQty.get(s.symbolKey) ?? 0) + (s.event.quantity ?? 0));
    for (const p of profile.positions.values()) {
      if (p.quantity <= 0) continue;
      held += value(p.quantity, p.lastPrice, p.currency);
      sold += value(Math.min(p.quantity, soldQty.get(p.symbolKey) ?? 0), p.lastPrice, p.currency);
    }
    const symbols = soldQty.size;
    const share = held > 0 ? sold / held : 0;
    if (!((held > 0 && share >= LIQUIDATION_SHARE && symbols >= 2) || symbols >= 3)) return undefined;
    const offSite = sells.some((s) => s.onSite === false);
    const unknown = sells.some((s) => s.onSite === undefined);
    const severity: Severity = offSite ? 'high' : unknown ? 'medium' : 'low';
    const last = sells[sells.length - 1]!;
    return {
      rule: 'liquidation',
      severity,
      kind: 'orders',
      broker: first.event.broker,
      anchor: { id: first.event.id, at: first.event.at },
      events: sells.map((s: OrderFacts) => ({ id: s.event.id, at: s.event.at })),
      title: m('detTitleLiquidation', { count: symbols }),
      explanation: {
        seen: m('detSeenLiquidation', {
          from: time(sells[0]!.event.at),
          to: time(last.event.at),
          count: symbols,
          percent: Math.round(share * 100),
          lines: sells.slice(0, 6).map(orderLabel),
        }),
        compared: m('detComparedHoldings', {
          count: [...profile.positions.values()].filter((p) => p.quantity > 0).length,
          value: yen(held),
          history: comparedOrders(profile),
        }),
        harmless: [m('detHarmlessRebalance')],
        todo: todo(severity, first.event.broker),
      },
    };
  },
};
