// LoginEvents: identity, merge of overlapping captures, counts, and every read
// of them. Stored a broker's day to a record (utils/records/login-day.ts);
// nothing outside this file touches that table, and every read returns plain
// LoginEvents, so the consumers do not know the stored shape (issue 13 item 1).

import type { LoginRow } from '../brokers/types';
import { LoginEventSchema, type LoginDay, type LoginEvent } from '../records';
import type { BrokerId } from '../brokers/types';
import { BROKER_IDS } from '../brokers/labels';
import type { KabuGuardDB } from './db';
import { byAt, dayOf, loginDay, loginDayId, packLoginDays } from './login-days';
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

/** Validates every row first: one bad row stores nothing. One transaction for all rows. */
export async function upsertLogins(
  db: KabuGuardDB,
  broker: BrokerId,
  rows: LoginRow[],
  snapshotId: string,
  seenAt: string,
): Promise<{ added: number; seen: number; addedIds: string[]; addedFrom?: string }> {
  const ids = loginEventIds(broker, rows);
  const fresh = rows.map((r, i) => toLoginEvent(broker, r, ids[i]!, snapshotId, seenAt));
  const addedIds: string[] = [];
  if (fresh.length === 0) return { added: 0, seen: 0, addedIds };
  const byDay = new Map<string, LoginEvent[]>();
  for (const e of fresh) {
    const day = dayOf(e.at);
    const g = byDay.get(day);
    if (g) g.push(e);
    else byDay.set(day, [e]);
  }
  const days = [...byDay.keys()];
  await db.transaction('rw', [...loginTables(db), db.kv], async () => {
    // a row keeps its `at` (an identity field), so a stored copy is in its day's record: one key each
    const stored = await db.loginDays.bulkGet(days.map((d) => loginDayId(broker, d)));
    const writes: LoginDay[] = [];
    for (const [i, day] of days.entries()) {
      const kept = new Map((stored[i]?.rows ?? []).map((e) => [e.id, e]));
      let dirty = false;
      for (const e of byDay.get(day)!) {
        const old = kept.get(e.id);
        if (!old) {
          kept.set(e.id, e);
          addedIds.push(e.id);
          dirty = true;
          continue;
        }
        // a login row is all identity: nothing but provenance can change
        const merged = mergeSeen(old, e, snapshotId, seenAt, false);
        if (!unchanged(merged, old)) {
          kept.set(e.id, merged);
          dirty = true;
        }
      }
      if (dirty) writes.push(loginDay(broker, day, [...kept.values()]));
    }
    // read and written in one read-write transaction: no other writer's rows come in between
    if (writes.length) await db.loginDays.bulkPut(writes);
    await keepCounts(db, broker, { logins: addedIds.length });
  });
  // where detection must look again: the earliest new login (a login is found by its broker and time, not its id)
  const added = new Set(addedIds);
  let addedFrom: string | undefined;
  for (const e of fresh) if (added.has(e.id) && (addedFrom === undefined || e.at < addedFrom)) addedFrom = e.at;
  return { added: addedIds.length, seen: rows.length, addedIds, ...(addedFrom ? { addedFrom } : {}) };
}

// Reading logins: every consumer goes through these, never the table. Each
// returns plain LoginEvents in a stated order; a query by time reads the whole
// days it touches and keeps the rows inside.

export { byAt };

/** The tables a transaction that reads or writes logins must include. */
export const loginTables = (db: KabuGuardDB) => [db.loginDays];

const flat = (days: readonly LoginDay[]): LoginEvent[] => days.flatMap((d) => d.rows);
const daysOf = (db: KabuGuardDB, broker: BrokerId, lo: string, hi: string) =>
  db.loginDays.where('[broker+day]').between([broker, dayOf(lo)], [broker, dayOf(hi)], true, true);

