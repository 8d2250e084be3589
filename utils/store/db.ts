// The one IndexedDB database. Stored shapes carry `v`; a shipped schema version
// is never edited, only followed by a new `this.version(n)`.

import Dexie, { type Table } from 'dexie';
import type { Alert } from '../records/alert';
import type { Environment } from '../records/environment';
import type { Incident } from '../records/incident';
import type { TableMapping } from '../records/table-mapping';
import type {
  AccountEvent,
  AdapterHealth,
  CaptureLogEntry,
  Holding,
  LoginEvent,
  OrderEvent,
  Snapshot,
  SnapshotBody,
  Visit,
} from '../records';

export const DB_NAME = 'kabu-guard';

export class KabuGuardDB extends Dexie {
  snapshots!: Table<Snapshot, string>;
  snapshotBodies!: Table<SnapshotBody, string>;
  logins!: Table<LoginEvent, string>;
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
  }
}

let shared: KabuGuardDB | undefined;
/** The database of this extension (background, popup, pages share it). */
export function openDb(): KabuGuardDB {
  shared ??= new KabuGuardDB();
  return shared;
}
