// LoginEvents: identity, merge of overlapping captures, counts.

import type { LoginRow } from '../brokers/types';
import { LoginEventSchema, type LoginEvent } from '../records';
import type { BrokerId } from '../brokers/types';
import type { KabuGuardDB } from './db';
import { mergeSeen, occurrenceIds, unchanged } from './provenance';
import { keepCounts } from './record-counts';

const IDENTITY_FIELDS = ['at', 'result', 'channel', 'ip', 'os', 'browser', 'device', 'userAgent', 'location'] as const;

/**
 * The same row read again gets the same id. Two identical rows in one capture
 * (two PC logins in the same minute) are told apart by their occurrence.
 */
export function loginEventIds(broker: BrokerId, rows: LoginRow[]): string[] {
  return occurrenceIds(
    `login_${broker}`,
    rows.map((r) => [broker, ...IDENTITY_FIELDS.map((f) => r[f] ?? null)]),
  );
}

export function toLoginEvent(
  broker: BrokerId,
  row: LoginRow,
  id: string,
  snapshotId: string,
  seenAt: string,
): LoginEvent {
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

/**
 * The stored logins among `fresh` (all of one broker), by id. A row keeps its
 * `at` (an identity field), so a stored copy lies in [broker+at] between the
 * page's first and last time: one count and one range read, where a key
 * lookup per row costs a request each (~50 µs in Chromium, bench/run.ts (c)).
 * When that range holds many more logins than the page (a page spanning years),
 * the rows are looked up by key instead.
 */
async function storedAmong(db: KabuGuardDB, broker: BrokerId, fresh: LoginEvent[]): Promise<Map<string, LoginEvent>> {
  let lo = fresh[0]!.at;
  let hi = lo;
  for (const e of fresh) {
    if (e.at < lo) lo = e.at;
    if (e.at > hi) hi = e.at;
  }
  const range = db.logins.where('[broker+at]').between([broker, lo], [broker, hi], true, true);
  const inRange = await range.count();
  if (inRange === 0) return new Map();
  const stored =
    inRange <= 2 * fresh.length + 100 ? await range.toArray() : await db.logins.bulkGet(fresh.map((e) => e.id));
  const byId = new Map<string, LoginEvent>();
  for (const e of stored) if (e) byId.set(e.id, e);
  return byId;
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
  const addedIds: string[] = [];
  if (fresh.length === 0) return { added: 0, seen: 0, addedIds };
  await db.transaction('rw', [db.logins, db.kv], async () => {
    const stored = await storedAmong(db, broker, fresh);
    const added: LoginEvent[] = [];
    const changed: LoginEvent[] = [];
    for (const e of fresh) {
      const old = stored.get(e.id);
      if (!old) {
        added.push(e);
        continue;
      }
      // a login row is all identity: nothing but provenance can change
      const merged = mergeSeen(old, e, snapshotId, seenAt, false);
      if (!unchanged(merged, old)) changed.push(merged);
    }
    // add, not put: a row believed new that exists after all aborts the transaction instead of being overwritten
    if (added.length) await db.logins.bulkAdd(added);
    if (changed.length) await db.logins.bulkPut(changed);
    await keepCounts(db, broker, { logins: added.length });
    for (const e of added) addedIds.push(e.id);
  });
  return { added: addedIds.length, seen: rows.length, addedIds };
}

export function countLogins(db: KabuGuardDB, broker: BrokerId): Promise<number> {
  return db.logins.where('broker').equals(broker).count();
}
