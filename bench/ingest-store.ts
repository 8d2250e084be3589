// Ingest of many login events through our store (utils/store/logins.ts) on
// whatever IndexedDB is global: fake-indexeddb in Node (bench/run.ts), real
// IndexedDB in the extension's service worker (bench/ingest-chromium.ts runs
// this same file there, bundled). Next to it, a naive writer that puts each
// row in its own transaction, and the IndexedDB floor (validated rows only
// written, nothing else).

import { KabuGuardDB } from '../utils/store/db';
import { loginEventIds, toLoginEvent, upsertLogins } from '../utils/store/logins';
import { loginRows } from './generate';
import { timeOnce } from './stats';

const SEEN_AT = '2026-11-21T08:00:00+09:00';

export interface IngestResult {
  rows: number;
  ms: number;
}

async function withDb<T>(kind: string, fn: (db: KabuGuardDB) => Promise<T>): Promise<T> {
  const db = new KabuGuardDB(`kabu-guard-bench-${kind}-${Math.random()}`);
  await db.open();
  try {
    return await fn(db);
  } finally {
    db.close();
    await db.delete();
  }
}

/** As ingest does: one upsertLogins (ids, zod, the existence check, writes: one transaction) per captured page of `batch` rows. */
export async function ingestWithStore(total: number, batch: number): Promise<IngestResult> {
  return withDb('store', async (db) => {
    const batches = Array.from({ length: Math.ceil(total / batch) }, (_, b) =>
      loginRows(Math.min(batch, total - b * batch), b * batch),
    );
    const { ms } = await timeOnce(async () => {
      for (const [b, rows] of batches.entries()) await upsertLogins(db, 'rakuten', rows, `snap_bench_${b}`, SEEN_AT);
    });
    const stored = await db.logins.count();
    if (stored !== total) throw new Error(`store wrote ${stored} of ${total} rows`);
    return { rows: total, ms };
  });
}

/** The same records (same ids, same zod validation, same table), each `put` in a transaction of its own. */
export async function ingestNaive(total: number): Promise<IngestResult> {
  return withDb('naive', async (db) => {
    const rows = loginRows(total);
    const ids = loginEventIds('rakuten', rows);
    const { ms } = await timeOnce(async () => {
      for (const [i, r] of rows.entries())
        await db.logins.put(toLoginEvent('rakuten', r, ids[i]!, 'snap_bench_0', SEEN_AT));
    });
    const stored = await db.logins.count();
    if (stored !== total) throw new Error(`naive writer wrote ${stored} of ${total} rows`);
    return { rows: total, ms };
  });
}

/** The floor under the store: the validated records only written (bulkAdd, `batch` per transaction), no ids, zod or reads timed. */
export async function writeOnly(total: number, batch: number): Promise<IngestResult> {
  return withDb('floor', async (db) => {
    const rows = loginRows(total);
    const ids = loginEventIds('rakuten', rows);
    const events = rows.map((r, i) =>
      toLoginEvent('rakuten', r, ids[i]!, `snap_bench_${Math.floor(i / batch)}`, SEEN_AT),
    );
    const { ms } = await timeOnce(async () => {
      for (let b = 0; b < total; b += batch) {
        const chunk = events.slice(b, b + batch);
        await db.transaction('rw', db.logins, () => db.logins.bulkAdd(chunk));
      }
    });
    return { rows: total, ms };
  });
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

export interface IngestFigures {
  store: IngestResult;
  naive: IngestResult;
  floor: IngestResult;
  prepare: IngestResult;
}

/** All four, in one run on one IndexedDB (what bench/run.ts prints, in Node and in Chromium). */
export async function ingestFigures(total: number, batch: number, naiveRows: number): Promise<IngestFigures> {
  const store = await ingestWithStore(total, batch);
  const naive = await ingestNaive(naiveRows);
  const floor = await writeOnly(total, batch);
  const prepare = await prepareOnly(total);
  return { store, naive, floor, prepare };
}
