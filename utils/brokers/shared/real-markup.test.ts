// The layouts public sources show real broker pages to have (docs/brokers.md
// "Real samples", issue 12's list of seen defects), each read as a person reads it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../capture/decode';
import { parseHtml } from '../../dom/parse-html';
import { readCsvFile } from '../../import/read-csv';
import { rakuten } from '../rakuten';
import { sbi } from '../sbi';
import { readHoldingsPage } from './holdings';
import { readOrderPage } from './orders';
import { NOT_LOGGED_IN_YET_WARNING } from './read-page';
import { readGrids } from './table';

const fixture = (broker: string, name: string) =>
  parseHtml(
    decodeBytes(new Uint8Array(readFileSync(fileURLToPath(new URL(`../${broker}/fixtures/${name}`, import.meta.url)))))
      .text,
  );
const page = (body: string, title = '') =>
  parseHtml(`<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>`);
const SID = ';BV_SessionID=1C7E5B2D8046A1E3C5B7D9F0A2C43F9A.ee24ea7f';

describe('1. Rakuten US 注文照会: several values per cell, open orders, dates without a year', () => {
  const r = rakuten.readPage(
    fixture('rakuten', 'orders-us-inquiry.html'),
    `https://member.rakuten-sec.co.jp/app/ord_us_stk_req_lst.do${SID}?eventType=init`,
  );

  it('reads the pending buy an attacker leaves, dated by the page (2027/01/04 現在) across the new year', () => {
    expect(r.orders.map((o) => [o.at, o.status, o.side, o.symbol, o.quantity, o.account])).toEqual([
      ['2027-01-03T22:40:00+09:00', 'open', 'buy', 'ZSL', 1500, '特定'],
      ['2026-12-31T00:00:00+09:00', 'executed', 'sell', 'NVDA', 40, 'NISA成長投資枠'],
      ['2026-12-29T23:31:00+09:00', 'cancelled', 'buy', 'AAPL', 10, '特定'],
    ]);
  });

  it('keeps the page and names the one row it could not read, with its content', () => {
    expect(r.status).toBe('ok');
    expect(r.warnings).toEqual([
      expect.stringMatching(/^row 4 not read \(no trade or order date in "注文日時なし"\): 1228A00003 \| .*TSLA/),
    ]);
  });

  it('splits a header of several values only where the cells hold as many', () => {
    const doc = page(
      '<h1>注文照会</h1><table><tr><th>注文日時</th><th>銘柄</th><th>売買</th><th>数量<br>[株]</th></tr>' +
        '<tr><td>2025/03/31 10:52</td><td>7203 トヨタ自動車</td><td>売付</td><td>100</td></tr></table>',
    );
    const o = readOrderPage(doc, readGrids(doc), 'https://x.example/', null);
    expect(o.orders[0]).toMatchObject({ quantity: 100, raw: { '数量 [株]': '100' } });
  });
});

describe('2. SBI new-site lists without data-label: cells matched to the header by position', () => {
  it('reads the same orders with and without the labels', () => {
    const url = 'https://member.c.sbisec.co.jp/foreign/refer/us/order-history';
    const strip = (o: object) => ({ ...o, raw: undefined });
    const labelled = sbi.readPage(fixture('sbi', 'orders-foreign-us.html'), url);
    const bare = sbi.readPage(fixture('sbi', 'orders-foreign-us-unlabelled.html'), url);
    expect(bare.status).toBe('ok');
    expect(bare.orders.map(strip)).toEqual(labelled.orders.map(strip));
    expect(bare.orders.length).toBeGreaterThan(0);
  });

  it('does not guess when the header and the rows have different numbers of cells', () => {
    const doc = page(
      '<ul><li class="table-header"><div>国内注文日時</div><div>銘柄</div><div>取引</div></li>' +
        '<li class="table-row"><div>2026/09/04 23:31</div><div>GOOG</div><div>現買</div><div>1</div></li></ul>',
    );
    expect(readGrids(doc)).toEqual([]);
  });
});

describe('3. SBI 保有証券一覧: 保有株数 (売却注文中), two-value headers', () => {
  it('reads held quantities, the account of each section, and both values of each cell', () => {
    const r = sbi.readPage(
      fixture('sbi', 'holdings-legacy.html'),
      'https://site2.sbisec.co.jp/ETGate/?_ControlID=WPLETacR001Control&_PageID=DefaultPID&_DataStoreID=DSWPLETacR001Control&_ActionID=DefaultAID&getFlg=on',
    );
    expect(r.status).toBe('ok');
    expect(r.holdings!.map((h) => [h.symbol, h.quantity, h.account])).toEqual([
      ['7203', 5, '特定'],
      ['130A', 100, '特定'],
      ['9432', 1000, 'NISA(成長投資枠)'],
      [undefined, 31129, '特定'],
    ]);
    expect(r.holdings![0]!.raw).toMatchObject({
      取得単価: '2,156',
      現在値: '2,801',
      取得金額: '10,780',
      評価額: '14,005',
    });
  });
});

