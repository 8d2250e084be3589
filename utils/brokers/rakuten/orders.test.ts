import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../capture/decode';
import { parseHtml } from '../../dom/parse-html';
import { orderFixtureSuite } from '../shared/order-fixtures';
import { rakuten } from './index';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
orderFixtureSuite(rakuten, dir);

const read = (name: string, url: string) =>
  rakuten.readPage(parseHtml(decodeBytes(new Uint8Array(readFileSync(`${dir}/${name}`))).text), url);
const SID = ';BV_SessionID=1C7E5B2D8046A1E3C5B7D9F0A2C43F9A.ee24ea7f';

describe('rakuten orders: what a detector needs', () => {
  it('reads the March 2025 pattern: NISA and domestic holdings sold, then Hong Kong small caps bought', () => {
    const domestic = read('trade-domestic.html', `https://member.rakuten-sec.co.jp/app/ass_trad_lst.do${SID}`);
    const sells = domestic.orders.filter((o) => o.side === 'sell' && o.at.startsWith('2025-03-31'));
    expect(sells.map((o) => [o.symbol, o.account])).toEqual([
      ['2914', '特定'],
      ['9432', 'NISA成長投資枠'],
      ['7203', '特定'],
    ]);
    const china = read('trade-china.html', `https://member.rakuten-sec.co.jp/app/ass_trad_ch_lst.do${SID}`);
    expect(
      china.orders
        .filter((o) => o.side === 'buy' && o.at >= '2025-03-31')
        .map((o) => [o.at, o.symbol, o.marketRegion, o.currencyCode]),
    ).toEqual([
      ['2025-04-01T13:05:00+09:00', '01621', 'HK', 'HKD'],
      ['2025-03-31T10:52:00+09:00', '08327', 'HK', 'HKD'],
    ]);
  });

  it('reads US trades with no market column as US, in dollars, whatever the settlement currency', () => {
    const us = read('trade-us.html', `https://member.rakuten-sec.co.jp/app/ass_trad_us_lst.do${SID}`);
    expect(new Set(us.orders.map((o) => `${o.marketRegion}/${o.currencyCode}`))).toEqual(new Set(['US/USD']));
  });

  it('names 入庫 rows in the warnings instead of storing them as orders', () => {
    const domestic = read('trade-domestic.html', `https://member.rakuten-sec.co.jp/app/ass_trad_lst.do${SID}`);
    expect(domestic.orders.some((o) => o.symbol === '8410')).toBe(false);
    expect(domestic.warnings).toEqual(['not an order (入庫): 8410 セブン銀行 800']);
  });

  it.each([
    [`https://member.rakuten-sec.co.jp/app/ass_trad_fu_lst.do${SID}?eventType=init`, 'trade-history'],
    [`https://member.rakuten-sec.co.jp/app/ass_all_possess_lst.do${SID}?eventType=directInit`, 'holdings'],
    [`https://member.rakuten-sec.co.jp/app/acc_info_change_lst.do${SID}?eventType=init`, 'account-changes'],
  ])('a logged-in page at %s without its table is that kind, unreadable', (url, kind) => {
    const r = rakuten.readPage(
      parseHtml(
        '<html><head><title>楽天証券[PC]</title></head><body><a href="/app/logout.do">ログアウト</a><div id="table_possess_data"></div></body></html>',
      ),
      url,
    );
    expect(r).toMatchObject({ pageKind: kind, status: 'unreadable', loggedIn: true });
    expect(r.warnings).not.toEqual([]);
  });

  it('classifies what an account change changed', () => {
    const r = read('account-changes-list.html', `https://member.rakuten-sec.co.jp/app/acc_info_change_lst.do${SID}`);
    expect(r.accountEvents?.map((e) => e.kind)).toEqual([
      'foreign-stock-account',
      'withdrawal-bank-account',
      'notification-settings',
      'email',
      'document-consent',
      'address',
    ]);
  });
});
