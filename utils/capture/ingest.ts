// The one capture pipeline with side effects, shared by the background (page
// captures), the CLI and the tests:
//   snapshot (bytes + hash, stored first) -> parse -> validate -> store -> health.
// A page that fails to parse keeps its snapshot, flagged; it is never dropped.

import { brokerById } from '../brokers';
import { toJstIso } from '../brokers/shared/dates';
import { stripSessionIds } from '../brokers/shared/url';
import type { BrokerId, PageReading } from '../brokers/types';
import { sha256Hex } from '../crypto';
import type { AdapterHealth, Snapshot } from '../records';
import { appendLog } from '../store/capture-log';
import type { KabuGuardDB } from '../store/db';
import { upsertLogins } from '../store/logins';
import { upsertOrders } from '../store/orders';
import { upsertHoldings } from '../store/holdings';
import { upsertAccountEvents } from '../store/account-events';
import { allMappings } from '../store/mappings';
import type { TableMapping } from '../records/table-mapping';
import { readCsvSnapshot } from '../import/read-csv';
import { decodeBytes } from './decode';

export type ParseHtml = (html: string) => Document;

export interface CaptureInput {
  broker: BrokerId;
  url: string;
  how: Snapshot['how'];
  /** Serialised page (content script) or decoded text; or raw bytes (fetch, import). */
  html?: string;
  bytes?: Uint8Array;
  /** The page's own charset (for `bytes`, the one to decode them with). */
  charset: string;
  title?: string;
  capturedAt?: string;
  fileName?: string;
  mediaType?: string;
  redactions?: string[];
}

export interface CaptureResult {
  snapshot: Snapshot;
  reading: PageReading;
  added: number;
  /** Logins, orders and account events seen for the first time (what detection looks at). */
  newEventIds: string[];
}

interface StoredRecords {
  added: number;
  newEventIds: string[];
}

function recordCount(r: PageReading): number {
  return r.logins.length + r.orders.length + (r.holdings?.length ?? 0) + (r.accountEvents?.length ?? 0);
}

/**
 * All records of one reading in one transaction: every row is validated (zod)
 * before it is written, and one invalid row aborts the whole reading, so a
 * page never leaves half its records behind.
 */
async function storeReading(
  db: KabuGuardDB,
  broker: BrokerId,
  reading: PageReading,
  snapshotId: string,
  seenAt: string,
): Promise<StoredRecords> {
  return db.transaction('rw', [db.logins, db.orders, db.holdings, db.accountEvents], async () => {
    const results = [
      reading.logins.length ? await upsertLogins(db, broker, reading.logins, snapshotId, seenAt) : undefined,
      reading.orders.length ? await upsertOrders(db, broker, reading.orders, snapshotId, seenAt) : undefined,
      reading.accountEvents?.length
        ? await upsertAccountEvents(db, broker, reading.accountEvents, snapshotId, seenAt)
        : undefined,
    ];
    const holdings = reading.holdings?.length
      ? await upsertHoldings(db, broker, reading.holdings, snapshotId, seenAt)
      : undefined;
    return {
      added: results.reduce((n, r) => n + (r?.added ?? 0), 0) + (holdings?.added ?? 0),
      newEventIds: results.flatMap((r) => r?.addedIds ?? []),
    };
  });
}

function healthFor(reading: PageReading, snapshotId: string | undefined, at: string, url: string): AdapterHealth {
  const state: AdapterHealth['state'] =
    reading.status === 'ok' || reading.status === 'empty'
      ? 'readable'
      : reading.status === 'not-logged-in'
        ? 'logged-out'
        : reading.status === 'maintenance'
          ? 'maintenance'
          : reading.status === 'unreadable'
            ? 'unreadable'
            : 'unknown';
  return {
    v: 1,
    broker: reading.broker,
    state,
    pageKind: reading.pageKind,
    url,
    ...(reading.warnings.length ? { message: reading.warnings.slice(0, 3).join(' / ') } : {}),
    ...(snapshotId ? { snapshotId } : {}),
    at,
  };
}

/** What a page reading says about a broker; everything else in the stored health (visits, checks) survives it. */
const READING_FIELDS = ['state', 'pageKind', 'url', 'message', 'snapshotId', 'at'] as const;

export async function updateHealth(db: KabuGuardDB, next: AdapterHealth, captured: boolean): Promise<void> {
  await db.transaction('rw', db.health, async () => {
    const kept: Partial<AdapterHealth> = { ...(await db.health.get(next.broker)) };
    for (const f of READING_FIELDS) delete kept[f];
    await db.health.put({ ...kept, ...next, ...(captured ? { lastCaptureAt: next.at } : {}) });
  });
}

function readStored(
  snapshot: Snapshot,
  bytes: Uint8Array,
  parseHtml: ParseHtml,
  mappings: readonly TableMapping[] = [],
): PageReading {
  const adapter = brokerById(snapshot.broker);
  if (!adapter) throw new Error(`unknown broker ${snapshot.broker}`);
  // an imported CSV is read by the CSV readers, not an HTML adapter (utils/import/)
  if (snapshot.mediaType === 'text/csv') return readCsvSnapshot(snapshot, bytes);
  const text =
    snapshot.storedEncoding === 'utf-8'
      ? new TextDecoder('utf-8').decode(bytes)
      : decodeBytes(bytes, snapshot.charset).text;
  try {
    return adapter.readPage(parseHtml(text), snapshot.url, { mappings });
  } catch (err) {
    return {
      broker: snapshot.broker,
      pageKind: snapshot.pageKind,
      status: 'unreadable',
      loggedIn: false,
      logins: [],
      orders: [],
      parserVersion: 'error',
      warnings: [`parser error: ${String(err).slice(0, 200)}`],
    };
  }
}

