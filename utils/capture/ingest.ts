// The one capture pipeline with side effects, shared by the background (page
// captures), the CLI and the tests:
//   snapshot (bytes + hash, stored first) -> parse -> validate -> store -> health.
// A page that fails to parse keeps its snapshot, flagged; it is never dropped.
//
// Two transactions, each whole (issue 11: a worker may stop between any two
// steps, two contexts may write at once, any write may hit the quota):
//   1. the snapshot, its bytes, its 'capture' log entry and a pending 'read';
//   2. its records, its parse status, its 'parse' log entry, the health, and the
//      pending 'detect' for its new events (the 'read' is paid).
// So the snapshot's status, its records and the log always agree, and work a
// stop interrupted is finished at start-up (utils/alerts/pending.ts).

import { brokerById } from '../brokers';
import { toJstIso } from '../brokers/shared/dates';
import { stripSessionIds } from '../brokers/shared/url';
import type { BrokerId, PageReading } from '../brokers/types';
import { sha256Hex } from '../crypto';
import type { AdapterHealth, Snapshot } from '../records';
import { appendLogIn } from '../store/capture-log';
import { NOT_READ, pendingRead, type KabuGuardDB } from '../store/db';
import {
  allLoginIds,
  brokerOfLoginId,
  clearLogins,
  countAllLogins,
  loginTables,
  toLoginEvent,
  upsertLogins,
} from '../store/logins';
import { toOrderEvent, upsertOrders } from '../store/orders';
import { toHolding, upsertHoldings } from '../store/holdings';
import { toAccountEvent, upsertAccountEvents } from '../store/account-events';
import { isQuotaError, StorageFullError } from '../store/storage';
import { toLoginObservation, upsertObservations } from '../store/observations';
import { countNow, keepCounts } from '../store/record-counts';
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
  /** The earliest of the new logins (detection finds a login by its time). */
  loginsFrom?: string;
  /** The snapshot was deleted (its broker's data) while it was being read: nothing was stored. */
  gone?: true;
}

interface StoredRecords {
  added: number;
  newEventIds: string[];
  loginsFrom?: string;
}

function recordCount(r: PageReading): number {
  return (
    r.logins.length +
    r.orders.length +
    (r.holdings?.length ?? 0) +
    (r.accountEvents?.length ?? 0) +
    (r.previousLogin ? 1 : 0)
  );
}

/** The tables a reading writes to. */
const recordTables = (db: KabuGuardDB) => [
  ...loginTables(db),
  db.orders,
  db.holdings,
  db.accountEvents,
  db.loginObservations,
];

/** Why a reading cannot become records (the first invalid row), checked before anything is written. */
function invalidRow(broker: BrokerId, r: PageReading, snapshotId: string, seenAt: string): string | undefined {
  try {
    r.logins.forEach((row) => toLoginEvent(broker, row, 'check', snapshotId, seenAt));
    r.orders.forEach((row) => toOrderEvent(broker, row, 'check', snapshotId, seenAt));
    r.holdings?.forEach((row) => toHolding(broker, row, 'check', snapshotId, seenAt));
    r.accountEvents?.forEach((row) => toAccountEvent(broker, row, 'check', snapshotId, seenAt));
    if (r.previousLogin) toLoginObservation(broker, r.previousLogin, snapshotId, seenAt);
    return undefined;
  } catch (err) {
    return `invalid record: ${String(err).slice(0, 300)}`;
  }
}

/**
 * All records of one reading in one transaction: every row is validated (zod)
 * before it is written, and one invalid row aborts the whole reading, so a
 * page never leaves half its records behind.
 */
