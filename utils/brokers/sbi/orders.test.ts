import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../capture/decode';
import { parseHtml } from '../../dom/parse-html';
import { orderFixtureSuite, orderFixtures } from '../shared/order-fixtures';
import { sbi } from './index';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
orderFixtureSuite(sbi, dir);

const TODAY = 'https://site3.sbisec.co.jp/ETGate/WPLETagR001Control/DefaultPID/DefaultAID?OutSide=on&getFlg=on';
const read = (name: string, url: string) =>
  sbi.readPage(parseHtml(decodeBytes(new Uint8Array(readFileSync(`${dir}/${name}`))).text), url);

describe('sbi orders', () => {
  it.each(['orders-today.html', 'orders-today-empty.html', 'trade-history.html', 'holdings-account.html'])(
    '%s is committed as Shift_JIS bytes of its UTF-8 source in src/',
    (name) => {
      const f = orderFixtures(dir).find((x) => x.name === name)!;
      expect(f.charset).toBe('shift_jis');
      expect(f.text).toBe(readFileSync(`${dir}/src/${name}`, 'utf8'));
    },
  );

  it('reads the row-spanned 銘柄 cell of 当日約定一覧 for every fill, with the code from the i_stock_sec link', () => {
    const r = read('orders-today.html', TODAY);
    expect(r.orders.filter((o) => o.symbol === '7203').map((o) => [o.name, o.quantity])).toEqual([
      ['トヨタ自動車', 100],
      ['トヨタ自動車', 100],
    ]);
    expect(r.orders.at(-1)).toMatchObject({
      symbol: '4599',
      market: 'PTS（X）',
      marketRegion: 'JP',
      at: '2025-03-31T20:15:03+09:00',
      side: 'buy',
    });
  });

  it('reports the empty 当日約定一覧 as empty, not unreadable', () => {
    expect(read('orders-today-empty.html', TODAY)).toMatchObject({
      pageKind: 'executions',
      status: 'empty',
      orders: [],
    });
  });

  it('reads the new-site order list: status badge, unfilled quantity, [data-security-code]', () => {
    const r = read('orders-foreign-us.html', 'https://member.c.sbisec.co.jp/foreign/refer/us/order-history');
    expect(r.orders.map((o) => [o.symbol, o.status, o.quantity])).toEqual([
      ['GOOG', 'open', 1],
      ['PEP', 'executed', 20],
      ['AAPL', 'cancelled', 10],
      ['VOO', 'executed', 3],
    ]);
  });

  it('takes the account of a holdings table from its section row', () => {
    const r = read(
      'holdings-account.html',
      'https://site3.sbisec.co.jp/ETGate/?_ControlID=WPLETacR001Control&_PageID=DefaultPID',
    );
    expect(r.holdings?.map((h) => [h.symbol, h.account])).toEqual([
      ['7203', '特定'],
      ['6846', '特定'],
      ['9432', 'NISA(成長投資枠)'],
      ['1557', 'NISA(成長投資枠)'],
    ]);
  });
});