export async function ingestCapture(
  db: KabuGuardDB,
  input: CaptureInput,
  parseHtml: ParseHtml,
): Promise<CaptureResult> {
  const capturedAt = input.capturedAt ?? toJstIso(Date.now());
  const bytes = input.bytes ?? new TextEncoder().encode(input.html ?? '');
  const sha256 = await sha256Hex(bytes);
  const url = stripSessionIds(input.url);
  let snapshot: Snapshot = {
    v: 1,
    id: `snap_${crypto.randomUUID()}`,
    broker: input.broker,
    pageKind: null,
    url,
    ...(input.title ? { title: input.title.slice(0, 300) } : {}),
    capturedAt,
    how: input.how,
    charset: input.charset,
    storedEncoding: input.bytes ? 'original' : 'utf-8',
    mediaType: input.mediaType ?? 'text/html',
    ...(input.fileName ? { fileName: input.fileName } : {}),
    sha256,
    size: bytes.byteLength,
    redactions: input.redactions ?? [],
    parse: { status: 'unreadable', parserVersion: 'none', warnings: ['not parsed yet'], records: 0, at: capturedAt },
  };
  // 1. the snapshot, before anything is read from it
  await db.transaction('rw', db.snapshots, db.snapshotBodies, async () => {
    if (!(await db.snapshotBodies.get(sha256))) await db.snapshotBodies.put({ sha256, bytes });
    await db.snapshots.put(snapshot);
  });
  await appendLog(db, {
    type: 'capture',
    at: capturedAt,
    detail: { snapshotId: snapshot.id, broker: input.broker, url, how: input.how, sha256, size: bytes.byteLength },
  });

  // 2. read it with the same parsers everywhere (and the user's taught tables)
  const reading = readStored(snapshot, bytes, parseHtml, await allMappings(db, input.broker));
  let warnings = reading.warnings;
  let status = reading.status;
  let stored: StoredRecords = { added: 0, newEventIds: [] };
  try {
    stored = await storeReading(db, input.broker, reading, snapshot.id, capturedAt);
  } catch (err) {
    status = 'unreadable';
    warnings = [...warnings, `invalid record: ${String(err).slice(0, 300)}`];
  }
  const added = stored.added;
  snapshot = {
    ...snapshot,
    pageKind: reading.pageKind,
    parse: {
      status,
      parserVersion: reading.parserVersion,
      warnings,
      records: status === 'unreadable' ? 0 : recordCount(reading),
      at: toJstIso(Date.now()),
    },
  };
  await db.snapshots.put(snapshot);
  await appendLog(db, {
    type: 'parse',
    detail: {
      snapshotId: snapshot.id,
      status,
      parserVersion: reading.parserVersion,
      logins: reading.logins.length,
      orders: reading.orders.length,
      added,
    },
  });
  await updateHealth(db, healthFor({ ...reading, status, warnings }, snapshot.id, capturedAt, url), true);
  return { snapshot, reading: { ...reading, status, warnings }, added, newEventIds: stored.newEventIds };
}

/** Page states that carry no records (logged out, maintenance) update health only. */
export async function recordPageState(
  db: KabuGuardDB,
  reading: PageReading,
  url: string,
  at = toJstIso(Date.now()),
): Promise<void> {
  await updateHealth(db, healthFor(reading, undefined, at, stripSessionIds(url)), false);
}

/**
 * Re-reads every snapshot with the current parsers and rebuilds the records
 * from them (after a parser update). Provenance is kept: ids are stable.
 */
export async function rebuildFromSnapshots(
  db: KabuGuardDB,
  parseHtml: ParseHtml,
): Promise<{ snapshots: number; logins: number }> {
  const snapshots = await db.snapshots.orderBy('capturedAt').toArray();
  const mappings = await allMappings(db);
  await db.logins.clear();
  await db.orders.clear();
  await db.holdings.clear();
  await db.accountEvents.clear();
  let logins = 0;
  for (const s of snapshots) {
    const body = await db.snapshotBodies.get(s.sha256);
    if (!body) continue;
    const reading = readStored(s, body.bytes, parseHtml, mappings);
    let status = reading.status;
    const warnings = [...reading.warnings];
    try {
      await storeReading(db, s.broker, reading, s.id, s.capturedAt);
    } catch (err) {
      status = 'unreadable';
      warnings.push(`invalid record: ${String(err).slice(0, 300)}`);
    }
    await db.snapshots.put({
      ...s,
      pageKind: reading.pageKind,
      parse: {
        status,
        parserVersion: reading.parserVersion,
        warnings,
        records: status === 'unreadable' ? 0 : recordCount(reading),
        at: toJstIso(Date.now()),
      },
    });
  }
  logins = await db.logins.count();
  await appendLog(db, { type: 'rebuild', detail: { snapshots: snapshots.length, logins } });
  return { snapshots: snapshots.length, logins };
}
