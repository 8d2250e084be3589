// A buy of a symbol never traded here that takes a large share of the
// account: the proceeds of a sell-off (or the cash) moved into the one stock
// the attacker pumps (FSA: "domestic or foreign small-cap stocks", brokers.md
// §4). Judged by the yen amount against the account's value (the holdings the
// orders imply, at their last prices), whatever the price per share, the
// board lot or the currency: a domestic small cap as much as an HK one, and
// well below half of the proceeds.

import { comparedOrders, m, orderLabel, todo, yen } from '../phrases';
import type { Severity } from '../../records/alert';
import type { OrderRule } from '../types';

/** Share of the account's value above which one new symbol is a pump buy. */
export const PUMP_SHARE = 0.25;
/** Below this no buy is one (¥). */
export const PUMP_FLOOR_JPY = 500_000;

export const pumpBuy: OrderRule = {
  id: 'pump-buy',
  scope: 'order',
  evaluate({ order: o, session, profile, accountJpy, review }) {
    const e = o.event;
    if ((o.preInstall && !review) || e.side !== 'buy' || e.status === 'cancelled') return undefined;
    if (profile.symbols.has(o.symbolKey) || o.amountJpy === undefined || o.amountJpy < PUMP_FLOOR_JPY) return undefined;
    // the sells of the same session are part of the account's value (they are still in it, as cash)
    const account = Math.max(accountJpy ?? 0, 1);
    const share = o.amountJpy / account;
    if (share < PUMP_SHARE && (accountJpy ?? 0) > 0) return undefined;
    // with no holdings known, only a buy paid for by this session's sells counts
    const proceeds = session
      .filter((s) => s.event.side === 'sell' && s.ms <= o.ms && s.event.status !== 'cancelled')
      .reduce((n, s) => n + (s.amountJpy ?? 0), 0);
    if (!(accountJpy ?? 0) && proceeds < PUMP_FLOOR_JPY) return undefined;
    let severity: Severity | undefined;
    if (o.onSite === true) severity = undefined;
    else if (o.onSite === undefined) severity = 'medium';
    else severity = 'high';
    if (!severity) return undefined;
    return {
      rule: 'pump-buy',
      severity,
      kind: 'orders',
      broker: e.broker,
      anchor: { id: e.id, at: e.at },
      events: [{ id: e.id, at: e.at }],
      title: m('detTitlePumpBuy', { symbol: e.symbol ?? '', name: e.name ?? '' }),
      explanation: {
        seen: orderLabel(o),
        compared: m('detComparedPump', {
          percent: Math.round(Math.min(share, 9.99) * 100),
          account: yen(accountJpy ?? proceeds),
          history: comparedOrders(profile),
        }),
        harmless: [m('detHarmlessOwnTrade')],
        todo: todo(severity, e.broker),
      },
    };
  },
};
