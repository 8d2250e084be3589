import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { BROKERS, brokerForUrl } from '../index';
import { orderFixtureSuite, orderFixtures } from '../shared/order-fixtures';
import { fixtureSuite } from '../shared/testing';
import { okasan } from './index';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
fixtureSuite(okasan, dir);
orderFixtureSuite(okasan, dir);
const read = (name: string) => {
  const f = orderFixtures(dir).find((x) => x.name === name)!;
  return okasan.readPage(parseHtml(f.text), f.expected.url);
};

// Hosts and the login page from public scrapers (docs/brokers.md "Real samples", okasan); the paths are invented.
const OWN = ['https://trade.okasan-online.co.jp/web/', 'https://trade.okasan-online.co.jp/web/asset/history'];
const NOT_OWN = [
  'https://www.okasan-online.co.jp/login/jp/',
  'https://www.okasan.co.jp/',
  'http://trade.okasan-online.co.jp/web/',
  'https://trade.okasan-online.co.jp.evil.example/web/',
];

describe('okasan adapter: where it runs', () => {
  it.each(OWN)('claims %s', (url) => {
    expect(brokerForUrl(url)?.id).toBe('okasan');
  });
  it.each(NOT_OWN)('does not claim %s', (url) => {
    expect(brokerForUrl(url)).toBeUndefined();
  });
  it.each(BROKERS.filter((b) => b.id !== 'okasan').flatMap((b) => b.hosts.map((h) => [`https://${h}/`, b.id])))(
    'leaves another broker host to its adapter: %s',
    (url, id) => {
      expect(brokerForUrl(url)?.id).toBe(id);
    },
  );
});

describe('okasan pages', () => {
  it('reads the execution page (Shift_JIS) as the real 株式約定履歴.csv reads the same rows', async () => {
    const { readCsvFile } = await import('../../import/read-csv');
    const { readFileSync } = await import('node:fs');
    const csvName = '株式約定履歴_20200731.csv';
    const csv = readCsvFile(
      new Uint8Array(readFileSync(fileURLToPath(new URL(`../../import/fixtures/okasan/${csvName}`, import.meta.url)))),
      csvName,
    ).orders;
    const strip = ({ raw: _raw, ...o }: { raw: unknown }) => o;
    expect(read('trade-history.html').orders.map(strip)).toEqual([csv[0]!, csv[6]!, csv[17]!].map(strip));
  });
});
