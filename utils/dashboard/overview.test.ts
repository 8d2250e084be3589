import { describe, expect, it } from 'vitest';
import { BROKER_IDS } from '../brokers/registry';
import type { AdapterHealth } from '../records';
import { KabuGuardDB } from '../store/db';
import { saveSettings } from '../store/settings';
import { brokersInUse, loadOverview } from './overview';

const NOW = Date.parse('2025-03-29T12:00:00+09:00');
const health = (broker: 'rakuten' | 'sbi', lastCaptureAt: string): AdapterHealth => ({
  v: 1,
  broker,
  state: 'readable',
  pageKind: 'login-history',
  at: lastCaptureAt,
  lastCaptureAt,
});

describe('loadOverview', () => {
  // the popup reads settings without zod (settings-read.ts): the user's stale days still reach the lights and the page
  it.each([
    ['no settings: 7 days', undefined, 7, 'green'],
    ['the user chose 3 days', 3, 3, 'amber'],
  ] as const)('%s', async (_name, staleDays, expected, light) => {
    const db = new KabuGuardDB(`test-${Math.random()}`);
    if (staleDays) await saveSettings(db, { staleDays });
    await db.health.bulkPut([
      health('rakuten', '2025-03-25T11:00:00+09:00'),
      health('sbi', '2025-03-29T10:00:00+09:00'),
    ]);
    const o = await loadOverview(db, NOW);
    expect(o.staleDays).toBe(expected);
    const lights = Object.fromEntries(o.brokers.map((b) => [b.broker, b.status.light]));
    expect([lights.rakuten, lights.sbi]).toEqual([light, 'green']);
    // every declared broker has its light, in registry order
    expect(o.brokers.map((b) => b.broker)).toEqual([...BROKER_IDS]);
  });

  it('a stored value of the wrong shape reads as no settings', async () => {
    const db = new KabuGuardDB(`test-${Math.random()}`);
    await db.kv.put({ key: 'settings', value: { staleDays: 'three', enabledBrokers: ['sbi'] } });
    const o = await loadOverview(db, NOW);
    expect(o.staleDays).toBe(7);
    expect(o.brokers.every((b) => b.enabled)).toBe(true);
  });
});

describe('brokersInUse: the popup and the overview show the brokers something was seen of', () => {
  const alert = (broker: string) => ({
    v: 1,
    id: `a-${broker}`,
    broker,
    status: 'open',
    severity: 'low',
    rule: 'new-device',
    at: '2025-03-29T10:00:00+09:00',
    eventIds: [],
    eventAts: [],
  });
  it.each([
    ['nothing yet', async () => undefined, []],
    ['a page read', (db: KabuGuardDB) => db.health.put(health('sbi', '2025-03-29T10:00:00+09:00')), ['sbi']],
    ['an open alert only', (db: KabuGuardDB) => db.alerts.put(alert('rakuten') as never), ['rakuten']],
    // turning a broker on in the settings is no sign of use: fifteen cards would say "never checked"
    ['all turned on, nothing seen', (db: KabuGuardDB) => saveSettings(db, { enabledBrokers: [...BROKER_IDS] }), []],
  ])('%s', async (_name, seed, expected) => {
    const db = new KabuGuardDB(`test-${Math.random()}`);
    await seed(db);
    expect(brokersInUse(await loadOverview(db, NOW)).map((b) => b.broker)).toEqual(expected);
  });
});
