// One trade, however many pages showed it. The order inquiry (注文照会) shows a
// trade with its time; the trade history (取引履歴) and the CSV show the same
// trade with its date only, and often with the fees the inquiry lacks (issue
// 10: 12 rows and 「17件」 for 6 trades, fees of 535 / 275 円 reported as なし).
// The evidence reads every source, so it merges them here: a date-only record
// joins the one timed record of the same trade (same broker, side, symbol,
// quantity, price, account, JST day); the precise fields win, the fees come
// from whichever record has them, and provenance keeps every snapshot. Two
// timed records are never merged: two identical sales minutes apart are two sales.

import { normalizeText } from '../brokers/shared/text';
import type { OrderEvent } from '../records';

export interface Trade {
  /** Ids of every record of this trade, the timed one first. */
  ids: string[];
  /** The merged record: the timed record's fields, gaps filled from the others. */
  order: OrderEvent;
  /** Every snapshot that showed this trade. */
  snapshotIds: string[];
}

const day = (o: OrderEvent) => o.at.slice(0, 10);
/** In time order, each time parsed once (a comparator parsing both times made the sort the slowest step). */
function sortByTime(orders: readonly OrderEvent[]): OrderEvent[] {
  const at = new Map(orders.map((o) => [o, Date.parse(o.at)]));
  return [...orders].sort((a, b) => at.get(a)! - at.get(b)! || a.id.localeCompare(b.id));
}

/** 特定 / 特定預り / 特定口座 are one account as pages and CSVs spell it; NISA成長投資枠 and ＮＩＳＡ（成長投資枠） too. */
export function accountKey(account: string | undefined): string {
  return normalizeText(account ?? '').replace(/預り|預かり|口座|区分|[()（）\s]/g, '');
}

/** What must agree for two records to be the same trade (the day aside). */
export function tradeKey(o: OrderEvent): string {
  return [
    o.broker,
    o.side,
    o.status,
    normalizeText(o.symbol ?? o.name ?? ''),
    o.quantity ?? '',
    o.price ?? '',
    accountKey(o.account),
  ].join('|');
}

function fill(into: OrderEvent, from: OrderEvent): OrderEvent {
  const out: OrderEvent = { ...into, raw: { ...from.raw, ...into.raw } };
  for (const k of Object.keys(from) as Array<keyof OrderEvent>) {
    // the timed record's time stands: a date-only partner never makes it date-only
    if (k === 'dateOnly' || k === 'at') continue;
    if (out[k] === undefined && from[k] !== undefined) (out as Record<string, unknown>)[k] = from[k];
  }
  out.snapshotIds = [...new Set([...into.snapshotIds, ...from.snapshotIds])];
  return out;
}

/** Orders (any order) → trades in time order. */
export function mergeSameTrades(orders: readonly OrderEvent[]): Trade[] {
  const sorted = sortByTime(orders);
  const trades: Trade[] = [];
  // timed trades waiting for a date-only partner, by key and day
  const open = new Map<string, Trade[]>();
  const slot = (o: OrderEvent) => `${tradeKey(o)}|${day(o)}`;
  for (const o of sorted.filter((x) => !x.dateOnly)) {
    const t: Trade = { ids: [o.id], order: o, snapshotIds: [...o.snapshotIds] };
    trades.push(t);
    open.set(slot(o), [...(open.get(slot(o)) ?? []), t]);
  }
  for (const o of sorted.filter((x) => x.dateOnly)) {
    const partner = open.get(slot(o))?.shift();
    if (partner) {
      partner.ids.push(o.id);
      partner.order = fill(partner.order, o);
      partner.snapshotIds = partner.order.snapshotIds;
    } else trades.push({ ids: [o.id], order: o, snapshotIds: [...o.snapshotIds] });
  }
  const at = new Map(trades.map((t) => [t, Date.parse(t.order.at)]));
  return trades.sort((a, b) => at.get(a)! - at.get(b)! || a.order.id.localeCompare(b.order.id));
}
