// A buy of a symbol never traded before, far larger than the user's largest
// buy, or a bulk buy at a penny price: the pump-and-dump leg of a takeover
// (domestic small caps as well as HK ones, brokers.md §4). Judged by the yen
// amount, not the share count: HK board lots run to thousands of shares, so
// five lots of a HK$0.9 large cap (about ¥190,000) is not a bulk buy.

import { comparedOrders, m, orderLabel, todo } from '../phrases';
import type { Severity } from '../../records/alert';
import type { OrderRule } from '../types';

/** × the user's largest buy. */
export const OUTSIZED_FACTOR = 5;
/** Below this no buy is outsized (¥). */
export const OUTSIZED_FLOOR_JPY = 1_000_000;
/** With no history to compare, a first buy above this is outsized (¥). */
export const OUTSIZED_NO_HISTORY_JPY = 5_000_000;
export const BULK_FACTOR = 10;
export const BULK_FLOOR_SHARES = 10_000;

export function isLowPrice(price: number | undefined, currency: string | undefined): boolean {
  if (price === undefined) return false;
  return currency === 'JPY' || currency === undefined ? price < 100 : price < 1;
}

export const outsizedNewSymbol: OrderRule = {
  id: 'outsized-new-symbol',
  scope: 'order',
  evaluate({ order: o, profile, review }) {
    const e = o.event;
    if ((o.preInstall && !review) || e.side !== 'buy' || e.status === 'cancelled' || profile.symbols.has(o.symbolKey))
      return undefined;
    const amount = o.amountJpy ?? 0;
    const outsized =
      profile.count > 0
        ? amount >= Math.max(OUTSIZED_FACTOR * profile.maxBuyJpy, OUTSIZED_FLOOR_JPY)
        : amount >= OUTSIZED_NO_HISTORY_JPY;
    const bulk = (e.quantity ?? 0) >= Math.max(BULK_FACTOR * profile.maxBuyQuantity, BULK_FLOOR_SHARES);
    const lowPrice = isLowPrice(e.price, o.currency);
    const material = amount >= OUTSIZED_FLOOR_JPY;
    if (!(outsized || (material && bulk && (lowPrice || (amount >= 2 * profile.maxBuyJpy && profile.count > 0)))))
      return undefined;
    const severity: Severity = o.onSite === true ? 'low' : o.onSite === undefined ? 'medium' : 'high';
    return {
      rule: 'outsized-new-symbol',
      severity,
      kind: 'orders',
      broker: e.broker,
      anchor: { id: e.id, at: e.at },
      events: [{ id: e.id, at: e.at }],
      title: m('detTitleOutsizedBuy', { symbol: e.symbol ?? '', name: e.name ?? '' }),
      explanation: {
        seen: orderLabel(o),
        compared: m('detComparedOutsized', {
          history: comparedOrders(profile),
          times: profile.maxBuyJpy > 0 ? Math.round(amount / profile.maxBuyJpy) : 0,
          quantity: profile.maxBuyQuantity,
        }),
        harmless: [m('detHarmlessOwnTrade')],
        todo: todo(severity, e.broker),
      },
    };
  },
};
