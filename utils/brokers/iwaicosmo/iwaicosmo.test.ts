import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { BROKERS, brokerForUrl } from '../index';
import { orderFixtureSuite, orderFixtures } from '../shared/order-fixtures';
import { fixtureSuite, fixtureFiles } from '../shared/testing';
import { iwaicosmo } from './index';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
fixtureSuite(iwaicosmo, dir);
orderFixtureSuite(iwaicosmo, dir);
const read = (name: string) => {
  const f = orderFixtures(dir).find((x) => x.name === name)!;
  return iwaicosmo.readPage(parseHtml(f.text), f.expected.url);
};
const page = (name: string) => fixtureFiles(dir).find((x) => x.name === name)!.text;

// The host and its hash-routed application from a public link list (docs/brokers.md "Real samples", iwaicosmo); other routes invented.
const OWN = ['https://ic01.iwaicosmo.co.jp/Web/#/order/home/', 'https://ic01.iwaicosmo.co.jp/Web/'];
const NOT_OWN = [
  'https://www.iwaicosmo.co.jp/',
  'https://www.iwaicosmo.net/',
  'https://ic02.iwaicosmo.co.jp/Web/',
  'http://ic01.iwaicosmo.co.jp/Web/',
  'https://ic01.iwaicosmo.co.jp.evil.example/Web/',
];

describe('iwaicosmo adapter: where it runs', () => {
  it.each(OWN)('claims %s', (url) => {
    expect(brokerForUrl(url)?.id).toBe('iwaicosmo');
  });
  it.each(NOT_OWN)('does not claim %s', (url) => {
    expect(brokerForUrl(url)).toBeUndefined();
  });
  it.each(BROKERS.filter((b) => b.id !== 'iwaicosmo').flatMap((b) => b.hosts.map((h) => [`https://${h}/`, b.id])))(
    'leaves another broker host to its adapter: %s',
    (url, id) => {
      expect(brokerForUrl(url)?.id).toBe(id);
    },
  );
});

describe('iwaicosmo pages', () => {
  it('reads its order list the same with and without data-label on the items', () => {
    expect(read('orders-inquiry-unlabelled.html').orders).toEqual(read('orders-inquiry.html').orders);
    expect(read('orders-inquiry.html').orders.map((o) => [o.symbol, o.status])).toEqual([
      ['9984', 'open'],
      ['9432', 'executed'],
    ]);
  });

  it('treats a logout button (no link) as a logged-in page', () => {
    expect(page('home.html')).toContain('<button type="button">ログアウト</button>');
    expect(
      iwaicosmo.readPage(parseHtml(page('home.html')), 'https://ic01.iwaicosmo.co.jp/Web/#/order/home/').loggedIn,
    ).toBe(true);
  });
});
