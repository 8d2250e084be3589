import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../capture/decode';
import { parseHtml } from '../../dom/parse-html';
import { CHECKS } from '../checks';
import { BROKERS, brokerForUrl } from '../index';
import { orderFixtureSuite } from '../shared/order-fixtures';
import { urlKind } from '../shared/read-page';
import { fixtureSuite } from '../shared/testing';
import { kabucom } from './index';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
fixtureSuite(kabucom, dir);
orderFixtureSuite(kabucom, dir);

const read = (name: string, url: string) =>
  kabucom.readPage(parseHtml(decodeBytes(new Uint8Array(readFileSync(`${dir}/${name}`))).text), url);

// Real URL shapes (docs/brokers.md "Real samples", ../shared/brokers.md §3)
const OWN = [
  'https://s20.si0.kabu.co.jp/Light',
  'https://s20.si0.kabu.co.jp/ap/light/Stocks/Stock/Position/List',
  'https://s20.si1.kabu.co.jp/ap/PC/Stocks/Stock/Position/List',
  'https://s10.si0.kabu.co.jp/Light/TradeTool/StockDetail.asp?StockCode=6911&Market=1',
  'https://s10.kabu.co.jp/Light/TradeTool/StockDetail.asp?StockCode=3038&Market=1',
  'https://s20.kabu.co.jp/',
  // the members' login pages share s10: read by content (kabucom/fixtures/login.html)
  'https://s10.kabu.co.jp/_mem_bin/light/login.asp?/light',
];
const NOT_OWN = [
  'https://mauth-sso.kabu.co.jp/', // the SSO login
  'https://kabu.com/item/nisa/nisa/ranking.html',
  'https://fundinfo.kabu.co.jp/fund-search',
  'http://s20.si0.kabu.co.jp/Light',
  'https://s20.si0.kabu.co.jp.evil.example/Light',
];

describe('kabucom adapter: where it runs', () => {
  it.each(OWN)('claims %s', (url) => {
    expect(brokerForUrl(url)?.id).toBe('kabucom');
  });
  it.each(NOT_OWN)('does not claim %s', (url) => {
    expect(brokerForUrl(url)).toBeUndefined();
  });
  it.each(BROKERS.filter((b) => b.id !== 'kabucom').flatMap((b) => b.hosts.map((h) => [`https://${h}/`, b.id])))(
    'leaves another broker host to its adapter: %s',
    (url, id) => {
      expect(brokerForUrl(url)?.id).toBe(id);
    },
  );
  it.each([
    ['https://s20.si0.kabu.co.jp/ap/Light/Stocks/Stock/OrderStatus/List', 'order-inquiry'],
    ['https://s20.si0.kabu.co.jp/ap/light/Stocks/Stock/OrderStatus/OrderSelectList', 'order-inquiry'],
    ['https://s20.si0.kabu.co.jp/ap/Light/Stocks/Stock/History/List', 'trade-history'],
    ['https://s20.si1.kabu.co.jp/ap/PC/Stocks/Stock/Position/List', 'holdings'],
    ['https://s20.si0.kabu.co.jp/Light', null],
  ])('URL hint %s -> %s', (url, kind) => {
    expect(urlKind(url, kabucom.urlHints)).toBe(kind);
  });
});

describe('kabucom pages', () => {
  it('takes the image with alt LOG OUT for the logout control, and reads the banner split over two lines', () => {
    expect(read('light-top.html', 'https://s20.si0.kabu.co.jp/Light')).toMatchObject({
      loggedIn: true,
      previousLogin: { at: '2026-11-19T02:41:00+09:00', shown: '前回ログイン日時 2026/11/19 02:41' },
    });
  });

  it('re-reads the holdings of the site the tab is on (Light or PC)', () => {
    expect(CHECKS.kabucom.knownTargets.map((t) => [t.path, t.hosts?.test('s20.si0.kabu.co.jp')])).toEqual([
      ['/ap/light/Stocks/Stock/Position/List', true],
      ['/ap/PC/Stocks/Stock/Position/List', false],
    ]);
  });
});
