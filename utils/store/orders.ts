// OrderEvents: identity, merge of overlapping captures and re-imports.

import type { BrokerId, OrderRow } from '../brokers/types';
import { OrderEventSchema, type OrderEvent } from '../records';
import type { KabuGuardDB } from './db';
import { normalizeText } from '../brokers/shared/text';
import { mergeSeen, occurrenceIds } from './provenance';
import { isForeign, keepCounts } from './record-counts';

/**
 * Identity: broker, order number when shown (with the day the order was
 * placed); otherwise day (not minute), side, symbol, quantity, price, account,
 * status. Identical rows in one source are told apart by occurrence.
 */
export function orderEventIds(broker: BrokerId, rows: OrderRow[]): string[] {
  return occurrenceIds(
    `order_${broker}`,
    rows.map((r) =>
      r.orderNumber
        ? [broker, 'no', r.orderNumber, r.side, (r.orderedAt ?? r.at).slice(0, 10)]
        : [
            broker,
            r.at.slice(0, 10),
            r.side,
            r.symbol ?? r.name ?? null,
            r.quantity ?? null,
            r.price ?? null,
            r.account ?? null,
            r.status,
          ],
    ),
  );
}

const OPTIONAL = [
  'dateOnly',
  'orderedAt',
  'symbol',
  'name',
  'market',
  'marketRegion',
  'quantity',
  'price',
  'currency',
  'currencyCode',
  'amount',
  'fees',
  'account',
  'orderNumber',
] as const;

export function toOrderEvent(
  broker: BrokerId,
  row: OrderRow,
  id: string,
  snapshotId: string,
  seenAt: string,
): OrderEvent {
  const e: Record<string, unknown> = {
    v: 1,
    id,
    broker,
    at: row.at,
    side: row.side,
    status: row.status,
    raw: row.raw,
    snapshotIds: [snapshotId],
    firstSeenAt: seenAt,
    lastSeenAt: seenAt,
  };
  for (const f of OPTIONAL) if (row[f] !== undefined) e[f] = row[f];
  return OrderEventSchema.parse(e);
}

function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const key = (e: OrderEvent) => normalizeText(e.symbol ?? e.name ?? '');
const sameOrUnknown = <T>(a: T | undefined, b: T | undefined) => a === undefined || b === undefined || a === b;
const samePrice = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));

/** The same trade, whatever day it is dated: what a restatement keeps. */
function sameTrade(a: OrderEvent, b: OrderEvent): boolean {
  return (
    a.side === b.side &&
    (a.symbol ?? a.name) === (b.symbol ?? b.name) &&
    a.quantity === b.quantity &&
    a.price === b.price &&
    a.account === b.account &&
    a.status === b.status
  );
}

/**
 * Rakuten restates US rows after settlement: the trade date moves from the US
 * day to the JST day and the yen amounts are re-priced (brokers.md §1.5). A
 * foreign row without an order number whose id is new is matched to a stored
 * trade one day either side that no capture of this source already holds.
 */
function isRestatement(stored: OrderEvent, e: OrderEvent, snapshotId: string): boolean {
  if (e.orderNumber || e.marketRegion === 'JP') return false;
  return (
    stored.at.slice(0, 10) !== e.at.slice(0, 10) && !stored.snapshotIds.includes(snapshotId) && sameTrade(stored, e)
  );
}

/** Days on which the trade may have executed: an order time alone leaves the next few days open. */
function executionDays(e: OrderEvent): [string, string] {
  const day = e.at.slice(0, 10);
  return e.orderedAt && e.orderedAt === e.at && e.status !== 'cancelled' ? [day, shiftDay(day, 5)] : [day, day];
}

/** How much a row says about when: an order time, a time, a date. */
const precision = (e: OrderEvent) => (e.orderedAt ? 2 : 0) + (e.dateOnly ? 0 : 1) + (e.orderNumber ? 1 : 0);

/**
 * One trade seen on two kinds of page: the order inquiry (order number, times)
 * and the trade history or its CSV (date only, amounts and fees). Both rows
 * name the same side, symbol and quantity on an overlapping day, at the same
 * price where both show one, from different captures, and one says more than
 * the other about when.
 */
function isSameTradeElsewhere(stored: OrderEvent, e: OrderEvent, snapshotId: string): boolean {
  if (stored.snapshotIds.includes(snapshotId) || stored.side !== e.side || key(stored) !== key(e) || !key(e))
    return false;
  if (stored.quantity === undefined || stored.quantity !== e.quantity) return false;
  if (!sameOrUnknown(stored.account, e.account) || !samePrice(stored.price, e.price)) return false;
  if ((stored.status === 'cancelled') !== (e.status === 'cancelled')) return false;
  const [a0, a1] = executionDays(stored);
  const [b0, b1] = executionDays(e);
  if (a1 < b0 || b1 < a0) return false;
  // the order number settles it both ways
  if (stored.orderNumber && e.orderNumber) return stored.orderNumber === e.orderNumber;
  // an order number alone says nothing about when: two date-only rows, one numbered, may be two trades
  return !!stored.dateOnly !== !!e.dateOnly || !!stored.orderedAt !== !!e.orderedAt;
}

/**
 * A stored trade seen again (the same page, or the same trade on another page):
 * the newer reading's fields win (an open order that executed, a restated
 * date), but what is more precise is never lost: a time beats a date, an order
 * time, order number, amount or fee shown anywhere is kept, an executed order
 * never goes back to open. The stored id stays; provenance accumulates.
 */