export async function storeReading(
  db: KabuGuardDB,
  broker: BrokerId,
  reading: PageReading,
  snapshotId: string,
  seenAt: string,
): Promise<StoredRecords> {
  return db.transaction('rw', [...recordTables(db), db.kv], async () => {
    const logins = reading.logins.length
      ? await upsertLogins(db, broker, reading.logins, snapshotId, seenAt)
      : undefined;
    const results = [
      logins,
      reading.orders.length ? await upsertOrders(db, broker, reading.orders, snapshotId, seenAt) : undefined,
      reading.accountEvents?.length
        ? await upsertAccountEvents(db, broker, reading.accountEvents, snapshotId, seenAt)
        : undefined,
    ];
    const holdings = reading.holdings?.length
      ? await upsertHoldings(db, broker, reading.holdings, snapshotId, seenAt)
      : undefined;
    // the previous-login banner: a login the page mentions, judged by detection like the others
    const observed = reading.previousLogin
      ? await upsertObservations(db, broker, [reading.previousLogin], snapshotId, seenAt)
      : undefined;
    if (observed) results.push({ added: observed.added, seen: observed.added, addedIds: observed.addedIds });
    return {
      ...(logins?.addedFrom ? { loginsFrom: logins.addedFrom } : {}),
      added: results.reduce((n, r) => n + (r?.added ?? 0), 0) + (holdings?.added ?? 0),
      // a trade seen again on another page may gain its time: detection looks at it again
      newEventIds: results.flatMap((r) => [
        ...(r?.addedIds ?? []),
        ...((r as { changedIds?: string[] } | undefined)?.changedIds ?? []),
      ]),
    };
  });
}

const earlier = (a: string | undefined, b: string | undefined) => (a && b ? (a < b ? a : b) : (a ?? b));

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

/** Step 1: the snapshot, before anything is read from it, with its log entry and the reading it is owed. */
export async function storeSnapshot(
  db: KabuGuardDB,
  input: CaptureInput,
): Promise<{ snapshot: Snapshot; bytes: Uint8Array }> {
  const capturedAt = input.capturedAt ?? toJstIso(Date.now());
  const bytes = input.bytes ?? new TextEncoder().encode(input.html ?? '');
  const sha256 = await sha256Hex(bytes);
  const url = stripSessionIds(input.url);
  const snapshot: Snapshot = {
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
    parse: { status: 'unreadable', parserVersion: NOT_READ, warnings: ['not parsed yet'], records: 0, at: capturedAt },
  };
  try {
    await db.transaction('rw', [db.snapshots, db.snapshotBodies, db.captureLog, db.pending, db.kv], async () => {
      if (!(await db.snapshotBodies.get(sha256))) await db.snapshotBodies.put({ sha256, bytes });
      await db.snapshots.put(snapshot);
      await db.pending.put(pendingRead(snapshot));
      await keepCounts(db, input.broker, { snapshots: 1 });
      await appendLogIn(db, {
        type: 'capture',
        at: capturedAt,
        detail: { snapshotId: snapshot.id, broker: input.broker, url, how: input.how, sha256, size: bytes.byteLength },
      });
    });
  } catch (err) {
    if (isQuotaError(err)) throw new StorageFullError('snapshot', undefined, err);
    throw err;
  }
  return { snapshot, bytes };
}

/**
 * Step 2: reads a stored snapshot and stores what it says, all in one
 * transaction with its status, its log entry and the detection it is owed.
 * A snapshot deleted meanwhile (its broker's data) gets nothing. A quota
 * refusal leaves the snapshot stored and still owed its reading. A snapshot
 * no longer owed its reading was read meanwhile (a capture's own reading and
 * another capture's owed work can reach the same page): it is not read twice,
 * unless `again` (a re-imported file whose first reading failed).
 */
