// OrderEvents: identity, merge of overlapping captures and re-imports.

import type { BrokerId, OrderRow } from '../brokers/types';
import { stableHash } from '../brokers/shared/text';
import { OrderEventSchema, type OrderEvent } from '../records';
import type { KabuGuardDB } from './db';

/**
 * Identity: broker, order number when shown; otherwise day (not minute: Rakuten
 * restates US rows after settlement, brokers.md §1.5), side, symbol, quantity,
 * price, account. Identical rows in one source are told apart by occurrence.
 */
export function orderEventIds(broker: BrokerId, rows: OrderRow[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const parts = r.orderNumber
      ? [broker, 'no', r.orderNumber, r.side, r.at.slice(0, 10)]
      : [broker, r.at.slice(0, 10), r.side, r.symbol ?? r.name ?? null, r.quantity ?? null, r.price ?? null, r.account ?? null, r.status];
    const key = stableHash(JSON.stringify(parts));
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `order_${broker}_${key}${n ? `_${n}` : ''}`;
  });
}

const OPTIONAL = ['dateOnly', 'symbol', 'name', 'market', 'marketRegion', 'quantity', 'price', 'currency', 'currencyCode', 'amount', 'fees', 'account', 'orderNumber'] as const;

export function toOrderEvent(broker: BrokerId, row: OrderRow, id: string, snapshotId: string, seenAt: string): OrderEvent {
  const e: Record<string, unknown> = { v: 1, id, broker, at: row.at, side: row.side, status: row.status, raw: row.raw, snapshotIds: [snapshotId], firstSeenAt: seenAt, lastSeenAt: seenAt };
  for (const f of OPTIONAL) if (row[f] !== undefined) e[f] = row[f];
  return OrderEventSchema.parse(e);
}

export async function upsertOrders(db: KabuGuardDB, broker: BrokerId, rows: OrderRow[], snapshotId: string, seenAt: string): Promise<{ added: number; seen: number }> {
  const ids = orderEventIds(broker, rows);
  const fresh = rows.map((r, i) => toOrderEvent(broker, r, ids[i]!, snapshotId, seenAt));
  let added = 0;
  await db.transaction('rw', db.orders, async () => {
    const existing = await db.orders.bulkGet(ids);
    await db.orders.bulkPut(
      fresh.map((e, i) => {
        const old = existing[i];
        if (!old) {
          added++;
          return e;
        }
        // a later capture may know more (an open order executed): newest wins, provenance accumulates
        const newer = seenAt >= old.lastSeenAt;
        return {
          ...(newer ? e : old),
          snapshotIds: old.snapshotIds.includes(snapshotId) ? old.snapshotIds : [...old.snapshotIds, snapshotId],
          firstSeenAt: old.firstSeenAt < seenAt ? old.firstSeenAt : seenAt,
          lastSeenAt: newer ? seenAt : old.lastSeenAt,
        };
      }),
    );
  });
  return { added, seen: rows.length };
}
