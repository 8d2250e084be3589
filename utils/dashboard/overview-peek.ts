// The overview's reads (overview.ts readOverview) through plain IndexedDB, in
// one read-only transaction, for the popup's first render: loading and opening
// Dexie was the largest part of the popup's time before it could show a light
// (issue 6, bench/dashboard.ts). Reads only: a database that does not exist
// yet is not created here, and anything unexpected (a missing table or index,
// an error) answers undefined, so the caller asks Dexie, which creates and
// upgrades the schema (utils/store/db.ts).

import type { Alert } from '../records/alert';
import type { AdapterHealth, LoginDay, Snapshot } from '../records';
import type { Environment } from '../records/environment';
import type { Incident } from '../records/incident';
import { BROKER_IDS } from '../brokers/labels';
import { SETTINGS_KEY, settingsFrom } from '../store/settings-read';
import { ORDER_PAGE_KINDS, timesFrom, type BrokerCounts } from '../store/summary';
import { RECORD_COUNTS_KEY } from '../store/record-counts';
import { ACTIVE_INCIDENT_STATUSES, SHOWN_SEVERITIES, URGENT_SEVERITIES } from '../records/severity';
import type { OverviewReads } from './overview';

/** The extension's database (utils/store/db.ts DB_NAME; overview-peek.test.ts keeps them equal). */
export const DB_NAME = 'kabu-guard';
const TABLES = ['health', 'loginDays', 'snapshots', 'kv', 'alerts', 'incidents', 'environments'];

function answer<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** The last row of an index in [lower, upper) (Dexie's `between(lower, upper).last()`). */
function newest<T>(index: IDBIndex, lower: string[], upper: string[]): Promise<T | undefined> {
  return answer(index.openCursor(IDBKeyRange.bound(lower, upper, false, true), 'prev')).then(
    (c) => c?.value as T | undefined,
  );
}

function openExisting(idb: IDBFactory, name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    const r = idb.open(name);
    // fires only when there is no database yet: leave creating it to Dexie
    r.onupgradeneeded = () => r.transaction?.abort();
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => resolve(undefined);
  });
}

export async function peekOverview(
  name: string = DB_NAME,
  idb: IDBFactory = indexedDB,
): Promise<OverviewReads | undefined> {
  const db = await openExisting(idb, name);
  if (!db) return undefined;
  // never stand in the way of the background upgrading the schema
  db.onversionchange = () => db.close();
  try {
    const tx = db.transaction(TABLES, 'readonly');
    const table = (n: string) => tx.objectStore(n);
    const kv = <T>(key: string) =>
      answer(table('kv').get(key)).then((row) => (row as { value?: T } | undefined)?.value);
    const [times, counts, openAlerts, activeIncidents, baseline, settings] = await Promise.all([
      Promise.all(
        BROKER_IDS.map(async (broker) => {
          const [health, login, orderPages] = await Promise.all([
            answer(table('health').get(broker)) as Promise<AdapterHealth | undefined>,
            // the newest day's record; its rows are oldest first (utils/records/login-day.ts)
            newest<LoginDay>(table('loginDays').index('[broker+day]'), [broker, ''], [broker, '\uffff']).then((d) =>
              d?.rows.at(-1),
            ),
            Promise.all(
              ORDER_PAGE_KINDS.map((k) =>
                newest<Snapshot>(
                  table('snapshots').index('[broker+pageKind+capturedAt]'),
                  [broker, k, ''],
                  [broker, k, '\uffff'],
                ),
              ),
            ),
          ]);
          return timesFrom(broker, health, login, orderPages);
        }),
      ),
      kv<Record<string, BrokerCounts>>(RECORD_COUNTS_KEY),
      // what the pages show, by the [status+severity] indexes (as store/alerts.ts and store/incidents.ts read them)
      Promise.all(
        SHOWN_SEVERITIES.map(
          (s) => answer(table('alerts').index('[status+severity]').getAll(['open', s])) as Promise<Alert[]>,
        ),
      ).then((l) => l.flat()),
      Promise.all(
        ACTIVE_INCIDENT_STATUSES.flatMap((st) =>
          URGENT_SEVERITIES.map(
            (sv) => answer(table('incidents').index('[status+severity]').getAll([st, sv])) as Promise<Incident[]>,
          ),
        ),
      ).then((l) => l.flat()),
      answer(table('environments').index('status').getAll('baseline')) as Promise<Environment[]>,
      kv<unknown>(SETTINGS_KEY).then((v) => settingsFrom(v ?? {})),
    ]);
    return { times, counts, openAlerts, activeIncidents, baseline, settings };
  } catch {
    return undefined;
  } finally {
    db.close();
  }
}
