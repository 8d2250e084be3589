// LoginEvents: identity, merge of overlapping captures, counts.

import type { LoginRow } from '../brokers/types';
import { stableHash } from '../brokers/shared/text';
import { LoginEventSchema, type LoginEvent } from '../records';
import type { BrokerId } from '../brokers/types';
import type { KabuGuardDB } from './db';

const IDENTITY_FIELDS = ['at', 'result', 'channel', 'ip', 'os', 'browser', 'device', 'userAgent', 'location'] as const;

/**
 * The same row read again gets the same id. Two identical rows in one capture
 * (two PC logins in the same minute) are told apart by their occurrence.
 */
export function loginEventIds(broker: BrokerId, rows: LoginRow[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const key = stableHash(JSON.stringify([broker, ...IDENTITY_FIELDS.map((f) => r[f] ?? null)]));
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `login_${broker}_${key}${n ? `_${n}` : ''}`;
  });
}

export function toLoginEvent(broker: BrokerId, row: LoginRow, id: string, snapshotId: string, seenAt: string): LoginEvent {
  const e: LoginEvent = {
    v: 1,
    id,
    broker,
    at: row.at,
    result: row.result,
    raw: row.raw,
    snapshotIds: [snapshotId],
    firstSeenAt: seenAt,
    lastSeenAt: seenAt,
  };
  for (const f of ['channel', 'ip', 'os', 'browser', 'device', 'userAgent', 'location'] as const) {
    if (row[f] !== undefined) e[f] = row[f];
  }
  return LoginEventSchema.parse(e);
}

/** Validates every row first: one bad row stores nothing. One transaction for all rows. */
export async function upsertLogins(
  db: KabuGuardDB,
  broker: BrokerId,
  rows: LoginRow[],
  snapshotId: string,
  seenAt: string,
): Promise<{ added: number; seen: number; addedIds: string[] }> {
  const ids = loginEventIds(broker, rows);
  const fresh = rows.map((r, i) => toLoginEvent(broker, r, ids[i]!, snapshotId, seenAt));
  let added = 0;
  const addedIds: string[] = [];
  await db.transaction('rw', db.logins, async () => {
    const existing = await db.logins.bulkGet(ids);
    const merged = fresh.map((e, i) => {
      const old = existing[i];
      if (!old) {
        added++;
        addedIds.push(e.id);
        return e;
      }
      return {
        ...old,
        snapshotIds: old.snapshotIds.includes(snapshotId) ? old.snapshotIds : [...old.snapshotIds, snapshotId],
        firstSeenAt: old.firstSeenAt < seenAt ? old.firstSeenAt : seenAt,
        lastSeenAt: old.lastSeenAt > seenAt ? old.lastSeenAt : seenAt,
      };
    });
    await db.logins.bulkPut(merged);
  });
  return { added, seen: rows.length, addedIds };
}

export function countLogins(db: KabuGuardDB, broker: BrokerId): Promise<number> {
  return db.logins.where('broker').equals(broker).count();
}
