// AccountEvents: identity and merge of overlapping captures of a change history.

import type { AccountEventRow, BrokerId } from '../brokers/types';
import { stableHash } from '../brokers/shared/text';
import { AccountEventSchema, type AccountEvent } from '../records';
import type { KabuGuardDB } from './db';

/** Identity: broker, time, item as shown, detail, channel. Identical rows are told apart by occurrence. */
export function accountEventIds(broker: BrokerId, rows: AccountEventRow[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const key = stableHash(JSON.stringify([broker, r.at, r.item, r.detail ?? null, r.channel ?? null]));
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `account_${broker}_${key}${n ? `_${n}` : ''}`;
  });
}

export function toAccountEvent(broker: BrokerId, row: AccountEventRow, id: string, snapshotId: string, seenAt: string): AccountEvent {
  const e: Record<string, unknown> = { v: 1, id, broker, at: row.at, kind: row.kind, item: row.item, raw: row.raw, snapshotIds: [snapshotId], firstSeenAt: seenAt, lastSeenAt: seenAt };
  for (const f of ['dateOnly', 'detail', 'channel', 'status'] as const) if (row[f] !== undefined) e[f] = row[f];
  return AccountEventSchema.parse(e);
}

/** Validates every row first: one bad row stores nothing. */
export async function upsertAccountEvents(db: KabuGuardDB, broker: BrokerId, rows: AccountEventRow[], snapshotId: string, seenAt: string): Promise<{ added: number; seen: number; addedIds: string[] }> {
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
  return { added, seen: rows.length, addedIds };
}
