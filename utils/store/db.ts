// The one IndexedDB database. Stored shapes carry `v`; a shipped schema version
// is never edited, only followed by a new `this.version(n)`.

import Dexie, { type Table } from 'dexie';
import type { AdapterHealth, CaptureLogEntry, LoginEvent, OrderEvent, Snapshot, SnapshotBody, Visit } from '../records';

export const DB_NAME = 'kabu-guard';

export class KabuGuardDB extends Dexie {
  snapshots!: Table<Snapshot, string>;
  snapshotBodies!: Table<SnapshotBody, string>;
  logins!: Table<LoginEvent, string>;
  orders!: Table<OrderEvent, string>;
  visits!: Table<Visit, string>;
  health!: Table<AdapterHealth, string>;
  captureLog!: Table<CaptureLogEntry, number>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores({
      snapshots: 'id, broker, capturedAt, sha256, [broker+capturedAt], [broker+pageKind]',
      snapshotBodies: 'sha256',
      logins: 'id, broker, at, [broker+at], *snapshotIds',
      orders: 'id, broker, at, [broker+at], symbol, marketRegion, *snapshotIds',
      visits: 'id, broker, at, [broker+at]',
      health: 'broker',
      captureLog: 'seq, at, type',
    });
  }
}

let shared: KabuGuardDB | undefined;
/** The database of this extension (background, popup, pages share it). */
export function openDb(): KabuGuardDB {
  shared ??= new KabuGuardDB();
  return shared;
}
