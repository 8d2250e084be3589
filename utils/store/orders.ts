// OrderEvents: identity, merge of overlapping captures and re-imports.

import type { BrokerId, OrderRow } from '../brokers/types';
import { OrderEventSchema, type OrderEvent } from '../records';
import type { KabuGuardDB } from './db';
import { mergeSeen, occurrenceIds } from './provenance';

/**
 * Identity: broker, order number when shown; otherwise day (not minute),
 * side, symbol, quantity, price, account, status. Identical rows in one source
 * are told apart by occurrence.
 */
export function orderEventIds(broker: BrokerId, rows: OrderRow[]): string[] {
  return occurrenceIds(
    `order_${broker}`,
    rows.map((r) =>
      r.orderNumber
        ? [broker, 'no', r.orderNumber, r.side, r.at.slice(0, 10)]
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

/** A row that may be a restatement of a stored trade: foreign, without an order number. */
function mayBeRestated(e: OrderEvent): boolean {
  return !e.orderNumber && e.marketRegion !== 'JP';
}

/**
 * Rakuten restates US rows after settlement: the trade date moves from the US
 * day to the JST day and the yen amounts are re-priced (brokers.md §1.5). A
 * foreign row without an order number whose id is new is matched to a stored
 * trade one day either side that no capture of this source already holds.
 * `near` holds the stored orders around the page's days (one range read).
 */
function findRestated(
  near: readonly OrderEvent[],
  e: OrderEvent,
  snapshotId: string,
  taken: Set<string>,
): OrderEvent | undefined {
  const day = e.at.slice(0, 10);
  const from = shiftDay(day, -1);
  const to = shiftDay(day, 2);
  return near.find(
    (o) =>
      o.at >= from &&
      o.at < to &&
      !taken.has(o.id) &&
      o.at.slice(0, 10) !== day &&
      !o.snapshotIds.includes(snapshotId) &&
      sameTrade(o, e),
  );
}

export async function upsertOrders(
  db: KabuGuardDB,
  broker: BrokerId,
  rows: OrderRow[],
  snapshotId: string,
  seenAt: string,
): Promise<{ added: number; seen: number; addedIds: string[] }> {
  const ids = orderEventIds(broker, rows);
  const fresh = rows.map((r, i) => toOrderEvent(broker, r, ids[i]!, snapshotId, seenAt));
  let added = 0;
  const addedIds: string[] = [];
  // Bulk read, compute, bulk write: no await per row. Inside the ingest
  // transaction, ~100 awaits that touch no table lost it (PrematureCommitError,
  // issue 11 item 1; utils/capture/large-ingest.test.ts).
  await db.transaction('rw', db.orders, async () => {
    const existing: Array<OrderEvent | undefined> = await db.orders.bulkGet(ids);
    const candidates = fresh.filter((e, i) => !existing[i] && mayBeRestated(e));
    if (candidates.length) {
      const days = candidates.map((e) => e.at.slice(0, 10)).sort();
      const near = await db.orders
        .where('[broker+at]')
        .between([broker, shiftDay(days[0]!, -1)], [broker, shiftDay(days.at(-1)!, 2)], true, false)
        .toArray();
      const taken = new Set<string>(ids);
      for (const [i, e] of fresh.entries()) {
        if (existing[i] || !mayBeRestated(e)) continue;
        const restated = findRestated(near, e, snapshotId, taken);
        if (restated) {
          existing[i] = restated;
          taken.add(restated.id);
        }
      }
    }
    const merged = fresh.map((e, i) => {
      const old = existing[i];
      if (!old) {
        added++;
        addedIds.push(e.id);
        return e;
      }
      // a later capture may know more (an open order executed, a restated date): newest wins, provenance accumulates
      return mergeSeen(old, e, snapshotId, seenAt, true);
    });
    // a restated row replaces its old-dated twin under the old id
    await db.orders.bulkPut(merged);
  });
  return { added, seen: rows.length, addedIds };
}

export function countOrders(db: KabuGuardDB, broker: BrokerId): Promise<number> {
  return db.orders.where('broker').equals(broker).count();
}

/** Most recent first, for the orders page. */
export function recentOrders(db: KabuGuardDB, limit = 200): Promise<OrderEvent[]> {
  return db.orders.orderBy('at').reverse().limit(limit).toArray();
}