/** Every login of every broker, by id (the order before version 4, which the evidence keeps for equal times). */
export async function allLogins(db: KabuGuardDB): Promise<LoginEvent[]> {
  return flat(await db.loginDays.toArray()).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Every login of one broker, oldest first. */
export async function loginsOf(db: KabuGuardDB, broker: BrokerId): Promise<LoginEvent[]> {
  return flat(await daysOf(db, broker, '', '\uffff').toArray());
}

/** One broker's logins with `lo <= at <= hi` (`at < hi` with `hiOpen`), oldest first. */
export async function loginsBetween(
  db: KabuGuardDB,
  broker: BrokerId,
  lo: string,
  hi: string,
  hiOpen = false,
): Promise<LoginEvent[]> {
  if (lo > hi) return [];
  return flat(await daysOf(db, broker, lo, hi).toArray()).filter(
    (e) => e.at >= lo && (hiOpen ? e.at < hi : e.at <= hi),
  );
}

/**
 * The logins these references name, in their order (undefined where none).
 * A login is found by its broker and time (its day's record, one key), not by
 * its id alone: a multi-entry index of every id cost about as much as the
 * records themselves at ingest (3.46 s of 6.40 s for 100,000 logins in
 * Chromium, README "Performance at scale"), and every caller knows the time
 * (an alert's eventTimes, the case's rows, the rows just read).
 */
export async function loginsAt(
  db: KabuGuardDB,
  refs: ReadonlyArray<Pick<LoginEvent, 'id' | 'broker' | 'at'>>,
): Promise<Array<LoginEvent | undefined>> {
  if (!refs.length) return [];
  const keys = [...new Set(refs.map((r) => loginDayId(r.broker, dayOf(r.at))))];
  const found = new Map<string, LoginEvent>();
  for (const d of await db.loginDays.bulkGet(keys)) for (const e of d?.rows ?? []) found.set(e.id, e);
  return refs.map((r) => found.get(r.id));
}

/** The broker a login id names (loginEventIds: `login_<broker>_<hash>`), or undefined. */
export function brokerOfLoginId(id: string): BrokerId | undefined {
  return BROKER_IDS.find((b) => id.startsWith(`login_${b}_`));
}

/** The earliest of `at`s per broker (detection's `loginsFrom`). */
export function earliestPerBroker(
  events: ReadonlyArray<Pick<LoginEvent, 'broker' | 'at'>>,
): Partial<Record<BrokerId, string>> {
  const out: Partial<Record<BrokerId, string>> = {};
  for (const e of events) if (!out[e.broker] || e.at < out[e.broker]!) out[e.broker] = e.at;
  return out;
}

/**
 * One broker's newest logins with `lo <= at <= hi` that `keep` accepts, newest
 * first, at most `limit`: days read newest first, a few at a time, until enough.
 */
export async function newestLogins(
  db: KabuGuardDB,
  broker: BrokerId,
  lo: string,
  hi: string,
  limit: number,
  keep: (e: LoginEvent) => boolean = () => true,
): Promise<LoginEvent[]> {
  const out: LoginEvent[] = [];
  if (lo > hi || limit <= 0) return out;
  let upper = dayOf(hi);
  let upperOpen = false;
  for (let batch = 4; ; batch *= 2) {
    const days = await db.loginDays
      .where('[broker+day]')
      .between([broker, dayOf(lo)], [broker, upper], true, !upperOpen)
      .reverse()
      .limit(batch)
      .toArray();
    for (const d of days)
      for (let i = d.rows.length - 1; i >= 0; i--) {
        const e = d.rows[i]!;
        if (e.at >= lo && e.at <= hi && keep(e)) out.push(e);
        if (out.length >= limit) return out;
      }
    if (days.length < batch) return out;
    upper = days.at(-1)!.day;
    upperOpen = true;
  }
}

/** Ids of every stored login, sorted. */
export async function allLoginIds(db: KabuGuardDB): Promise<string[]> {
  const ids: string[] = [];
  await db.loginDays.each((d) => ids.push(...d.ids));
  return ids.sort();
}

/** How many logins one broker has (the kept counts are cheaper: utils/store/record-counts.ts). */
export async function countLogins(db: KabuGuardDB, broker: BrokerId): Promise<number> {
  let n = 0;
  await daysOf(db, broker, '', '\uffff').each((d) => (n += d.ids.length));
  return n;
}

/** How many logins are stored, all brokers. */
export async function countAllLogins(db: KabuGuardDB): Promise<number> {
  let n = 0;
  await db.loginDays.each((d) => (n += d.ids.length));
  return n;
}

/** The brokers that have logins. */
export async function loginBrokers(db: KabuGuardDB): Promise<BrokerId[]> {
  const keys = (await db.loginDays.orderBy('[broker+day]').uniqueKeys()) as unknown as Array<[BrokerId, string]>;
  return [...new Set(keys.map((k) => k[0]))];
}

/** Deletes one broker's logins (its data deleted); inside the caller's transaction. Returns how many. */
export async function deleteLoginsOf(db: KabuGuardDB, broker: BrokerId): Promise<number> {
  const n = await countLogins(db, broker);
  await daysOf(db, broker, '', '\uffff').delete();
  return n;
}

/** Deletes every login (a rebuild refills them); inside the caller's transaction. */
export function clearLogins(db: KabuGuardDB): Promise<void> {
  return db.loginDays.clear();
}

/** Stores these logins as they are, replacing any with the same id (fixtures, benches: not ingest). */
export async function putLogins(db: KabuGuardDB, events: readonly LoginEvent[]): Promise<void> {
  await db.transaction('rw', loginTables(db), async () => {
    const days = packLoginDays(events);
    const stored = await db.loginDays.bulkGet(days.map((d) => d.id));
    await db.loginDays.bulkPut(
      days.map((d, i) => {
        const kept = new Map((stored[i]?.rows ?? []).map((e) => [e.id, e]));
        for (const e of d.rows) kept.set(e.id, e);
        return loginDay(d.broker, d.day, [...kept.values()]);
      }),
    );
  });
}