describe('4. the code under 銘柄, the name under a blank header', () => {
  it('takes the code as the symbol and the next column as the name', () => {
    const doc = page(
      '<h1>保有銘柄</h1><table><tr><th>銘柄</th><th></th><th>保有数量</th><th>評価額</th></tr>' +
        '<tr><td>7203</td><td>トヨタ自動車</td><td>100</td><td>280,100</td></tr></table>',
    );
    const r = readHoldingsPage(doc, readGrids(doc), null);
    expect(r.holdings.map((h) => [h.symbol, h.name, h.quantity])).toEqual([['7203', 'トヨタ自動車', 100]]);
  });
});

describe('5. SBI backup site: holdStockList.do without a header row, holdStockDetail.do', () => {
  it('reads the list against the declared label layout, keeping the holdings it could read', () => {
    const r = sbi.readPage(
      fixture('sbi', 'holdings-bsite.html'),
      'https://k.sbisec.co.jp/bsite/member/acc/holdStockList.do',
    );
    expect(r.pageKind).toBe('holdings');
    expect(r.holdings!.map((h) => [h.symbol, h.name, h.quantity, h.account, h.market])).toEqual([
      ['7203', 'トヨタ自動車', 100, '特定', '東証'],
      ['8410', 'セブン銀行', 1000, '特定', '東証'],
    ]);
    expect(r.warnings).toEqual([
      expect.stringMatching(/^holdings not read \(no quantity beside 保有\): 130A ベリテックス/),
    ]);
  });

  it('reads the detail page: the page names the instrument, the lot table holds two values per cell', () => {
    const r = sbi.readPage(
      fixture('sbi', 'holdings-bsite-detail.html'),
      'https://k.sbisec.co.jp/bsite/member/acc/holdStockDetail.do?company_code=7203',
    );
    expect(
      r.holdings!.map((h) => [h.symbol, h.name, h.quantity, h.account, h.raw['購入日'], h.raw['保有区分']]),
    ).toEqual([
      ['7203', 'トヨタ自動車', 100, '特定預り', '2023/11/06', '代用'],
      ['7203', 'トヨタ自動車', 100, '特定預り', '2024/05/13', '保護'],
    ]);
  });
});

describe('6. SBI yakujo: a USD MMF is not a US buy; transfers are named by their content', () => {
  // the row shape of a real export (docs/brokers.md "Real samples", source Y, facts only); the numbers are invented
  const csv = [
    '通貨指定,商品指定,期間（国内約定日）開始,期間（国内約定日）終了,明細数',
    '"すべての通貨","すべての商品","2025年01月01日","2025年10月20日","2"',
    '国内約定日,通貨,銘柄名,取引,預り区分,約定数量,約定単価,国内受渡日,受渡金額',
    '"2025年10月16日","米国ドル","ブラックロック・スーパー・マネー・マーケット・ファンド（米ドル） X0934000","自動買付","特定","512.30","1","25/10/17","512.30"',
    '"2025年10月15日","米国ドル","オラクル ORCL / New York Stock Exchange","買付","特定","3","210.5","25/10/17","631.5"',
  ].join('\r\n');

  it('keeps the stock buy, names the MMF row instead of storing it', () => {
    const r = readCsvFile(new TextEncoder().encode(csv), 'SBI_yakujo20251020120000.csv');
    expect(r.orders.map((o) => [o.symbol, o.side, o.marketRegion])).toEqual([['ORCL', 'buy', 'US']]);
    expect(r.warnings).toEqual([
      'not an order (MMF): ブラックロック・スーパー・マネー・マーケット・ファンド（米ドル） X0934000 512.30',
    ]);
  });

  it('names a transfer by what the row says when its buy/sell cell is empty', () => {
    const doc = page(
      '<h1>取引履歴</h1><table><tr><th>約定日</th><th>銘柄コード</th><th>銘柄名</th><th>売買</th><th>取引</th><th>数量</th></tr>' +
        '<tr><td>2025/04/01</td><td>8410</td><td>セブン銀行</td><td></td><td>出庫</td><td>800</td></tr></table>',
    );
    const r = readOrderPage(doc, readGrids(doc), 'https://x.example/', null);
    expect(r.warnings).toEqual(['not an order (出庫): 8410 セブン銀行 800']);
  });
});

describe("7. Rakuten's extra authentication at login is 'not logged in yet'", () => {
  it.each([
    ['extra-auth.html', 'sotp_login.do'],
    ['mfa-setup.html', 'sotp_login_for_other_channel.do'],
    ['rb-auth.html', 'add_auth_for_rbauth.do'],
  ])('%s', (name, path) => {
    const r = rakuten.readPage(fixture('rakuten', name), `https://member.rakuten-sec.co.jp/app/${path}${SID}`);
    expect(r).toMatchObject({ status: 'not-logged-in', loggedIn: false, warnings: [NOT_LOGGED_IN_YET_WARNING] });
  });

  it('is not fooled by a logged-in settings page that names the same authentication', () => {
    const doc = page(
      '<a href="/app/logout.do">ログアウト</a><h1>ログイン追加認証（多要素認証）の設定</h1>',
      'セキュリティ設定 | 楽天証券[PC]',
    );
    expect(rakuten.readPage(doc, 'https://member.rakuten-sec.co.jp/app/acc_info_list_security.do')).toMatchObject({
      loggedIn: true,
      status: 'unsupported',
    });
  });
});