export function mergeOrder(old: OrderEvent, fresh: OrderEvent, snapshotId: string, seenAt: string): OrderEvent {
  const merged = mergeSeen(old, fresh, snapshotId, seenAt, true);
  const other = seenAt >= old.lastSeenAt ? old : fresh;
  const out: OrderEvent = { ...merged };
  for (const f of OPTIONAL)
    if (out[f] === undefined && other[f] !== undefined) (out as Record<string, unknown>)[f] = other[f];
  // a time beats a date of the same day; an order time alone never replaces an execution date
  const onlyOrderTime = (e: OrderEvent) => !e.dateOnly && e.orderedAt === e.at;
  const day = (e: OrderEvent) => e.at.slice(0, 10);
  if (merged.dateOnly !== other.dateOnly) {
    const [dated, timed] = merged.dateOnly ? [merged, other] : [other, merged];
    if (day(dated) === day(timed)) {
      out.at = timed.at;
      delete out.dateOnly;
    } else {
      out.at = dated.at;
      out.dateOnly = true;
    }
  } else if (!merged.dateOnly && onlyOrderTime(merged) && !onlyOrderTime(other)) out.at = other.at;
  if (other.status === 'executed') out.status = 'executed';
  return OrderEventSchema.parse(out);
}

/** What a later pass must look at again: the fields detection reads changed. */
function judgedChanged(a: OrderEvent, b: OrderEvent): boolean {
  return (
    a.at !== b.at ||
    a.orderedAt !== b.orderedAt ||
    a.status !== b.status ||
    !!a.dateOnly !== !!b.dateOnly ||
    a.quantity !== b.quantity ||
    a.price !== b.price
  );
}

/**
 * Validates every row first: one bad row stores nothing. One transaction: the
 * stored rows it may meet are read in two bulk reads (by id, and the days
 * around the rows for restatements and the same trade on another page), matched
 * in memory, and written in one bulk write: no await per row. Inside the
 * ingest transaction, ~100 awaits that touch no table lost it
 * (PrematureCommitError, issue 11 item 1; utils/capture/large-ingest.test.ts).
 */
export async function upsertOrders(
  db: KabuGuardDB,
  broker: BrokerId,
  rows: OrderRow[],
  snapshotId: string,
  seenAt: string,
): Promise<{ added: number; seen: number; addedIds: string[]; changedIds: string[] }> {
  const ids = orderEventIds(broker, rows);
  const fresh = rows.map((r, i) => toOrderEvent(broker, r, ids[i]!, snapshotId, seenAt));
  const addedIds: string[] = [];
  const changedIds: string[] = [];
  if (!fresh.length) return { added: 0, seen: 0, addedIds, changedIds };
  const days = fresh.map((e) => e.at.slice(0, 10)).sort();
  const lo = shiftDay(days[0]!, -6);
  const hi = shiftDay(days[days.length - 1]!, 7);
  await db.transaction('rw', [db.orders, db.kv], async () => {
    const [byId, near] = await Promise.all([
      db.orders.bulkGet(ids),
      db.orders.where('[broker+at]').between([broker, lo], [broker, hi], true, false).toArray(),
    ]);
    const existing: Array<OrderEvent | undefined> = [...byId];
    const taken = new Set<string>(ids);
    // each stored trade answers for at most one new row: two identical real trades stay two
    const claim = (i: number, match: (o: OrderEvent) => boolean) => {
      const found = near.find((o) => !taken.has(o.id) && match(o));
      if (found) {
        existing[i] = found;
        taken.add(found.id);
      }
    };
    fresh.forEach((e, i) => existing[i] ?? claim(i, (o) => isSameTradeElsewhere(o, e, snapshotId)));
    fresh.forEach((e, i) => existing[i] ?? claim(i, (o) => isRestatement(o, e, snapshotId)));
    const out = new Map<string, OrderEvent>();
    fresh.forEach((e, i) => {
      const old = existing[i];
      if (!old) {
        addedIds.push(e.id);
        out.set(e.id, e);
        return;
      }
      const base = out.get(old.id) ?? old;
      const merged = mergeOrder(base, e, snapshotId, seenAt);
      if (judgedChanged(old, merged) && !changedIds.includes(old.id)) changedIds.push(old.id);
      out.set(old.id, merged);
    });
    // a restated row replaces its old-dated twin under the old id
    const merged = [...out.values()];
    await db.orders.bulkPut(merged);
    // kept counts (record-counts.ts): new orders, and orders whose region a later capture changed
    const stored = new Map(existing.flatMap((o) => (o ? [[o.id, o] as const] : [])));
    const foreign = merged.reduce((n, e) => n + +isForeign(e) - +isForeign(stored.get(e.id)), 0);
    await keepCounts(db, broker, { orders: addedIds.length, foreignOrders: foreign });
  });
  return { added: addedIds.length, seen: rows.length, addedIds, changedIds };
}

export function countOrders(db: KabuGuardDB, broker: BrokerId): Promise<number> {
  return db.orders.where('broker').equals(broker).count();
}

/** Most recent first, for the orders page. */
export function recentOrders(db: KabuGuardDB, limit = 200): Promise<OrderEvent[]> {
  return db.orders.orderBy('at').reverse().limit(limit).toArray();
}
