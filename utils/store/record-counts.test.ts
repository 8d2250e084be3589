import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { OrderRow } from '../brokers/types';
import { ingestCapture, rebuildFromSnapshots } from '../capture/ingest';
import { deleteBrokerData } from '../dashboard/retention';
import { parseHtml } from '../dom/parse-html';
import { KabuGuardDB } from './db';
import { upsertLogins } from './logins';
import { upsertOrders } from './orders';
import { countNow, readCounts, RECORD_COUNTS_KEY } from './record-counts';
import { brokerCounts } from './summary';
import { BROKER_IDS } from '../brokers/labels';

// invented login-history rows in the layout of utils/capture/ingest.test.ts
const page = (rows: string) => `<!DOCTYPE html><html><head><title>ログイン履歴 | 楽天証券</title></head><body>
<a href="/app/logout.do">ログアウト</a><h2>ログイン履歴</h2>
<table><tr><th>ログイン日時</th><th>ログイン方法</th></tr>${rows}</table></body></html>`;
const row = (at: string, ch: string) => `<tr><td>${at}</td><td>${ch}</td></tr>`;
const url = 'https://member.rakuten-sec.co.jp/app/login_history.do?eventType=init';
const capture = (db: KabuGuardDB, rows: string) =>
  ingestCapture(db, { broker: 'rakuten', url, how: 'visit', charset: 'utf-8', html: page(rows) }, parseHtml);
const order = (at: string, marketRegion: OrderRow['marketRegion'], extra: Partial<OrderRow> = {}): OrderRow => ({
  at,
  side: 'buy',
  status: 'executed',
  symbol: marketRegion === 'HK' ? '02800' : '7203',
  marketRegion,
  quantity: 100,
  price: 10,
  raw: {},
  ...extra,
});

/** Every broker counted from its rows: what the kept counts must equal. */
async function scanned(db: KabuGuardDB) {
  return Object.fromEntries(await Promise.all(BROKER_IDS.map(async (id) => [id, await brokerCounts(db, id)])));
}

async function kept(db: KabuGuardDB) {
  return (await readCounts(db)) ?? 'none';
}

/** A database whose counts are kept from its creation (as the overview's first read leaves it). */
async function counted(): Promise<KabuGuardDB> {
  const db = new KabuGuardDB(`counts-${Math.random()}`);
  await countNow(db);
  return db;
}

describe('record counts kept at ingest', () => {
  it.each([
    [
      'captures, one overlapping the other',
      async (db: KabuGuardDB) => {
        await capture(db, row('2025/03/29 02:41', 'PC') + row('2025/03/27 21:14', 'スマートフォン'));
        await capture(db, row('2025/04/01 12:58', 'PC') + row('2025/03/29 02:41', 'PC'));
      },
    ],
    [
      'orders in and out of Japan, one read again with its region learnt',
      async (db: KabuGuardDB) => {
        await upsertOrders(
          db,
          'sbi',
          [order('2025-04-01T09:00:00+09:00', 'JP'), order('2025-04-01T10:00:00+09:00', 'HK')],
          'snap_a',
          '2025-04-02T00:00:00+09:00',
        );
        await upsertOrders(
          db,
          'sbi',
          [order('2025-04-01T10:00:00+09:00', 'HK'), order('2025-04-02T10:00:00+09:00', 'US')],
          'snap_b',
          '2025-04-03T00:00:00+09:00',
        );
        await upsertOrders(
          db,
          'rakuten',
          [order('2025-04-03T09:00:00+09:00', 'UNKNOWN', { symbol: '02800', orderNumber: '1' })],
          'snap_c',
          '2025-04-04T00:00:00+09:00',
        );
      },
    ],
    [
      'a broker deleted',
      async (db: KabuGuardDB) => {
        await capture(db, row('2025/03/29 02:41', 'PC'));
        await upsertOrders(
          db,
          'sbi',
          [order('2025-04-01T10:00:00+09:00', 'HK')],
          'snap_a',
          '2025-04-02T00:00:00+09:00',
        );
        await deleteBrokerData(db, 'rakuten');
      },
    ],
    [
      'a rebuild from the snapshots',
      async (db: KabuGuardDB) => {
        await capture(db, row('2025/03/29 02:41', 'PC') + row('2025/03/27 21:14', 'スマートフォン'));
        // rows the snapshots never showed: the rebuild drops them, and its counts follow
        await upsertLogins(
          db,
          'rakuten',
          [{ at: '2025-01-01T00:00:00+09:00', result: 'success', raw: {} }],
          'snap_gone',
          '2025-01-02T00:00:00+09:00',
        );
        await rebuildFromSnapshots(db, parseHtml);
      },
    ],
  ])('equal a full count after %s', async (_name, steps) => {
    const db = await counted();
    await steps(db);
    const after = await kept(db);
    expect(after).toEqual(await scanned(db));
    // and the counts are not all zero: the scenario counted something
    expect(Object.values(after as object).some((c) => Object.values(c as object).some((n) => n > 0))).toBe(true);
    db.close();
  });

  it('roll back with a write that fails (all or nothing)', async () => {
    const db = await counted();
    await capture(db, row('2025/03/29 02:41', 'PC'));
    const before = await kept(db);
    await expect(
      db.transaction('rw', [db.loginDays, db.orders, db.kv], async () => {
        await upsertLogins(
          db,
          'rakuten',
          [{ at: '2025-04-05T00:00:00+09:00', result: 'success', raw: {} }],
          's',
          '2025-04-06T00:00:00+09:00',
        );
        await upsertOrders(db, 'sbi', [order('2025-04-01T10:00:00+09:00', 'HK')], 's', '2025-04-06T00:00:00+09:00');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await kept(db)).toEqual(before);
    expect(await kept(db)).toEqual(await scanned(db));
  });

  it('are absent in a database from before them, until counted once; then kept', async () => {
    const db = new KabuGuardDB(`counts-${Math.random()}`);
    await capture(db, row('2025/03/29 02:41', 'PC'));
    expect(await db.kv.get(RECORD_COUNTS_KEY)).toBeUndefined();
    expect(await countNow(db)).toEqual(await scanned(db));
    await capture(db, row('2025/04/01 12:58', 'PC'));
    expect(((await kept(db)) as Record<string, { logins: number }>).rakuten!.logins).toBe(2);
    expect(await kept(db)).toEqual(await scanned(db));
  });
});
