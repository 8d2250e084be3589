// Sells followed within a day by a buy of something never traded (or HK/China,
// or at a penny price): the proceeds moved into what the attacker pumps. From
// this browser it is an ordinary switch and not reported.

import { comparedOrders, m, orderLabel, time, todo } from '../phrases';
import { isLowPrice } from './outsized-new-symbol';
import type { Severity } from '../../records/alert';
import type { OrderFacts, OrderRule } from '../types';

export const SELL_THEN_BUY_MS = 24 * 3600_000;

export const sellThenBuy: OrderRule = {
  id: 'sell-then-buy',
  scope: 'session',
  evaluate({ order: first, session, profile, review }) {
    const judged = session.filter((o) => (!o.preInstall || review) && o.event.status !== 'cancelled');
    const seen = new Set(profile.symbols);
    let hit: { sells: OrderFacts[]; buy: OrderFacts } | undefined;
    for (const b of judged) {
      if (b.event.side === 'sell') continue;
      const sells = judged.filter((s) => s.event.side === 'sell' && s.ms <= b.ms && s.ms >= b.ms - SELL_THEN_BUY_MS);
      const odd =
        !seen.has(b.symbolKey) &&
        (b.region === 'HK' ||
          b.region === 'CN' ||
          isLowPrice(b.event.price, b.currency) ||
          sells.reduce((a, s) => a + (s.amountJpy ?? 0), 0) * 0.5 <= (b.amountJpy ?? 0));
      seen.add(b.symbolKey);
      if (sells.length && odd) {
        hit = { sells, buy: b };
        break;
      }
    }
    if (!hit) return undefined;
    const involved = [...hit.sells, hit.buy];
    if (involved.every((o) => o.onSite === true)) return undefined;
    const severity: Severity = involved.some((o) => o.onSite === false) ? 'high' : 'medium';
    return {
      rule: 'sell-then-buy',
      severity,
      kind: 'orders',
      broker: first.event.broker,
      anchor: { id: first.event.id, at: first.event.at },
      events: involved.map((o) => ({ id: o.event.id, at: o.event.at })),
      title: m('detTitleSellThenBuy', { symbol: hit.buy.event.symbol ?? '', name: hit.buy.event.name ?? '' }),
      explanation: {
        seen: m('detSeenSellThenBuy', {
          selltime: time(hit.sells[0]!.event.at),
          count: hit.sells.length,
          buy: orderLabel(hit.buy),
        }),
        compared: comparedOrders(profile),
        harmless: [m('detHarmlessRebalance')],
        todo: todo(severity, first.event.broker),
      },
    };
  },
};
