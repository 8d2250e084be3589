import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { BROKERS, brokerForUrl } from '../index';
import { orderFixtureSuite, orderFixtures } from '../shared/order-fixtures';
import { fixtureSuite } from '../shared/testing';
import { mumss } from './index';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
fixtureSuite(mumss, dir);
orderFixtureSuite(mumss, dir);
const read = (name: string) => {
  const f = orderFixtures(dir).find((x) => x.name === name)!;
  return mumss.readPage(parseHtml(f.text), f.expected.url);
};

// The host serves both the login page and the member pages (docs/brokers.md "Real samples", mumss); member paths invented.
const OWN = [
  'https://online.sc.mufg.jp/its/dfw/UTBSITS/user_p/Login',
  'https://online.sc.mufg.jp/its/dfw/UTBSITS/user_p/Top',
];
const NOT_OWN = [
  'https://www.sc.mufg.jp/',
  'https://itspdf.sc.mufg.jp/',
  'http://online.sc.mufg.jp/its/',
  'https://online.sc.mufg.jp.evil.example/its/',
];

describe('mumss adapter: where it runs', () => {
  it.each(OWN)('claims %s', (url) => {
    expect(brokerForUrl(url)?.id).toBe('mumss');
  });
  it.each(NOT_OWN)('does not claim %s', (url) => {
    expect(brokerForUrl(url)).toBeUndefined();
  });
  it.each(BROKERS.filter((b) => b.id !== 'mumss').flatMap((b) => b.hosts.map((h) => [`https://${h}/`, b.id])))(
    'leaves another broker host to its adapter: %s',
    (url, id) => {
      expect(brokerForUrl(url)?.id).toBe(id);
    },
  );
});

describe('mumss pages', () => {
  it('reads times written with 時 / 分 / 秒', () => {
    expect(read('orders-inquiry.html').orders[0]!.at).toBe('2025-10-10T08:05:00+09:00');
  });

  it('recognises お預り資産 as holdings, and its empty state', () => {
    expect(read('holdings-list.html')).toMatchObject({ pageKind: 'holdings', status: 'ok' });
    expect(read('holdings-empty.html')).toMatchObject({ pageKind: 'holdings', status: 'empty' });
  });
});
