import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { BROKERS, brokerForUrl } from '../index';
import { urlKind } from '../shared/read-page';
import { orderFixtureSuite, orderFixtures } from '../shared/order-fixtures';
import { fixtureSuite } from '../shared/testing';
import { gmoclick } from './index';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
fixtureSuite(gmoclick, dir);
orderFixtureSuite(gmoclick, dir);

// URL shapes from docs/brokers.md "Real samples" (gmoclick): numbered /secN-M/ prefixes
const OWN = [
  'https://kabu.click-sec.com/sec1-8/mypage/top.do',
  'https://kabu.click-sec.com/sec2/mypage/top.do',
  'https://kabu.click-sec.com/sec1/kabu/orderModify.do?orderKey=251010110340770001',
  'https://kabu.click-sec.com/sec1-1/kabu/tatePositionList.do',
];
const NOT_OWN = [
  'https://sec-sso.click-sec.com/loginweb/sso-redirect', // the login host
  'https://www.click-sec.com/', // the public site
  'https://tb.click-sec.com/cfd/historical/historicalDataList.do', // another service of the firm
  'http://kabu.click-sec.com/sec1-8/mypage/top.do',
  'https://kabu.click-sec.com.evil.example/sec1-8/mypage/top.do',
];

describe('gmoclick adapter: where it runs', () => {
  it.each(OWN)('claims %s', (url) => {
    expect(brokerForUrl(url)?.id).toBe('gmoclick');
  });
  it.each(NOT_OWN)('does not claim %s', (url) => {
    expect(brokerForUrl(url)).toBeUndefined();
  });
  it.each(BROKERS.filter((b) => b.id !== 'gmoclick').flatMap((b) => b.hosts.map((h) => [`https://${h}/`, b.id])))(
    'leaves another broker host to its adapter: %s',
    (url, id) => {
      expect(brokerForUrl(url)?.id).toBe(id);
    },
  );
  it.each([
    ['https://kabu.click-sec.com/sec1-1/kabu/tatePositionList.do', 'holdings'],
    ['https://kabu.click-sec.com/sec2/kabu/tatePositionList.do', 'holdings'],
    ['https://kabu.click-sec.com/sec1-8/mypage/top.do', null],
  ])('URL hint %s -> %s', (url, kind) => {
    expect(urlKind(url, gmoclick.urlHints)).toBe(kind);
  });
});

describe('gmoclick order list (cells holding several values, yearless 受注日時)', () => {
  const f = orderFixtures(dir).find((x) => x.name === 'orders-inquiry.html')!;
  const r = gmoclick.readPage(parseHtml(f.text), f.expected.url);

  it('splits the glued 銘柄 cell (name, code and market in adjacent spans) into its parts', () => {
    expect(r.orders.map((o) => [o.symbol, o.name, o.market])).toEqual([
      ['1801', '大成建設', '東証'],
      ['7203', 'トヨタ自動車', '東証'],
      ['6758', 'ソニーグループ', '東証'],
    ]);
  });

  it('reads 発注受付 as open, 全量約定 as executed, 取消済 as cancelled, with the year from the page stamp', () => {
    expect(r.orders.map((o) => [o.status, o.side, o.at, o.quantity])).toEqual([
      ['open', 'sell', '2025-10-09T21:30:00+09:00', 100],
      ['executed', 'buy', '2025-10-09T09:00:00+09:00', 100],
      ['cancelled', 'sell', '2025-10-08T08:40:00+09:00', 200],
    ]);
  });
});
