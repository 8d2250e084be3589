import { describe, expect, it } from 'vitest';
import { envsOf, facts, login } from '../detect/testkit';
import type { AdapterHealth, Snapshot } from '../records';
import type { Alert } from '../records/alert';
import type { Incident } from '../records/incident';
import { DB_NAME as DEXIE_DB_NAME, KabuGuardDB } from '../store/db';
import { saveSettings } from '../store/settings';
import { loadOverview, overviewFrom, readOverview, recount, type OverviewReads } from './overview';
import { DB_NAME, peekOverview } from './overview-peek';
import { putLogins } from '../store/logins';

const NOW = Date.parse('2025-03-29T12:00:00+09:00');
const newDb = () => new KabuGuardDB(`test-${Math.random()}`);

const health = (broker: 'rakuten' | 'sbi', at: string, over: Partial<AdapterHealth> = {}): AdapterHealth => ({
  v: 1,
  broker,
  state: 'readable',
  pageKind: 'login-history',
  at,
  lastCaptureAt: at,
  ...over,
});
const snapshot = (
  id: string,
  broker: 'rakuten' | 'sbi',
  pageKind: Snapshot['pageKind'],
  capturedAt: string,
): Snapshot => ({
  v: 1,
  id,
  broker,
  pageKind,
  url: 'https://site2.sbisec.co.jp/ETGate/',
  capturedAt,
  how: 'visit',
  charset: 'utf-8',
  storedEncoding: 'utf-8',
  mediaType: 'text/html',
  sha256: id.padStart(64, '0').slice(-64),
  size: 1,
  redactions: [],
  parse: { status: 'ok', parserVersion: 't', warnings: [], records: 1, at: capturedAt },
});
const alert = (id: string, broker: 'rakuten' | 'sbi', severity: Alert['severity'], status: Alert['status']): Alert =>
  ({
    v: 1,
    id,
    broker,
    kind: 'login',
    severity,
    status,
    anchorEventId: `login_${id}`,
    eventIds: [`login_${id}`],
    eventTimes: ['2025-03-28T03:12:00+09:00'],
    title: { code: 'detTitleNewCountry' },
    reasons: [],
    incidentId: `inc_${id}`,
    createdAt: '2025-03-28T03:12:00+09:00',
    updatedAt: '2025-03-28T03:12:00+09:00',
  }) as unknown as Alert;
const incident = (
  id: string,
  broker: 'rakuten' | 'sbi',
  severity: Incident['severity'],
  status: Incident['status'],
): Incident => ({
  v: 1,
  id,
  broker,
  severity,
  status,
  alertIds: [`alert_${id}`],
  firstEventAt: '2025-03-28T03:12:00+09:00',
  lastEventAt: '2025-03-28T03:12:00+09:00',
  createdAt: '2025-03-28T03:12:00+09:00',
  updatedAt: '2025-03-28T03:12:00+09:00',
});

/** The same rows whichever way they were read (anyOf reads the incidents in key order). */
const sorted = (r: OverviewReads | undefined) =>
  r && { ...r, activeIncidents: [...r.activeIncidents].sort((a, b) => a.id.localeCompare(b.id)) };

const SETUPS: Array<[string, (db: KabuGuardDB) => Promise<unknown>]> = [
  ['nothing stored yet', async () => undefined],
  [
    'a bit of everything',
    async (db) => {
      await db.health.bulkPut([
        health('rakuten', '2025-03-20T09:00:00+09:00'),
        health('sbi', '2025-03-29T10:00:00+09:00', { state: 'unreadable', message: '表が見つかりません' }),
      ]);
      await putLogins(db, [
        login('2025-03-27T21:00:00+09:00', { broker: 'sbi' }),
        login('2025-03-28T21:30:00+09:00', { broker: 'sbi' }),
        login('2025-03-29T08:00:00+09:00', { broker: 'rakuten' }),
      ]);
      await db.snapshots.bulkPut([
        snapshot('1', 'sbi', 'executions', '2025-03-26T15:00:00+09:00'),
        snapshot('2', 'sbi', 'order-inquiry', '2025-03-27T15:00:00+09:00'),
        // newer, but not an order page
        snapshot('3', 'sbi', 'login-history', '2025-03-29T09:00:00+09:00'),
        snapshot('4', 'rakuten', 'trade-history', '2025-03-25T15:00:00+09:00'),
      ]);
      await db.alerts.bulkPut([
        alert('a1', 'sbi', 'medium', 'open'),
        alert('a2', 'sbi', 'info', 'open'),
        alert('a3', 'rakuten', 'high', 'mine'),
        alert('a4', 'rakuten', 'low', 'open'),
      ]);
      await db.incidents.bulkPut([
        incident('i1', 'sbi', 'high', 'resolved'),
        incident('i2', 'rakuten', 'high', 'confirmed'),
        incident('i3', 'sbi', 'medium', 'open'),
        incident('i0', 'sbi', 'high', 'open'),
        // an informational incident (trades made from the app) stays open: the popup never weighs it
        incident('i4', 'sbi', 'info', 'open'),
        incident('i5', 'rakuten', 'low', 'open'),
      ]);
      const envs = envsOf([
        facts(login('2025-03-01T12:00:00+09:00', { broker: 'sbi', ip: '153.203.40.10' })),
        facts(login('2025-03-02T12:00:00+09:00', { broker: 'rakuten', ip: '153.203.40.11' })),
      ]);
      await db.environments.bulkPut([envs[0]!, { ...envs[1]!, reviewedAt: '2025-03-03T12:00:00+09:00' }]);
      await saveSettings(db, { staleDays: 3, enabledBrokers: ['sbi'] });
      await recount(db);
    },
  ],
];

describe("peekOverview (the popup's first render without Dexie)", () => {
  it("reads the extension's database", () => {
    expect(DB_NAME).toBe(DEXIE_DB_NAME);
  });

  it.each(SETUPS)('%s: the same reads, and the same overview, as through Dexie', async (_name, setup) => {
    const db = newDb();
    await db.open();
    await setup(db);
    const peeked = await peekOverview(db.name);
    expect(peeked).toBeDefined();
    expect(sorted(peeked)).toEqual(sorted(await readOverview(db)));
    expect(overviewFrom(peeked!, NOW)).toEqual(await loadOverview(db, NOW));
  });

  it('reads only what the pages show: open alerts at low or above, active incidents at medium or above', async () => {
    const db = newDb();
    await db.open();
    await SETUPS[1]![1](db);
    for (const r of [await readOverview(db), await peekOverview(db.name)]) {
      expect(r!.openAlerts.map((a) => a.id).sort()).toEqual(['a1', 'a4']);
      expect(r!.activeIncidents.map((i) => i.id).sort()).toEqual(['i0', 'i2', 'i3']);
    }
  });

  it('a database that does not exist yet is left to Dexie to create', async () => {
    const name = `test-none-${Math.random()}`;
    expect(await peekOverview(name)).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it('a database without the tables it reads is left to Dexie', async () => {
    const name = `test-old-${Math.random()}`;
    await new Promise<void>((resolve, reject) => {
      const r = indexedDB.open(name, 1);
      r.onupgradeneeded = () => r.result.createObjectStore('kv', { keyPath: 'key' });
      r.onsuccess = () => (r.result.close(), resolve());
      r.onerror = () => reject(r.error);
    });
    expect(await peekOverview(name)).toBeUndefined();
  });
});
