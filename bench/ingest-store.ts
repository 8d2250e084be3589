// Ingest of many login events through our store (utils/store/logins.ts) on
// whatever IndexedDB is global (fake-indexeddb in Node), next to a naive
// writer that puts each row in its own transaction.

import { KabuGuardDB } from '../utils/store/db';
import { loginEventIds, toLoginEvent, upsertLogins } from '../utils/store/logins';
import { loginRows } from './generate';
import { timeOnce } from './stats';

const SEEN_AT = '2026-11-21T08:00:00+09:00';

export interface IngestResult {
  rows: number;
  ms: number;
}

/** As ingest does: one upsertLogins (validate, bulkGet, bulkPut, one transaction) per captured page of `batch` rows. */
export async function ingestWithStore(total: number, batch: number): Promise<IngestResult> {
  const db = new KabuGuardDB(`bench-store-${Math.random()}`);
  await db.open();
  const batches = Array.from({ length: Math.ceil(total / batch) }, (_, b) => loginRows(Math.min(batch, total - b * batch), b * batch));
  const { ms } = await timeOnce(async () => {
    for (const [b, rows] of batches.entries()) await upsertLogins(db, 'rakuten', rows, `snap_bench_${b}`, SEEN_AT);
  });
  const stored = await db.logins.count();
  db.close();
  await db.delete();
  if (stored !== total) throw new Error(`store wrote ${stored} of ${total} rows`);
  return { rows: total, ms };
}

/** The same records, each `put` in a transaction of its own (same validation, same ids). */
export async function ingestNaive(total: number): Promise<IngestResult> {
  const db = new KabuGuardDB(`bench-naive-${Math.random()}`);
  await db.open();
  const rows = loginRows(total);
  const ids = loginEventIds('rakuten', rows);
  const { ms } = await timeOnce(async () => {
    for (const [i, r] of rows.entries()) await db.logins.put(toLoginEvent('rakuten', r, ids[i]!, 'snap_bench_0', SEEN_AT));
  });
  const stored = await db.logins.count();
  db.close();
  await db.delete();
  if (stored !== total) throw new Error(`naive writer wrote ${stored} of ${total} rows`);
  return { rows: total, ms };
}

/** Only the CPU part of the store's ingest: identities and zod validation, no IndexedDB. */
export async function prepareOnly(total: number): Promise<IngestResult> {
  const rows = loginRows(total);
  const { ms } = await timeOnce(() => {
    const ids = loginEventIds('rakuten', rows);
    rows.forEach((r, i) => toLoginEvent('rakuten', r, ids[i]!, 'snap_bench_0', SEEN_AT));
  });
  return { rows: total, ms };
}
