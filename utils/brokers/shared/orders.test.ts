import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { rakuten } from '../rakuten';
import {
  findOrderHeader,
  readAmount,
  readOrderPage,
  readOrderRows,
  readSide,
  readStatus,
  type OrderTable,
} from './orders';
import { readGrids } from './table';

describe('readSide', () => {
  it.each([
    ['買付', 'buy'],
    ['売付', 'sell'],
    ['売却', 'sell'],
    ['現買', 'buy'],
    ['現売', 'sell'],
    ['株式現物買', 'buy'],
    ['株式現物売', 'sell'],
    ['信用新規買', 'buy'],
    ['信用新規売', 'sell'],
    ['信用返済売', 'sell'],
    ['信用返済買', 'buy'],
    ['買建', 'buy'],
    ['売埋', 'sell'],
    ['自動買付', 'buy'],
    ['分配金再投資', 'buy'],
    ['現引', 'buy'],
    ['現渡', 'sell'],
    ['解約', 'sell'],
    ['ＢＵＹ', 'buy'],
    ['入庫', 'skip'],
    ['出庫', 'skip'],
    ['株式分割', 'skip'],
    ['現物', undefined],
    ['-', undefined],
    ['', undefined],
  ])('%s -> %s', (text, side) => {
    expect(readSide(text)).toBe(side);
  });
});

describe('readStatus', () => {
  it.each([
    ['注文中', 'open'],
    ['一部約定', 'open'],
    ['受付中', 'open'],
    ['約定済', 'executed'],
    ['約定', 'executed'],
    ['取消', 'cancelled'],
    ['取消済', 'cancelled'],
    ['失効', 'cancelled'],
    ['出来ず', 'cancelled'],
    ['完了', 'done'],
    ['--', undefined],
  ])('%s -> %s', (text, status) => {
    expect(readStatus(text)).toBe(status);
  });
});

describe('readAmount', () => {
  it.each([
    ['4,000', 4000],
    ['１，２３４．５', 1234.5],
    ['1 ( 1 )', 1],
    ['200 株', 200],
    ['23.2000', 23.2],
    ['△1,200', -1200],
    ['-14,800', -14800],
    ['+129,000', 129000],
    ['--', undefined],
    ['-', undefined],
    ['成行', undefined],
  ])('%j -> %j', (text, n) => {
    expect(readAmount(text)).toBe(n);
  });
});

const table = (headers: string[], rows: string[][]): OrderTable => {
  const found = findOrderHeader([headers], 1)!;
  return { headers, columns: found.columns, rows: rows.map((r) => r.map((text) => ({ text }))) };
};

describe('readOrderRows', () => {
  const headers = ['約定日', '銘柄コード', '銘柄名', '市場', '売買区分', '数量［株］', '単価'];
  it('reads a row; a row without a readable date makes the whole table unreadable (no half records)', () => {
    const warnings: string[] = [];
    expect(
      readOrderRows(
        table(headers, [['2025/3/31', '7203', 'トヨタ自動車', '東証', '売付', '200', '2,695.0']]),
        warnings,
      ),
    ).toMatchObject([
      {
        at: '2025-03-31T00:00:00+09:00',
        dateOnly: true,
        side: 'sell',
        symbol: '7203',
        marketRegion: 'JP',
        quantity: 200,
        price: 2695,
      },
    ]);
    expect(
      readOrderRows(
        table(headers, [
          ['2025/3/31', '7203', 'トヨタ', '東証', '売付', '200', '1'],
          ['昨日', '7203', 'トヨタ', '東証', '売付', '1', '1'],
        ]),
        warnings,
      ),
    ).toBeUndefined();
    expect(warnings.at(-1)).toMatch(/row 2/);
  });
  it('refuses a row whose buy/sell it cannot tell', () => {
    const warnings: string[] = [];
    expect(
      readOrderRows(table(headers, [['2025/3/31', '7203', 'トヨタ', '東証', '現物', '200', '1']]), warnings),
    ).toBeUndefined();
    expect(warnings[0]).toMatch(/no buy\/sell/);
  });
  it('leaves transfers (入庫/出庫) out of the orders and names them in the warnings', () => {
    const warnings: string[] = [];
    const rows = readOrderRows(
      table(headers, [['2025/3/31', '8410', 'セブン銀行', '-', '出庫', '800', '-']]),
      warnings,
    );
    expect(rows).toEqual([]);
    expect(warnings).toEqual(['not an order (出庫): 8410 セブン銀行 800']);
  });
  it('takes the trade currency from a bracketed price header, and the region from the market', () => {
    const t = table(
      ['約定日', 'ティッカー', '銘柄名', '売買区分', '決済通貨', '数量［株］', '単価［USドル］'],
      [['2025/3/28', 'tsla', 'TESLA INC', '買付', '円', '5', '263.55']],
    );
    expect(readOrderRows(t, [], { pageRegion: 'US' })).toMatchObject([
      { symbol: 'TSLA', currency: 'USドル', currencyCode: 'USD', marketRegion: 'US' },
    ]);
  });
});

