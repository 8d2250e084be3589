// Ingest of many login events through our store (utils/store/logins.ts: rows
// packed a broker's day to a record) on whatever IndexedDB is global:
// fake-indexeddb in Node (bench/run.ts), real IndexedDB in the extension's
// service worker (bench/ingest-chromium.ts runs this same file there, bundled).
// Next to it, in the same run: the floor under the store (the same day records
// only written, nothing else), the floor of one record per row (the shape
// before schema version 4), and a naive writer that puts each row in its own
// transaction, one record per row.

import Dexie, { type Table } from 'dexie';
import type { LoginEvent } from '../utils/records';
import { KabuGuardDB } from '../utils/store/db';
import { packLoginDays } from '../utils/store/login-days';
import { countAllLogins, loginEventIds, toLoginEvent, upsertLogins } from '../utils/store/logins';
import { loginRows } from './generate';
import { timeOnce } from './stats';

const SEEN_AT = '2026-11-21T08:00:00+09:00';

export interface IngestResult {
  rows: number;
  ms: number;
  /** IndexedDB records the rows ended in. */
  records?: number;
}

/** A fresh database of the given kind for one run, deleted after it. */
async function withDb<D extends Dexie, T>(
  make: (name: string) => D,
  kind: string,
  fn: (db: D) => Promise<T>,
): Promise<T> {
  const db = make(`kabu-guard-bench-${kind}-${Math.random()}`);
  await db.open();
  try {
    return await fn(db);
  } finally {
    db.close();
    await db.delete();
  }
}
const store = (name: string) => new KabuGuardDB(name);
const rowPerRecord = (name: string) => new RowPerRecordDB(name);

/** One record per row, as the logins were stored up to schema version 3 (utils/store/db.ts). */
class RowPerRecordDB extends Dexie {
  logins!: Table<LoginEvent, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ logins: 'id, [broker+at]' });
  }
}

function events(total: number, batch: number): LoginEvent[] {
  const rows = loginRows(total);
  const ids = loginEventIds('rakuten', rows);
  return rows.map((r, i) => toLoginEvent('rakuten', r, ids[i]!, `snap_bench_${Math.floor(i / batch)}`, SEEN_AT));
}

/** As ingest does: one upsertLogins (ids, zod, reading the days it touches, writes: one transaction) per captured page of `batch` rows. */
export async function ingestWithStore(total: number, batch: number): Promise<IngestResult> {
  return withDb(store, 'store', async (db) => {
    const batches = Array.from({ length: Math.ceil(total / batch) }, (_, b) =>
      loginRows(Math.min(batch, total - b * batch), b * batch),
    );
    const { ms } = await timeOnce(async () => {
      for (const [b, rows] of batches.entries()) await upsertLogins(db, 'rakuten', rows, `snap_bench_${b}`, SEEN_AT);
    });
    const stored = await countAllLogins(db);
    if (stored !== total) throw new Error(`store wrote ${stored} of ${total} rows`);
    return { rows: total, ms, records: await db.loginDays.count() };
  });
}

/** The same records as the store's (day records, same ids, same zod validation), written bare: `batch` rows per transaction, no reads, nothing else timed. */
export async function writePacked(total: number, batch: number): Promise<IngestResult> {
  return withDb(store, 'floor', async (db) => {
    const all = events(total, batch);
    // packed per page, as the store writes them: a day split between two pages is written twice, as there
    const chunks = Array.from({ length: Math.ceil(total / batch) }, (_, b) =>
      packLoginDays(all.slice(b * batch, (b + 1) * batch)),
    );
    const { ms } = await timeOnce(async () => {
      for (const days of chunks) await db.transaction('rw', db.loginDays, () => db.loginDays.bulkPut(days));
    });
    return { rows: total, ms, records: await db.loginDays.count() };
  });
}

/** One record per row (the shape before schema version 4), bulkAdd, `batch` per transaction, nothing else timed. */
export async function writeRows(total: number, batch: number): Promise<IngestResult> {
  return withDb(rowPerRecord, 'rows', async (db) => {
    const all = events(total, batch);
    const { ms } = await timeOnce(async () => {
      for (let b = 0; b < total; b += batch) {
        const chunk = all.slice(b, b + batch);
        await db.transaction('rw', db.logins, () => db.logins.bulkAdd(chunk));
      }
    });
    return { rows: total, ms, records: total };
  });
}

/** The naive writer: the same ids, zod and LoginEvents, one record per row, each `put` in a transaction of its own. */
export async function ingestNaive(total: number): Promise<IngestResult> {
  return withDb(rowPerRecord, 'naive', async (db) => {
    const rows = loginRows(total);
    const ids = loginEventIds('rakuten', rows);
    const { ms } = await timeOnce(async () => {
      for (const [i, r] of rows.entries())
        await db.logins.put(toLoginEvent('rakuten', r, ids[i]!, 'snap_bench_0', SEEN_AT));
    });
    const stored = await db.logins.count();
    if (stored !== total) throw new Error(`naive writer wrote ${stored} of ${total} rows`);
    return { rows: total, ms, records: total };
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
  /** The store's own records written bare. */
  floor: IngestResult;
  /** One record per row written bare (before schema version 4). */
  rowFloor: IngestResult;
  prepare: IngestResult;
}

/** All five, in one run on one IndexedDB (what bench/run.ts prints, in Node and in Chromium). */
export async function ingestFigures(total: number, batch: number, naiveRows: number): Promise<IngestFigures> {
  const store = await ingestWithStore(total, batch);
  const floor = await writePacked(total, batch);
  const rowFloor = await writeRows(total, batch);
  const naive = await ingestNaive(naiveRows);
  const prepare = await prepareOnly(total);
  return { store, naive, floor, rowFloor, prepare };
}
