import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { BROKERS, brokerForUrl } from '../index';
import { orderFixtureSuite, orderFixtures } from '../shared/order-fixtures';
import { fixtureSuite } from '../shared/testing';
import { sbineotrade } from './index';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
fixtureSuite(sbineotrade, dir);
orderFixtureSuite(sbineotrade, dir);
const read = (name: string) => {
  const f = orderFixtures(dir).find((x) => x.name === name)!;
  return sbineotrade.readPage(parseHtml(f.text), f.expected.url);
};

// Hosts from a public host list (docs/brokers.md "Real samples", sbineotrade); the paths are invented.
const OWN = ['https://snt02.sbineotrade.jp/web/top', 'https://snt04.sbineotrade.jp/web/order/list'];
const NOT_OWN = [
  'https://www.sbineotrade.jp/',
  'https://snt03.sbineotrade.jp/',
  'http://snt02.sbineotrade.jp/',
  'https://snt02.sbineotrade.jp.evil.example/',
  'https://lv01.live-sec.co.jp/webbroker3/44/pc/WEB3AccountLogin.jsp',
];

describe('sbineotrade adapter: where it runs', () => {
  it.each(OWN)('claims %s', (url) => {
    expect(brokerForUrl(url)?.id).toBe('sbineotrade');
  });
  it.each(NOT_OWN)('does not claim %s', (url) => {
    expect(brokerForUrl(url)).toBeUndefined();
  });
  it.each(BROKERS.filter((b) => b.id !== 'sbineotrade').flatMap((b) => b.hosts.map((h) => [`https://${h}/`, b.id])))(
    'leaves another broker host to its adapter: %s',
    (url, id) => {
      expect(brokerForUrl(url)?.id).toBe(id);
    },
  );
});

describe('sbineotrade pages', () => {
  it('names a transfer in (入庫) in the warnings and stores it as no order', () => {
    const r = read('trade-history.html');
    expect(r.orders.map((o) => [o.symbol, o.side])).toEqual([
      ['6758', 'sell'],
      ['7203', 'buy'],
    ]);
    expect(r.warnings).toEqual(['not an order (入庫): 9432 日本電信電話 500']);
  });

  it('reads a partly filled order as open, with what was filled', () => {
    expect(read('orders-inquiry.html').orders[0]).toMatchObject({
      status: 'open',
      quantity: 100,
      orderNumber: '30012',
    });
  });
});
