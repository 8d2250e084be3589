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
  await db.transaction('rw', [...loginTables(db), db.kv], async () => {
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

// Reading logins: every consumer goes through these, never the table, so the
// stored shape can change without them (issue 13 item 1). Each returns plain
// LoginEvents in a stated order.

/** Oldest first; ties by id (the order of the [broker+at] index). */
export const byAt = (a: LoginEvent, b: LoginEvent): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The tables a transaction that reads or writes logins must include. */
export const loginTables = (db: KabuGuardDB) => [db.logins];

/** Every login of every broker, by id. */
export function allLogins(db: KabuGuardDB): Promise<LoginEvent[]> {
  return db.logins.toArray();
}

/** Every login of one broker, oldest first. */
export function loginsOf(db: KabuGuardDB, broker: BrokerId): Promise<LoginEvent[]> {
  return db.logins.where('broker').equals(broker).toArray();
}

/** One broker's logins with `lo <= at <= hi` (`at < hi` with `hiOpen`), oldest first. */
export function loginsBetween(
  db: KabuGuardDB,
  broker: BrokerId,
  lo: string,
  hi: string,
  hiOpen = false,
): Promise<LoginEvent[]> {
  return db.logins.where('[broker+at]').between([broker, lo], [broker, hi], true, !hiOpen).toArray();
}

/** The logins with these ids, in their order (undefined where none). */
export function loginsByIds(db: KabuGuardDB, ids: readonly string[]): Promise<Array<LoginEvent | undefined>> {
  return db.logins.bulkGet([...ids]);
}

/**
 * One broker's newest logins with `lo <= at <= hi` that `keep` accepts, newest
 * first, at most `limit`.
 */
export function newestLogins(
  db: KabuGuardDB,
  broker: BrokerId,
  lo: string,
  hi: string,
  limit: number,
  keep: (e: LoginEvent) => boolean = () => true,
): Promise<LoginEvent[]> {
  return db.logins
    .where('[broker+at]')
    .between([broker, lo], [broker, hi], true, true)
    .reverse()
    .filter(keep)
    .limit(limit)
    .toArray();
}

/** Ids of every stored login. */
export async function allLoginIds(db: KabuGuardDB): Promise<string[]> {
  return (await db.logins.toCollection().primaryKeys()).map(String);
}

/** How many logins are stored, all brokers. */
export function countAllLogins(db: KabuGuardDB): Promise<number> {
  return db.logins.count();
}

/** The brokers that have logins. */
export async function loginBrokers(db: KabuGuardDB): Promise<BrokerId[]> {
  const keys = (await db.logins.orderBy('[broker+at]').uniqueKeys()) as unknown as Array<[BrokerId, string]>;
  return [...new Set(keys.map((k) => k[0]))];
}

/** Deletes one broker's logins (its data deleted); inside the caller's transaction. Returns how many. */
export function deleteLoginsOf(db: KabuGuardDB, broker: BrokerId): Promise<number> {
  return db.logins.where('broker').equals(broker).delete();
}

/** Deletes every login (a rebuild refills them); inside the caller's transaction. */
export function clearLogins(db: KabuGuardDB): Promise<void> {
  return db.logins.clear();
}

/** Stores these logins as they are, replacing any with the same id (fixtures, benches: not ingest). */
export async function putLogins(db: KabuGuardDB, events: readonly LoginEvent[]): Promise<void> {
  await db.logins.bulkPut([...events]);
}
