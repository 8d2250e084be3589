// The damage statement, item by item as victims' published claims list them:
// (1) buy-back of holdings sold without consent, at the sale price; (2) the loss
// on stocks bought without consent (foreign / small caps); (3) fees; (4) tax on
// gains the forced sales realised; (5) lost dividends; (6) lost shareholder
// benefits; (7) the NISA allowance to restore. What the records cannot know
// (today's value, dividends, benefits) is left blank for the user to fill in.

import type { OrderEvent } from '../records';
import { isFlagged } from './collect';
import { num, str, type Loose } from './fields';
import type { EventFlag } from './types';

/** 所得税及び復興特別所得税 15.315% + 住民税 5% on gains in 特定/一般 accounts (simplified: no loss offset). */
export const CAPITAL_GAINS_TAX_RATE = 0.20315;

export interface SoldItem {
  order: OrderEvent;
  amount?: number;
  /** Average price of earlier buys of the same code (or the holding's own average cost). */
  costPrice?: number;
  costSource?: 'orders' | 'holdings';
  gain?: number;
  nisa: boolean;
}

export interface BoughtItem {
  order: OrderEvent;
  amount?: number;
  foreign: boolean;
  /** Value today, from a holdings capture when there is one. */
  currentValue?: number;
}

export interface DamageStatement {
  sold: SoldItem[];
  bought: BoughtItem[];
  /** Fees by currency, and how many orders had no fee shown. */
  fees: Record<string, number>;
  feesUnknown: number;
  /** Estimated taxable realised gains (JPY, 特定/一般) and the tax on them. */
  taxableGain?: number;
  taxEstimate?: number;
  gainsUnknown: number;
  nisaSold: SoldItem[];
  nisaBought: BoughtItem[];
  soldTotal: Record<string, number>;
  boughtTotal: Record<string, number>;
}

export function currencyOf(o: OrderEvent): string {
  if (o.currencyCode) return o.currencyCode;
  const c = o.currency ?? '';
  if (/円|JPY/.test(c)) return 'JPY';
  if (/HK|香港/.test(c)) return 'HKD';
  if (/米|USD|ドル/.test(c)) return 'USD';
  if (/人民元|元|CNY/.test(c)) return 'CNY';
  if (!c && (!o.marketRegion || o.marketRegion === 'JP')) return 'JPY';
  return c || 'UNKNOWN';
}

export function amountOf(o: OrderEvent): number | undefined {
  if (o.amount !== undefined) return o.amount;
  return o.quantity !== undefined && o.price !== undefined ? o.quantity * o.price : undefined;
}

export function isForeign(o: OrderEvent): boolean {
  if (o.marketRegion) return o.marketRegion !== 'JP';
  return currencyOf(o) !== 'JPY';
}

export const isNisa = (account: string | undefined) => /NISA|ＮＩＳＡ/i.test(account ?? '');

const add = (m: Record<string, number>, k: string, v: number | undefined) => {
  if (v !== undefined) m[k] = (m[k] ?? 0) + v;
};

/** The latest holding of this code (utils/records/holding.ts keeps one record per quantity seen). */
function holdingFor(holdings: Loose[], o: OrderEvent): Loose | undefined {
  return holdings
    .filter((h) => str(h, 'broker') === o.broker && o.symbol !== undefined && str(h, 'symbol', 'code') === o.symbol)
    .sort((a, b) => (str(b, 'lastSeenAt') ?? '').localeCompare(str(a, 'lastSeenAt') ?? ''))[0];
}

// Holdings keep the cells as shown in `raw`: Rakuten / SBI column names for cost and value.
const COST_KEYS = [
  'averageCost',
  'avgCost',
  'acquisitionPrice',
  'costPrice',
  '平均取得価額',
  '平均取得単価',
  '取得単価',
  '取得価額',
];
const VALUE_KEYS = ['marketValue', 'valuation', 'currentValue', '評価額', '時価評価額', '評価金額'];
const holdingNum = (h: Loose | undefined, keys: string[]) =>
  num(h, ...keys) ?? num(h?.raw as Loose | undefined, ...keys);

export function damageStatement(
  orders: OrderEvent[],
  flags: Map<string, EventFlag>,
  holdings: Loose[] = [],
): DamageStatement {
  const executed = orders.filter((o) => o.status === 'executed');
  const flagged = executed.filter((o) => isFlagged(flags, o.id));
  const st: DamageStatement = {
    sold: [],
    bought: [],
    fees: {},
    feesUnknown: 0,
    gainsUnknown: 0,
    nisaSold: [],
    nisaBought: [],
    soldTotal: {},
    boughtTotal: {},
  };
  let taxable = 0;
  let taxableKnown = false;
  for (const o of flagged) {
    const cur = currencyOf(o);
    if (o.fees !== undefined) add(st.fees, cur, o.fees);
    else st.feesUnknown++;
    const amount = amountOf(o);
    if (o.side === 'sell') {
      const prior = executed.filter(
        (b) =>
          b.side === 'buy' &&
          b.broker === o.broker &&
          b.symbol === o.symbol &&
          o.symbol !== undefined &&
          b.at < o.at &&
          !isFlagged(flags, b.id) &&
          b.quantity &&
          b.price !== undefined,
      );
      const qty = prior.reduce((n, b) => n + b.quantity!, 0);
      let costPrice: number | undefined;
      let costSource: SoldItem['costSource'];
      if (qty > 0) {
        costPrice = prior.reduce((n, b) => n + b.quantity! * b.price!, 0) / qty;
        costSource = 'orders';
      } else {
        const h = holdingFor(holdings, o);
        costPrice = holdingNum(h, COST_KEYS);
        if (costPrice !== undefined) costSource = 'holdings';
      }
      const gain =
        costPrice !== undefined && o.quantity !== undefined && o.price !== undefined
          ? Math.round((o.price - costPrice) * o.quantity)
          : undefined;
      const item: SoldItem = {
        order: o,
        ...(amount !== undefined ? { amount } : {}),
        ...(costPrice !== undefined ? { costPrice, costSource } : {}),
        ...(gain !== undefined ? { gain } : {}),
        nisa: isNisa(o.account),
      };
      st.sold.push(item);
      add(st.soldTotal, cur, amount);
      if (item.nisa) st.nisaSold.push(item);
      else if (cur === 'JPY' && gain !== undefined) {
        taxable += gain;
        taxableKnown = true;
      } else if (cur === 'JPY') st.gainsUnknown++;
    } else {
      const h = holdingFor(holdings, o);
      const currentValue = holdingNum(h, VALUE_KEYS);
      const item: BoughtItem = {
        order: o,
        ...(amount !== undefined ? { amount } : {}),
        foreign: isForeign(o),
        ...(currentValue !== undefined ? { currentValue } : {}),
      };
      st.bought.push(item);
      add(st.boughtTotal, cur, amount);
      if (isNisa(o.account)) st.nisaBought.push(item);
    }
  }
  if (taxableKnown) {
    st.taxableGain = taxable;
    st.taxEstimate = Math.max(0, Math.round(taxable * CAPITAL_GAINS_TAX_RATE));
  }
  return st;
}
