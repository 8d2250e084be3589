// AccountEvents: identity and merge of overlapping captures of a change history.

import type { AccountEventRow, BrokerId } from '../brokers/types';
import { AccountEventSchema, type AccountEvent } from '../records';
import type { KabuGuardDB } from './db';
import { mergeSeen, occurrenceIds } from './provenance';

/** Identity: broker, time, item as shown, detail, channel. Identical rows are told apart by occurrence. */
export function accountEventIds(broker: BrokerId, rows: AccountEventRow[]): string[] {
  return occurrenceIds(
    `account_${broker}`,
    rows.map((r) => [broker, r.at, r.item, r.detail ?? null, r.channel ?? null]),
  );
}

export function toAccountEvent(
  broker: BrokerId,
  row: AccountEventRow,
  id: string,
  snapshotId: string,
  seenAt: string,
): AccountEvent {
  const e: Record<string, unknown> = {
    v: 1,
    id,
    broker,
    at: row.at,
    kind: row.kind,
    item: row.item,
    raw: row.raw,
    snapshotIds: [snapshotId],
    firstSeenAt: seenAt,
    lastSeenAt: seenAt,
  };
  for (const f of ['dateOnly', 'detail', 'channel', 'status'] as const) if (row[f] !== undefined) e[f] = row[f];
  return AccountEventSchema.parse(e);
}

/** Validates every row first: one bad row stores nothing. */
export async function upsertAccountEvents(
  db: KabuGuardDB,
  broker: BrokerId,
  rows: AccountEventRow[],
  snapshotId: string,
  seenAt: string,
): Promise<{ added: number; seen: number; addedIds: string[] }> {
  const ids = accountEventIds(broker, rows);
  const fresh = rows.map((r, i) => toAccountEvent(broker, r, ids[i]!, snapshotId, seenAt));
  let added = 0;
  const addedIds: string[] = [];
  await db.transaction('rw', db.accountEvents, async () => {
    const existing = await db.accountEvents.bulkGet(ids);
    await db.accountEvents.bulkPut(
      fresh.map((e, i) => {
        const old = existing[i];
        if (!old) {
          added++;
          addedIds.push(e.id);
          return e;
        }
        return mergeSeen(old, e, snapshotId, seenAt, true);
      }),
    );
  });
  return { added, seen: rows.length, addedIds };
}
