// Test support (imported by *.test.ts only): the order, holdings and
// account-change fixtures of a broker folder (names starting `orders-`,
// `trade-`, `holdings-`, `account-changes-`), each with a reviewed
// `<name>.expected.json` holding its URL and the reading it must give.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../capture/decode';
import type { BrokerAdapter, PageReading } from '../types';
import { DOMS, parseWith, PROVENANCE } from './testing';

export const ORDER_FIXTURE = /^(orders|trade|holdings|account-changes)-.*\.html$/;

export type OrderExpectation = Pick<PageReading, 'pageKind' | 'status' | 'loggedIn' | 'orders' | 'warnings'> & {
  url: string;
  holdings: NonNullable<PageReading['holdings']>;
  accountEvents: NonNullable<PageReading['accountEvents']>;
};

export function orderFixtures(
  dir: string,
): Array<{ name: string; text: string; charset: string; expected: OrderExpectation }> {
  return readdirSync(dir)
    .filter((f) => ORDER_FIXTURE.test(f))
    .sort()
    .map((name) => {
      const { text, charset } = decodeBytes(new Uint8Array(readFileSync(join(dir, name))));
      const expected = JSON.parse(
        readFileSync(join(dir, name.replace(/\.html$/, '.expected.json')), 'utf8'),
      ) as OrderExpectation;
      return { name, text, charset, expected };
    });
}

export function orderComparable(r: PageReading, url: string): OrderExpectation {
  return {
    url,
    pageKind: r.pageKind,
    status: r.status,
    loggedIn: r.loggedIn,
    orders: r.orders,
    holdings: r.holdings ?? [],
    accountEvents: r.accountEvents ?? [],
    warnings: r.warnings,
  };
}

/** Every order fixture, through both DOMs, equals its reviewed expected file. */
export function orderFixtureSuite(adapter: BrokerAdapter, dir: string): void {
  const fixtures = orderFixtures(dir);
  describe(`${adapter.id} order, holdings and account-change fixtures`, () => {
    it.each(fixtures.flatMap((f) => DOMS.map((dom) => ({ f, dom }))))('$f.name with $dom', async ({ f, dom }) => {
      const { doc, close } = await parseWith(dom, f.text, f.expected.url);
      try {
        expect(orderComparable(adapter.readPage(doc, f.expected.url), f.expected.url)).toEqual(f.expected);
      } finally {
        await close();
      }
    });
    it.each(fixtures)('$name says at its top where it comes from, or which parts are invented', ({ text }) => {
      expect(text.trimStart().slice(0, text.trimStart().indexOf('-->'))).toMatch(PROVENANCE);
    });
    it('has a fixture for every order, holdings and account-change page kind the adapter declares', () => {
      const declared = adapter.pageKinds.filter((k) => k !== 'login-history' && k !== 'other');
      expect([...new Set(fixtures.map((f) => f.expected.pageKind))].sort()).toEqual([...declared].sort());
    });
  });
}
