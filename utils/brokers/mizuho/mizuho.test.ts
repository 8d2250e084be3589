import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { BROKERS, brokerForUrl } from '../index';
import { orderFixtureSuite, orderFixtures } from '../shared/order-fixtures';
import { fixtureSuite } from '../shared/testing';
import { mizuho } from './index';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
fixtureSuite(mizuho, dir);
orderFixtureSuite(mizuho, dir);
const read = (name: string) => {
  const f = orderFixtures(dir).find((x) => x.name === name)!;
  return mizuho.readPage(parseHtml(f.text), f.expected.url);
};

// The host serves both the login page and the member pages (docs/brokers.md "Real samples", mizuho); member paths invented.
const OWN = [
  'https://netclub.mizuho-sc.com/mnc/tr/ipopo?6',
  'https://netclub.mizuho-sc.com/mnc/login?rt_bn=sc_top_hd_login',
];
const NOT_OWN = [
  'https://www.mizuho-sc.com/',
  'https://info.www.mizuho-sc.com/security/crime.html',
  'https://clickcount.mizuho-sc.com/',
  'http://netclub.mizuho-sc.com/mnc/login',
  'https://netclub.mizuho-sc.com.evil.example/mnc/tr/',
];

describe('mizuho adapter: where it runs', () => {
  it.each(OWN)('claims %s', (url) => {
    expect(brokerForUrl(url)?.id).toBe('mizuho');
  });
  it.each(NOT_OWN)('does not claim %s', (url) => {
    expect(brokerForUrl(url)).toBeUndefined();
  });
  it.each(BROKERS.filter((b) => b.id !== 'mizuho').flatMap((b) => b.hosts.map((h) => [`https://${h}/`, b.id])))(
    'leaves another broker host to its adapter: %s',
    (url, id) => {
      expect(brokerForUrl(url)?.id).toBe(id);
    },
  );
});

describe('mizuho pages', () => {
  it('sees its own login page (same host) as not logged in, from the password field alone', () => {
    const login =
      '<html><head><title>ログイン｜みずほ証券 ネット倶楽部</title></head><body><form><input id="IDInputKB" type="text"><input id="PWInputKB" type="password"><input type="submit" name="send" value="ログイン"></form></body></html>';
    expect(
      mizuho.readPage(parseHtml(login), 'https://netclub.mizuho-sc.com/mnc/login?rt_bn=sc_top_hd_login'),
    ).toMatchObject({
      status: 'not-logged-in',
      loggedIn: false,
      warnings: [],
    });
  });

  it('reads 注文約定照会 as an order inquiry, 成行 without a price and 失効 as cancelled', () => {
    const r = read('orders-inquiry.html');
    expect(r.pageKind).toBe('order-inquiry');
    expect(r.orders.map((o) => [o.symbol, o.status, o.price])).toEqual([
      ['7203', 'executed', undefined],
      ['6758', 'cancelled', 3950],
    ]);
  });
});
