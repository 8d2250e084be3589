// Holdings: one record per distinct position state, seen from first to last capture.

import type { BrokerId, HoldingRow } from '../brokers/types';
import { HoldingSchema, type Holding } from '../records';
import type { KabuGuardDB } from './db';
import { mergeSeen, occurrenceIds } from './provenance';

/** Identity: broker, account, instrument, quantity. A changed quantity is a new state, the old one stays. */
export function holdingIds(broker: BrokerId, rows: HoldingRow[]): string[] {
  return occurrenceIds(
    `holding_${broker}`,
    rows.map((r) => [broker, r.account ?? null, r.symbol ?? null, r.symbol ? null : (r.name ?? null), r.quantity]),
  );
}

const OPTIONAL = ['symbol', 'name', 'account', 'market', 'marketRegion', 'currency', 'currencyCode'] as const;

export function toHolding(broker: BrokerId, row: HoldingRow, id: string, snapshotId: string, seenAt: string): Holding {
  const h: Record<string, unknown> = {
    v: 1,
    id,
    broker,
    quantity: row.quantity,
    raw: row.raw,
    snapshotIds: [snapshotId],
    firstSeenAt: seenAt,
    lastSeenAt: seenAt,
  };
  for (const f of OPTIONAL) if (row[f] !== undefined) h[f] = row[f];
  return HoldingSchema.parse(h);
}

/** Validates every row first: one bad row stores nothing. */
export async function upsertHoldings(
  db: KabuGuardDB,
  broker: BrokerId,
  rows: HoldingRow[],
  snapshotId: string,
  seenAt: string,
): Promise<{ added: number; seen: number; addedIds: string[] }> {
  const ids = holdingIds(broker, rows);
  const fresh = rows.map((r, i) => toHolding(broker, r, ids[i]!, snapshotId, seenAt));
  let added = 0;
  const addedIds: string[] = [];
  await db.transaction('rw', db.holdings, async () => {
    const existing = await db.holdings.bulkGet(ids);
    await db.holdings.bulkPut(
      fresh.map((h, i) => {
        const old = existing[i];
        if (!old) {
          added++;
          addedIds.push(h.id);
          return h;
        }
        return mergeSeen(old, h, snapshotId, seenAt, true);
      }),
    );
  });
  return { added, seen: rows.length, addedIds };
}