export async function readSnapshot(
  db: KabuGuardDB,
  snapshot: Snapshot,
  bytes: Uint8Array,
  parseHtml: ParseHtml,
  now: () => string = () => toJstIso(Date.now()),
  again = false,
): Promise<CaptureResult> {
  const reading = readStored(snapshot, bytes, parseHtml, await allMappings(db, snapshot.broker));
  const invalid = invalidRow(snapshot.broker, reading, snapshot.id, snapshot.capturedAt);
  const status = invalid ? 'unreadable' : reading.status;
  const warnings = invalid ? [...reading.warnings, invalid] : reading.warnings;
  const result: CaptureResult = { snapshot, reading: { ...reading, status, warnings }, added: 0, newEventIds: [] };
  const tables = [...recordTables(db), db.snapshots, db.captureLog, db.pending, db.health, db.kv];
  const store = (withRecords: boolean, why: string[]) =>
    db.transaction('rw', tables, async (): Promise<CaptureResult> => {
      const current = await db.snapshots.get(snapshot.id);
      if (!current) return { ...result, gone: true };
      if (!again && !(await db.pending.get(pendingRead(snapshot).id))) return { ...result, snapshot: current };
      const st = withRecords ? status : 'unreadable';
      const stored = withRecords
        ? await storeReading(db, snapshot.broker, reading, snapshot.id, snapshot.capturedAt)
        : { added: 0, newEventIds: [] };
      const parsed: Snapshot = {
        ...current,
        pageKind: reading.pageKind,
        parse: {
          status: st,
          parserVersion: reading.parserVersion,
          warnings: why,
          records: st === 'unreadable' ? 0 : recordCount(reading),
          at: now(),
        },
      };
      await db.snapshots.put(parsed);
      await appendLogIn(db, {
        type: 'parse',
        detail: {
          snapshotId: snapshot.id,
          status: st,
          parserVersion: reading.parserVersion,
          logins: reading.logins.length,
          orders: reading.orders.length,
          added: stored.added,
        },
      });
      await db.pending.delete(pendingRead(snapshot).id);
      if (stored.newEventIds.length) {
        const id = `detect:${snapshot.id}`;
        const before = await db.pending.get(id);
        const loginsFrom = earlier(before?.loginsFrom, stored.loginsFrom);
        await db.pending.put({
          v: 1,
          id,
          kind: 'detect',
          snapshotId: snapshot.id,
          broker: snapshot.broker,
          eventIds: [...new Set([...(before?.eventIds ?? []), ...stored.newEventIds])],
          ...(loginsFrom ? { loginsFrom } : {}),
          at: now(),
        });
      }
      await updateHealth(
        db,
        healthFor({ ...reading, status: st, warnings: why }, snapshot.id, snapshot.capturedAt, snapshot.url),
        true,
      );
      return {
        snapshot: parsed,
        reading: { ...reading, status: st, warnings: why },
        added: stored.added,
        newEventIds: stored.newEventIds,
        ...(stored.loginsFrom ? { loginsFrom: stored.loginsFrom } : {}),
      };
    });
  try {
    if (invalid) return await store(false, warnings);
    try {
      return await store(true, warnings);
    } catch (err) {
      if (isQuotaError(err)) throw err;
      // a write the database refused (not a quota): the page is kept, flagged, none of its records stored
      return await store(false, [...warnings, `invalid record: ${String(err).slice(0, 300)}`]);
    }
  } catch (err) {
    if (isQuotaError(err)) throw new StorageFullError('records', snapshot.id, err);
    throw err;
  }
}

export async function ingestCapture(
  db: KabuGuardDB,
  input: CaptureInput,
  parseHtml: ParseHtml,
): Promise<CaptureResult> {
  const { snapshot, bytes } = await storeSnapshot(db, input);
  return readSnapshot(db, snapshot, bytes, parseHtml);
}

