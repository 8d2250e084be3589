// 岡三証券 株式約定履歴.csv: two REAL exports (docs/brokers.md "Real samples", source O:
// senooken/gnucash-import-stock example/株式約定履歴.csv, CC0, commits
// 50404baea3e1f5a1e31fd6877616594f5350e8d3 and d282f0ee5eecc50f7e8b82c06eb9cce46b0b6c55, bytes as
// committed there; they hold trades only, no name or account number). See fixtures/okasan/SOURCE.md.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KabuGuardDB } from '../store/db';
import { parseCsv } from './csv';
import { importFile } from './import-file';
import { detectFormat, readCsvFile } from './read-csv';

const dir = fileURLToPath(new URL('./fixtures/okasan', import.meta.url));
const FILES = ['株式約定履歴_20200731.csv', '株式約定履歴_20201023.csv'];
const bytes = (name: string) => new Uint8Array(readFileSync(`${dir}/${name}`));

describe('okasan-yakujo on real exports', () => {
  it.each(FILES)('%s reads as its reviewed expected file', (name) => {
    const r = readCsvFile(bytes(name), name);
    const expected = JSON.parse(readFileSync(`${dir}/${name.replace(/\.csv$/, '.expected.json')}`, 'utf8'));
    expect({
      format: r.format?.id,
      status: r.status,
      charset: r.charset,
      orders: r.orders,
      warnings: r.warnings,
    }).toEqual(expected);
  });

  it.each([
    // 取引区分 → side, counted in the files with iconv | awk (not with this reader)
    ['株式約定履歴_20200731.csv', { 信返売: 10, 信新買: 7, 現物売: 2 }, { buy: 7, sell: 12 }],
    ['株式約定履歴_20201023.csv', { 信返売: 29, 信新買: 11, 信新売: 8, 信返買: 9, 現物買: 2 }, { buy: 22, sell: 37 }],
  ])('%s: every row, buys and sells by 取引区分', (name, kinds, sides) => {
    const { orders } = readCsvFile(bytes(name), name);
    const count = (key: (o: (typeof orders)[number]) => string) =>
      orders.reduce<Record<string, number>>((n, o) => ({ ...n, [key(o)]: (n[key(o)] ?? 0) + 1 }), {});
    expect(count((o) => o.raw['取引区分']!)).toEqual(kinds);
    expect(count((o) => o.side)).toEqual(sides);
    expect(orders.every((o) => o.status === 'executed' && o.marketRegion === 'JP' && o.currencyCode === 'JPY')).toBe(
      true,
    );
  });

  it('keeps the figures as exported: a new margin position has no 受渡金額, a closing one the signed amount', () => {
    const { orders } = readCsvFile(bytes(FILES[0]!), FILES[0]!);
    expect(orders[6]).toMatchObject({ side: 'buy', symbol: '3689', quantity: 100, price: 1768, fees: 58 });
    expect(orders[6]!.amount).toBeUndefined();
    expect(orders[0]).toMatchObject({ side: 'sell', symbol: '6291', quantity: 500, price: 1619, amount: -3179 });
    expect(orders[18]).toMatchObject({ side: 'sell', symbol: '1357', quantity: 200, price: 794, amount: 158800 });
  });

  it('is told by its header, whatever the file is called', () => {
    const rows = parseCsv(new TextDecoder('shift_jis').decode(bytes(FILES[1]!)));
    expect(detectFormat(rows, 'download (3).csv')?.id).toBe('okasan-yakujo');
  });

  it('is imported by the extension into 岡三証券, every row stored, and a second import adds nothing', async () => {
    const db = new KabuGuardDB(`test-${Math.random()}`);
    const r = await importFile(db, { name: FILES[1]!, bytes: bytes(FILES[1]!) });
    expect(r).toMatchObject({ status: 'imported', format: 'okasan-yakujo', broker: 'okasan', orders: 59, added: 59 });
    expect(await db.orders.where('broker').equals('okasan').count()).toBe(59);
    expect(await importFile(db, { name: FILES[1]!, bytes: bytes(FILES[1]!) })).toMatchObject({
      status: 'already-imported',
    });
  });
});
