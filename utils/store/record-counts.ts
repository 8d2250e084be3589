// The counts the popup and the dashboard show (logins, orders, foreign orders,
// snapshots per broker), kept up to date by the writes themselves: every write
// that adds or removes a counted row changes them in its own transaction, so
// they commit, or not, with it (issue 13 item 1). Counting the rows instead
// takes ~1.7 s at 300,000 events in Chromium, even by index.
//
// A database from before these counts has none: `keepCounts` then leaves them
// absent, and the first reader counts once (`countNow`, in one transaction with
// the tables it counts, so no write slips between the count and its storing).

import { BROKER_IDS } from '../brokers/labels';
import type { BrokerId } from '../brokers/types';
import type { OrderEvent } from '../records';
import type { KabuGuardDB } from './db';
import { kvGet, kvSet } from './kv';
import { loginTables } from './logins';
import { brokerCounts, type BrokerCounts } from './summary';

/** kv key: Record<BrokerId, BrokerCounts>; a bookkeeping value, not evidence (rebuilt from the records). */
export const RECORD_COUNTS_KEY = 'record-counts';

export type RecordCounts = Record<string, BrokerCounts>;

export const NO_COUNTS: BrokerCounts = { logins: 0, snapshots: 0, orders: 0, foreignOrders: 0 };

/** What summary.ts counts as foreign: a market region other than JP and UNKNOWN ([broker+marketRegion] ranges). */
export function isForeign(o: Pick<OrderEvent, 'marketRegion'> | undefined): boolean {
  const r = o?.marketRegion;
  return typeof r === 'string' && r !== 'JP' && r !== 'UNKNOWN';
}

/** The kept counts, or undefined when this database has none yet. */
export function readCounts(db: KabuGuardDB): Promise<RecordCounts | undefined> {
  return kvGet<RecordCounts | undefined>(db, RECORD_COUNTS_KEY, undefined);
}

/**
 * Adds `delta` to one broker's counts, inside the caller's read-write
 * transaction (which must include `kv`). Nothing when no counts are kept yet.
 */
export async function keepCounts(db: KabuGuardDB, broker: BrokerId, delta: Partial<BrokerCounts>): Promise<void> {
  if (!Object.values(delta).some((n) => n)) return;
  const all = await readCounts(db);
  if (!all) return;
  const c = { ...NO_COUNTS, ...all[broker] };
  for (const k of Object.keys(delta) as Array<keyof BrokerCounts>) c[k] = (c[k] ?? 0) + (delta[k] ?? 0);
  await kvSet(db, RECORD_COUNTS_KEY, { ...all, [broker]: c });
}

/** Sets one broker's counts (its data deleted: zero), inside the caller's transaction. */
export async function setCounts(db: KabuGuardDB, broker: BrokerId, counts: BrokerCounts): Promise<void> {
  const all = await readCounts(db);
  if (all) await kvSet(db, RECORD_COUNTS_KEY, { ...all, [broker]: counts });
}

/** Every broker counted from the rows: inside the caller's transaction (a rebuild), or in one of its own. */
export async function countNow(db: KabuGuardDB): Promise<RecordCounts> {
  return db.transaction('rw', [...loginTables(db), db.orders, db.snapshots, db.kv], async () => {
    const counts: RecordCounts = Object.fromEntries(
      await Promise.all(BROKER_IDS.map(async (id) => [id, await brokerCounts(db, id)] as const)),
    );
    await kvSet(db, RECORD_COUNTS_KEY, counts);
    return counts;
  });
}
