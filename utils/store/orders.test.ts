import { describe, expect, it } from 'vitest';
import type { OrderRow } from '../brokers/types';
import { KabuGuardDB } from './db';
import { orderEventIds, upsertOrders } from './orders';

const newDb = () => new KabuGuardDB(`test-${Math.random()}`);
const day = (i: number) =>
  `${new Date(Date.UTC(2020, 0, 6) + i * 86_400_000).toISOString().slice(0, 10)}T00:00:00+09:00`;
const us = (at: string, extra: Partial<OrderRow> = {}): OrderRow => ({
  at,
  dateOnly: true,
  side: 'buy',
  status: 'executed',
  symbol: 'VOO',
  marketRegion: 'US',
  quantity: 3,
  price: 538.12,
  currency: 'USドル',
  currencyCode: 'USD',
  account: 'NISA成長投資枠',
  raw: {},
  ...extra,
});

describe('orderEventIds', () => {
  it('gives the same row the same id, and identical rows of one source distinct ids', () => {
    const a = orderEventIds('rakuten', [us('2025-01-10T00:00:00+09:00'), us('2025-01-10T00:00:00+09:00')]);
    expect(a[0]).not.toBe(a[1]);
    expect(orderEventIds('rakuten', [us('2025-01-10T00:00:00+09:00')])[0]).toBe(a[0]);
  });
});

