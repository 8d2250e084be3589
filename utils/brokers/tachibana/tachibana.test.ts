import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { BROKERS, brokerForUrl } from '../index';
import { orderFixtureSuite, orderFixtures } from '../shared/order-fixtures';
import { fixtureSuite } from '../shared/testing';
import { tachibana } from './index';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
fixtureSuite(tachibana, dir);
orderFixtureSuite(tachibana, dir);
const read = (name: string) => {
  const f = orderFixtures(dir).find((x) => x.name === name)!;
  return tachibana.readPage(parseHtml(f.text), f.expected.url);
};

// The trading host from public API clients (docs/brokers.md "Real samples", tachibana); the member paths are invented.
const OWN = ['https://kabuka.e-shiten.jp/mfds_smp.php', 'https://kabuka.e-shiten.jp/e_trade/top'];
const NOT_OWN = [
  'https://www.e-shiten.jp/',
  'https://demo-kabuka.e-shiten.jp/e_api_v4r8/',
  'https://mobile.e-shiten.jp/QA/answer14.html',
  'http://kabuka.e-shiten.jp/',
  'https://kabuka.e-shiten.jp.evil.example/',
];

describe('tachibana adapter: where it runs', () => {
  it.each(OWN)('claims %s', (url) => {
    expect(brokerForUrl(url)?.id).toBe('tachibana');
  });
  it.each(NOT_OWN)('does not claim %s', (url) => {
    expect(brokerForUrl(url)).toBeUndefined();
  });
  it.each(BROKERS.filter((b) => b.id !== 'tachibana').flatMap((b) => b.hosts.map((h) => [`https://${h}/`, b.id])))(
    'leaves another broker host to its adapter: %s',
    (url, id) => {
      expect(brokerForUrl(url)?.id).toBe(id);
    },
  );
});

describe('tachibana pages', () => {
  it('reads two-digit years written in full-width digits', () => {
    expect(read('orders-list.html').orders.map((o) => [o.at, o.status])).toEqual([
      ['2025-10-10T09:00:00+09:00', 'executed'],
      ['2025-10-10T09:01:00+09:00', 'cancelled'],
    ]);
  });
});