describe('findOrderHeader', () => {
  it.each([
    [['約定日', '銘柄', '銘柄コード', '市場', '取引', '期限', '預り', '課税', '約定数量', '約定単価']],
    [['国内約定日', '通貨', '銘柄名', '取引', '預り区分', '約定数量', '約定単価', '国内受渡日', '受渡金額']],
    [['国内注文日時', '期間', '銘柄', '取引', '預り', '数量(未約定数量)', '注文単価', '平均約定単価']],
  ])('recognises %j', (headers) => {
    expect(findOrderHeader([headers])).toBeDefined();
  });
  it.each([
    [['ログイン日時', 'ログイン方法', 'IPアドレス']],
    [['入出金日', '入金額[円]', '出金額[円]']],
    [['銘柄', '保有数量', '評価額']],
    [['商品指定', '約定開始年月日', '約定終了年月日', '明細数']],
  ])('does not take %j for an order table', (headers) => {
    expect(findOrderHeader([headers])).toBeUndefined();
  });
});

describe('readOrderPage', () => {
  const page = (body: string, title = '楽天証券') =>
    parseHtml(
      `<html><head><title>${title}</title></head><body><a href="/app/logout.do">ログアウト</a>${body}</body></html>`,
    );
  it('says unreadable, with a warning, when the URL names an order page but no order table is there', () => {
    const doc = page(
      '<h1>取引履歴</h1><table><tr><th>日付</th><th>内容</th></tr><tr><td>2025/3/31</td><td>?</td></tr></table>',
    );
    const r = readOrderPage(
      doc,
      readGrids(doc),
      'https://member.rakuten-sec.co.jp/app/ass_trad_lst.do',
      'trade-history',
    );
    expect(r).toMatchObject({ recognised: true, pageKind: 'trade-history', status: 'unreadable', orders: [] });
    expect(r.warnings).not.toEqual([]);
  });
  it('does not claim a page whose menu merely names order pages', () => {
    const doc = page(
      '<ul class="menu-title"><li><a href="#">取引履歴</a></li><li><a href="#">注文照会</a></li></ul><p>ようこそ</p>',
    );
    expect(readOrderPage(doc, readGrids(doc), 'https://member.rakuten-sec.co.jp/app/home.do', null).recognised).toBe(
      false,
    );
  });
  it('recognises an order inquiry by content and keeps the whole adapter reading consistent', () => {
    const doc = page(
      '<h1>注文照会</h1><table><tr><th>注文日時</th><th>銘柄</th><th>売買</th><th>注文数量</th><th>状態</th></tr><tr><td>2025/04/01 02:14</td><td>国内小型株Ｃ（架空） 4599</td><td>買付</td><td>20,000</td><td>注文中</td></tr></table>',
    );
    const r = rakuten.readPage(doc, 'https://member.rakuten-sec.co.jp/app/some_page.do');
    expect(r).toMatchObject({
      pageKind: 'order-inquiry',
      status: 'ok',
      orders: [{ status: 'open', symbol: '4599', quantity: 20000, side: 'buy' }],
    });
  });
});