describe('upsertOrders', () => {
  it('merges a Rakuten US row restated to the next (JST) day with re-priced yen amounts (brokers.md §1.5)', async () => {
    const db = newDb();
    await upsertOrders(
      db,
      'rakuten',
      [us('2025-01-10T00:00:00+09:00', { amount: 1614.36, raw: { '受渡金額［円］': '255,391' } })],
      'snap_a',
      '2025-01-11T09:00:00+09:00',
    );
    const r = await upsertOrders(
      db,
      'rakuten',
      [us('2025-01-11T00:00:00+09:00', { amount: 1614.36, raw: { '受渡金額［円］': '255,100' } })],
      'snap_b',
      '2025-01-20T09:00:00+09:00',
    );
    expect(r.added).toBe(0);
    const all = await db.orders.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      at: '2025-01-11T00:00:00+09:00',
      snapshotIds: ['snap_a', 'snap_b'],
      raw: { '受渡金額［円］': '255,100' },
    });
  });

  it('keeps two real trades of one source apart even a day apart, and never merges domestic rows by date', async () => {
    const db = newDb();
    await upsertOrders(
      db,
      'rakuten',
      [us('2025-01-10T00:00:00+09:00'), us('2025-01-11T00:00:00+09:00')],
      'snap_a',
      '2025-01-12T09:00:00+09:00',
    );
    expect(await db.orders.count()).toBe(2);
    const jp = (at: string): OrderRow => ({
      at,
      side: 'sell',
      status: 'executed',
      symbol: '7203',
      marketRegion: 'JP',
      quantity: 100,
      price: 2695,
      raw: {},
    });
    await upsertOrders(db, 'rakuten', [jp('2025-03-31T00:00:00+09:00')], 'snap_b', '2025-04-01T09:00:00+09:00');
    expect(
      (await upsertOrders(db, 'rakuten', [jp('2025-04-01T00:00:00+09:00')], 'snap_c', '2025-04-02T09:00:00+09:00'))
        .added,
    ).toBe(1);
  });

  it('lets a later capture update an order with the same order number (open -> executed)', async () => {
    const db = newDb();
    const open: OrderRow = {
      at: '2025-04-01T02:14:00+09:00',
      side: 'buy',
      status: 'open',
      orderNumber: '20250401-000318',
      symbol: '4599',
      quantity: 20000,
      raw: {},
    };
    await upsertOrders(db, 'rakuten', [open], 'snap_a', '2025-04-01T02:20:00+09:00');
    await upsertOrders(
      db,
      'rakuten',
      [{ ...open, status: 'executed', price: 43 }],
      'snap_b',
      '2025-04-01T09:30:00+09:00',
    );
    expect(await db.orders.toArray()).toMatchObject([
      { status: 'executed', price: 43, snapshotIds: ['snap_a', 'snap_b'] },
    ]);
  });

  // issue 11 item 1: one await per row inside the transaction lost it past ~100 rows (PrematureCommitError)
  it.each([
    [
      'domestic rows',
      120,
      (i: number): OrderRow => ({ ...us(day(i)), symbol: '4599', marketRegion: 'JP', currency: '円' }),
    ],
    ['rows with order numbers', 160, (i: number): OrderRow => ({ ...us(day(i)), orderNumber: `20250401-${i}` })],
    ['foreign rows, some restated', 300, (i: number): OrderRow => us(day(i), { quantity: 1 + i })],
  ])('stores %s inside the one ingest transaction (%i rows)', async (_n, count, row) => {
    const db = newDb();
    // yesterday's US capture: 10 of the rows come back restated to the next day
    await upsertOrders(
      db,
      'rakuten',
      Array.from({ length: 10 }, (_, i) => us(day(i - 1), { quantity: 1 + i })),
      'snap_0',
      '2020-01-01T09:00:00+09:00',
    );
    const rows = Array.from({ length: count }, (_, i) => row(i));
    const r = await db.transaction('rw', [db.loginDays, db.orders, db.holdings, db.accountEvents, db.kv], () =>
      upsertOrders(db, 'rakuten', rows, 'snap_a', '2025-04-10T09:00:00+09:00'),
    );
    const restated = rows[0]!.marketRegion === 'US' && !rows[0]!.orderNumber ? 10 : 0;
    expect(r.added).toBe(count - restated);
    expect(await db.orders.count()).toBe(count + 10 - restated);
  });

  it('stores nothing when one row is invalid', async () => {
    const db = newDb();
    await expect(
      upsertOrders(
        db,
        'sbi',
        [us('2025-01-10T00:00:00+09:00'), us('2025-01-10 00:00')],
        'snap_a',
        '2025-01-12T09:00:00+09:00',
      ),
    ).rejects.toThrow();
    expect(await db.orders.count()).toBe(0);
  });

  describe('one trade seen on the order inquiry and on the trade history (or its CSV)', () => {
    // the inquiry shows the order number and times, the history the date, the amount and the fee
    const inquiry: OrderRow = {
      at: '2024-12-30T09:00:00+09:00',
      orderedAt: '2024-12-27T21:14:00+09:00',
      side: 'sell',
      status: 'executed',
      orderNumber: '20241227-001234',
      symbol: '4755',
      name: '楽天グループ',
      marketRegion: 'JP',
      quantity: 300,
      price: 905,
      account: '特定',
      raw: { 注文番号: '20241227-001234' },
    };
    const history: OrderRow = {
      at: '2024-12-30T00:00:00+09:00',
      dateOnly: true,
      side: 'sell',
      status: 'executed',
      symbol: '4755',
      name: '楽天グループ',
      marketRegion: 'JP',
      quantity: 300,
      price: 905,
      fees: 0,
      amount: 271_500,
      account: '特定',
      raw: { 約定日: '2024/12/30' },
    };
    it.each([
      ['inquiry first', [inquiry, history]],
      ['history first', [history, inquiry]],
    ] as const)('%s: one trade, the precise fields of both, both snapshots', async (_n, [first, second]) => {
      const db = newDb();
      await upsertOrders(db, 'rakuten', [first], 'snap_a', '2024-12-30T12:00:00+09:00');
      const r = await upsertOrders(db, 'rakuten', [second], 'snap_b', '2024-12-30T20:00:00+09:00');
      expect(r.added).toBe(0);
      // read both pages again: still one trade
      await upsertOrders(db, 'rakuten', [first], 'snap_c', '2025-01-06T20:00:00+09:00');
      await upsertOrders(db, 'rakuten', [second], 'snap_d', '2025-01-06T20:01:00+09:00');
      const all = await db.orders.toArray();
      expect(all).toHaveLength(1);
      expect(all[0]).toMatchObject({
        at: '2024-12-30T09:00:00+09:00',
        orderedAt: '2024-12-27T21:14:00+09:00',
        orderNumber: '20241227-001234',
        fees: 0,
        amount: 271_500,
        status: 'executed',
        snapshotIds: ['snap_a', 'snap_b', 'snap_c', 'snap_d'],
      });
      expect(all[0]!.dateOnly).toBeUndefined();
    });

    it('an order time alone never replaces the execution date of the history', async () => {
      const db = newDb();
      const onlyOrdered = { ...inquiry, at: inquiry.orderedAt! };
      await upsertOrders(db, 'rakuten', [onlyOrdered], 'snap_a', '2024-12-28T12:00:00+09:00');
      await upsertOrders(db, 'rakuten', [history], 'snap_b', '2024-12-30T20:00:00+09:00');
      expect(await db.orders.toArray()).toMatchObject([
        { at: '2024-12-30T00:00:00+09:00', dateOnly: true, orderedAt: '2024-12-27T21:14:00+09:00' },
      ]);
    });

    it('two identical real trades on one day stay two', async () => {
      const db = newDb();
      const second = { ...inquiry, orderNumber: '20241227-001299', orderedAt: '2024-12-27T21:20:00+09:00' };
      await upsertOrders(db, 'rakuten', [inquiry, second], 'snap_a', '2024-12-30T12:00:00+09:00');
      await upsertOrders(db, 'rakuten', [history, history], 'snap_b', '2024-12-30T20:00:00+09:00');
      const all = await db.orders.toArray();
      expect(all).toHaveLength(2);
      expect(all.map((o) => o.amount)).toEqual([271_500, 271_500]);
    });

    it('a different quantity or price is a different trade', async () => {
      const db = newDb();
      await upsertOrders(db, 'rakuten', [inquiry], 'snap_a', '2024-12-30T12:00:00+09:00');
      await upsertOrders(db, 'rakuten', [{ ...history, quantity: 200 }], 'snap_b', '2024-12-30T20:00:00+09:00');
      await upsertOrders(db, 'rakuten', [{ ...history, price: 910 }], 'snap_c', '2024-12-30T20:00:00+09:00');
      expect(await db.orders.count()).toBe(3);
    });
  });
});