/** Snapshots stored but not read (a worker stop, a full disk): read them now. Returns what each gave. */
export async function readPendingSnapshots(db: KabuGuardDB, parseHtml: ParseHtml): Promise<CaptureResult[]> {
  const owed = await db.pending.where('kind').equals('read').toArray();
  const out: CaptureResult[] = [];
  for (const p of owed.sort((a, b) => a.at.localeCompare(b.at))) {
    const snapshot = await db.snapshots.get(p.snapshotId);
    const body = snapshot && (await db.snapshotBodies.get(snapshot.sha256));
    if (!snapshot || !body) {
      // deleted with its broker's data meanwhile: nothing is owed any more
      await db.pending.delete(p.id);
      continue;
    }
    out.push(await readSnapshot(db, snapshot, body.bytes, parseHtml));
  }
  return out;
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

/** Snapshots whose bodies are read at once during a rebuild (bounded memory, few requests). */
const REBUILD_CHUNK = 50;

/**
 * Re-reads every snapshot with the current parsers and rebuilds the records
 * from them (after a parser update). Provenance is kept: ids are stable.
 * All or nothing (issue 11 item 12): one transaction clears and refills the
 * records, sets every status and logs the rebuild, so an interrupted rebuild
 * leaves the records as they were. Events no reading had given before are owed
 * a detection pass, like those of a new capture.
 */
export async function rebuildFromSnapshots(
  db: KabuGuardDB,
  parseHtml: ParseHtml,
  now: () => string = () => toJstIso(Date.now()),
): Promise<{ snapshots: number; logins: number }> {
  const tables = [...recordTables(db), db.snapshots, db.snapshotBodies, db.mappings, db.captureLog, db.pending, db.kv];
  return db.transaction('rw', tables, async () => {
    const snapshots = await db.snapshots.orderBy('capturedAt').toArray();
    const mappings = await allMappings(db);
    const [logins, orders, accountEvents, observations] = await Promise.all([
      allLoginIds(db),
      db.orders.toCollection().primaryKeys(),
      db.accountEvents.toCollection().primaryKeys(),
      db.loginObservations.toCollection().primaryKeys(),
    ]);
    const before = new Set<string>([...logins, ...orders, ...accountEvents, ...observations]);
    await clearLogins(db);
    await Promise.all([db.orders, db.holdings, db.accountEvents, db.loginObservations].map((t) => t.clear()));
    const fresh: Array<{ broker: BrokerId; snapshotId: string; ids: string[]; loginsFrom?: string }> = [];
    for (let i = 0; i < snapshots.length; i += REBUILD_CHUNK) {
      const chunk = snapshots.slice(i, i + REBUILD_CHUNK);
      const bodies = await db.snapshotBodies.bulkGet(chunk.map((s) => s.sha256));
      const parsed: Snapshot[] = [];
      for (const [j, s] of chunk.entries()) {
        const body = bodies[j];
        if (!body) continue;
        const reading = readStored(s, body.bytes, parseHtml, mappings);
        const invalid = invalidRow(s.broker, reading, s.id, s.capturedAt);
        const status = invalid ? 'unreadable' : reading.status;
        if (!invalid) {
          const stored = await storeReading(db, s.broker, reading, s.id, s.capturedAt);
          const ids = stored.newEventIds.filter((id) => !before.has(id));
          // the earliest login this snapshot gave (all new to the cleared tables): a pass from there covers the new ones
          const loginsFrom = ids.some((id) => brokerOfLoginId(id)) ? stored.loginsFrom : undefined;
          if (ids.length)
            fresh.push({ broker: s.broker, snapshotId: s.id, ids, ...(loginsFrom ? { loginsFrom } : {}) });
        }
        parsed.push({
          ...s,
          pageKind: reading.pageKind,
          parse: {
            status,
            parserVersion: reading.parserVersion,
            warnings: invalid ? [...reading.warnings, invalid] : reading.warnings,
            records: status === 'unreadable' ? 0 : recordCount(reading),
            at: now(),
          },
        });
      }
      await db.snapshots.bulkPut(parsed);
    }
    // every snapshot is read now: nothing is owed a reading; new events are owed detection
    await db.pending.where('kind').equals('read').delete();
    const owed = await db.pending.bulkGet(fresh.map((f) => `detect:${f.snapshotId}`));
    await db.pending.bulkPut(
      fresh.map((f, i) => {
        const loginsFrom = earlier(owed[i]?.loginsFrom, f.loginsFrom);
        return {
          v: 1 as const,
          id: `detect:${f.snapshotId}`,
          kind: 'detect' as const,
          snapshotId: f.snapshotId,
          broker: f.broker,
          eventIds: [...new Set([...(owed[i]?.eventIds ?? []), ...f.ids])],
          ...(loginsFrom ? { loginsFrom } : {}),
          at: now(),
        };
      }),
    );
    // the kept counts, recounted from the rebuilt rows in this transaction (utils/store/record-counts.ts)
    await countNow(db);
    const count = await countAllLogins(db);
    await appendLogIn(db, { type: 'rebuild', detail: { snapshots: snapshots.length, logins: count } });
    return { snapshots: snapshots.length, logins: count };
  });
}
