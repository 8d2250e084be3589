import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rebuildFromSnapshots } from '../capture/ingest';
import { parseHtml } from '../dom/parse-html';
import { KabuGuardDB } from '../store/db';
import { injectFaults } from '../capture/testing/faults';
import { importFile } from './import-file';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`${dir}/${name}`)) });
const newDb = () => new KabuGuardDB(`test-${Math.random()}`);

describe('importFile', () => {
  it('stores a CSV as an import snapshot with its records, and re-importing the same file adds nothing', async () => {
    const db = newDb();
    const r = await importFile(db, { ...file('tradehistory(JP)_20250410.csv'), at: '2025-04-10T20:00:00+09:00' });
    expect(r).toMatchObject({
      status: 'imported',
      format: 'rakuten-tradehistory',
      broker: 'rakuten',
      orders: 7,
      added: 7,
    });
    if (r.status !== 'imported') throw new Error('not imported');
    expect(r.snapshot).toMatchObject({
      how: 'import',
      mediaType: 'text/csv',
      fileName: 'tradehistory(JP)_20250410.csv',
      charset: 'shift_jis',
      storedEncoding: 'original',
      pageKind: 'trade-history',
    });
    expect(r.snapshot.parse).toMatchObject({ status: 'ok', records: 7 });
    expect((await db.snapshotBodies.get(r.snapshot.sha256))?.bytes).toEqual(
      file('tradehistory(JP)_20250410.csv').bytes,
    );
    expect(await importFile(db, file('tradehistory(JP)_20250410.csv'))).toMatchObject({
      status: 'already-imported',
      snapshotId: r.snapshot.id,
    });
    expect(await db.orders.count()).toBe(7);
    expect(await db.snapshots.count()).toBe(1);
  });

  // issue 11 item 4: the SHA-256 check ignored the earlier import's status: "already imported", 0 orders, forever
  it('imports a file again when its earlier import did not store its records', async () => {
    const name = `test-${Math.random()}`;
    const db = new KabuGuardDB(name);
    const faults = injectFaults(db, { kind: 'quota', at: 1, only: (table) => table === 'orders' });
    await importFile(db, file('tradehistory(JP)_20250410.csv')).catch(() => undefined);
    expect(faults.firedAt).toBe('orders');
    expect(await db.orders.count()).toBe(0);
    const again = await importFile(new KabuGuardDB(name), file('tradehistory(JP)_20250410.csv'));
    expect(again).toMatchObject({ status: 'imported', orders: 7, added: 7 });
    expect(await db.orders.count()).toBe(7);
    // the file's one snapshot, now read; a third import is the one that says "already imported"
    expect(await db.snapshots.count()).toBe(1);
    expect((await db.snapshots.toArray())[0]!.parse).toMatchObject({ status: 'ok', records: 7 });
    expect(await importFile(db, file('tradehistory(JP)_20250410.csv'))).toMatchObject({ status: 'already-imported' });
  });

  it("stores a Monex trade CSV as the monex broker's orders (the format is declared by its broker)", async () => {
    const db = newDb();
    const r = await importFile(db, file('monex_20250410.csv'));
    expect(r).toMatchObject({ status: 'imported', format: 'monex-tradehistory', broker: 'monex', orders: 2, added: 2 });
    expect((await db.orders.toArray()).map((o) => [o.broker, o.symbol, o.side]).sort()).toEqual([
      ['monex', '4599', 'buy'],
      ['monex', '6758', 'sell'],
    ]);
  });

  it('adds only the new rows of an overlapping file', async () => {
    const db = newDb();
    await importFile(db, file('tradehistory(JP)_20250410.csv'));
    const r = await importFile(db, file('tradehistory(JP)_20250415.csv'));
    expect(r).toMatchObject({ status: 'imported', orders: 6, added: 1 });
    expect(await db.orders.count()).toBe(8);
  });

  it.each([
    ['Withdrawallist_20250410.csv', /読み取れる形式のCSVではありません.*tradehistory/],
    ['tradehistory(JP)_20250416.csv', /読み取れない行がありました/],
  ])('refuses %s and stores nothing', async (name, message) => {
    const db = newDb();
    const r = await importFile(db, file(name));
    expect(r.status).toBe('refused');
    if (r.status === 'refused') expect(r.message.ja).toMatch(message);
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.snapshotBodies.count()).toBe(0);
    expect(await db.orders.count()).toBe(0);
    expect(await db.captureLog.count()).toBe(0);
  });

  it('rebuilds imported records from the snapshot alone', async () => {
    const db = newDb();
    await importFile(db, file('tradehistory(CH)_20250410.csv'));
    await importFile(db, file('SBI_yakujo20260707215330.csv'));
    const before = await db.orders.orderBy('id').toArray();
    await db.orders.clear();
    await rebuildFromSnapshots(db, parseHtml);
    expect(await db.orders.orderBy('id').toArray()).toEqual(before);
    expect(
      before
        .filter((o) => o.marketRegion === 'HK')
        .map((o) => o.symbol)
        .sort(),
    ).toEqual(['01621', '02846', '08131', '08327']);
  });
});
