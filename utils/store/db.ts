// The one IndexedDB database. Stored shapes carry `v`; a shipped schema version
// is never edited, only followed by a new `this.version(n)`.

import Dexie, { type Table } from 'dexie';
import { packLoginDays } from './login-days';
import type { Alert } from '../records/alert';
import type { Environment } from '../records/environment';
import type { Incident } from '../records/incident';
import type { TableMapping } from '../records/table-mapping';
import type {
  AccountEvent,
  AdapterHealth,
  Answer,
  CaptureLogEntry,
  Holding,
  LoginDay,
  LoginEvent,
  LoginObservation,
  OrderEvent,
  PendingWork,
  Snapshot,
  SnapshotBody,
  Visit,
} from '../records';

export const DB_NAME = 'kabu-guard';

/** `parse.parserVersion` of a snapshot stored but not read yet. */
export const NOT_READ = 'none';

export function pendingRead(s: Pick<Snapshot, 'id' | 'broker' | 'capturedAt'>): PendingWork {
  return { v: 1, id: `read:${s.id}`, kind: 'read', snapshotId: s.id, broker: s.broker, at: s.capturedAt };
}

export class KabuGuardDB extends Dexie {
  snapshots!: Table<Snapshot, string>;
  snapshotBodies!: Table<SnapshotBody, string>;
  /** Logins, one record per broker and day (utils/records/login-day.ts); read through utils/store/logins.ts. */
  loginDays!: Table<LoginDay, string>;
  orders!: Table<OrderEvent, string>;
  holdings!: Table<Holding, string>;
  accountEvents!: Table<AccountEvent, string>;
  visits!: Table<Visit, string>;
  health!: Table<AdapterHealth, string>;
  captureLog!: Table<CaptureLogEntry, number>;
  alerts!: Table<Alert, string>;
  incidents!: Table<Incident, string>;
  environments!: Table<Environment, string>;
  /** Small bookkeeping values (notification counts, reminder times); never evidence. */
  kv!: Table<{ key: string; value: unknown }, string>;
  /** Tables the user taught (teach mode): how to read a page the built-in readers do not know. */
  mappings!: Table<TableMapping, string>;
  /** Work owed to stored snapshots (read them, detect on their new events); finished at start-up. */
  pending!: Table<PendingWork, string>;
  /** The user's answers (mine / not mine / forget): kept apart from what detection derives, never rebuilt. */
  answers!: Table<Answer, string>;
  /** Logins a page mentions outside the login history (the previous-login banner). */
  loginObservations!: Table<LoginObservation, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores({
      snapshots: 'id, broker, capturedAt, sha256, [broker+capturedAt], [broker+pageKind], [broker+pageKind+capturedAt]',
      snapshotBodies: 'sha256',
      // every login query is by broker and time ([broker+at]; `where('broker')` uses it as
      // Dexie's virtual index); none by time alone or by snapshot, and each index is
      // paid on every put of an ingest (bench/run.ts (c))
      logins: 'id, [broker+at]',
      orders: 'id, broker, at, [broker+at], symbol, marketRegion, [broker+marketRegion], *snapshotIds',
      holdings: 'id, broker, [broker+lastSeenAt], symbol, *snapshotIds',
      accountEvents: 'id, broker, at, [broker+at], kind, *snapshotIds',
      visits: 'id, broker, at, [broker+at]',
      health: 'broker',
      captureLog: 'seq, at, type',
      alerts: 'id, broker, createdAt, severity, status, incidentId, *eventIds',
      incidents: 'id, broker, lastEventAt, status',
      environments: 'id, broker, status',
      kv: 'key',
      mappings: 'id, broker',
    });
    // Issue 11 (hardening): pending work, written with the writes that owe it
    // (utils/capture/ingest.ts). A snapshot that version 1 stored but never
    // read (the worker stopped between the two) is owed a reading.
    // utils/store/upgrade.test.ts opens version 1's fixture with this code.
    this.version(2)
      .stores({ pending: 'id, kind, broker, snapshotId' })
      .upgrade(async (tx) => {
        const unread = await tx
          .table<Snapshot, string>('snapshots')
          .filter((s) => s.parse.parserVersion === NOT_READ)
          .toArray();
        await tx.table<PendingWork, string>('pending').bulkPut(unread.map((s) => pendingRead(s)));
      });
    // 3 adds the user's answers and the previous-login observations
    this.version(3).stores({
      answers: 'id, broker, at',
      loginObservations: 'id, [broker+at]',
    });
    // 4 packs the logins, a day of one broker to a record (issue 13 item 1:
    // IndexedDB's cost is per record). Dexie deletes `logins` after this
    // upgrade has copied every row, ids and provenance as they were, so the
    // database has them in one shape or the other, never both or neither.
    // utils/store/upgrade.test.ts opens versions 1-3's fixtures with this code.
    this.version(4)
      .stores({ logins: null, loginDays: 'id, [broker+day]' })
      .upgrade(async (tx) => {
        const old = tx.table<LoginEvent, string>('logins');
        const brokers = new Set(
          ((await old.orderBy('[broker+at]').uniqueKeys()) as unknown as Array<[string, string]>).map((k) => k[0]),
        );
        // one broker at a time: what is held in memory is one broker's logins, not the whole table
        for (const broker of brokers) {
          const rows = await old.where('[broker+at]').between([broker, ''], [broker, '\uffff']).toArray();
          await tx.table<LoginDay, string>('loginDays').bulkAdd(packLoginDays(rows));
        }
      });
    // 5 lets the popup and the dashboard read only what they show: the open alerts at low or above and the
    // active incidents at medium or above. Informational alerts (a trade made from the app) and their
    // incidents stay open and grow with the history; reading them all made the first frame grow with it.
    this.version(5).stores({
      alerts: 'id, broker, createdAt, severity, status, [status+severity], incidentId, *eventIds',
      incidents: 'id, broker, lastEventAt, status, [status+severity]',
    });
  }
}

let shared: KabuGuardDB | undefined;
/** The database of this extension (background, popup, pages share it). */
export function openDb(): KabuGuardDB {
  shared ??= new KabuGuardDB();
  return shared;
}
