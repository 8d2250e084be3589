// A long synthetic history for the stage benchmarks (bench/stages.ts): login
// and order rows as the adapters produce them, captured in pages of 1,000
// rows, at a fixed density (60 events a day over two brokers), so a larger
// history is a longer one, as years of use make it. Addresses are from the
// documentation ranges; every value is invented.

import { toJstIso } from '../utils/brokers/shared/dates';
import type { BrokerId, LoginRow, OrderRow, PageReading } from '../utils/brokers/types';

export const BROKERS: readonly BrokerId[] = ['rakuten', 'sbi'];
/** Events a day, all brokers together. */
export const PER_DAY = 60;
/** The newest event of every history: the same "now" for every size. */
export const END_MS = Date.parse('2026-11-20T21:00:00+09:00');
const DAY = 86_400_000;

const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
];
const NETS = ['192.0.2', '198.51.100', '203.0.113'];

/** The time of event i of n (i = 0 the oldest), evenly spread backwards from END_MS with a little jitter. */
export function eventTime(i: number, n: number): number {
  return END_MS - Math.floor(((n - 1 - i) * DAY) / PER_DAY) - (i % 7) * 1000;
}

function loginRow(i: number, at: number): LoginRow {
  const shown = toJstIso(at).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
  const k = i % 10;
  const row: LoginRow = {
    at: toJstIso(at),
    result: i % 50 === 7 ? 'failure' : 'success',
    channel: k === 9 ? '他社サービスからログイン' : k < 6 ? 'PC' : 'スマートフォン',
    raw: { ログイン日時: shown },
  };
  if (k !== 9) {
    row.ip = `${NETS[i % 3]}.${(i % 250) + 1}`;
    row.userAgent = UAS[k < 6 ? 0 : 1]!;
    row.raw.IPアドレス = row.ip;
  }
  return row;
}

function orderRow(i: number, at: number): OrderRow {
  const jp = i % 4 !== 0;
  return {
    at: toJstIso(at),
    side: i % 3 ? 'buy' : 'sell',
    symbol: jp ? String(1300 + (i % 40)) : `0${700 + (i % 30)}`,
    name: `銘柄${i % 40}`,
    market: jp ? '東証' : '香港',
    marketRegion: jp ? 'JP' : 'HK',
    quantity: 100,
    price: jp ? 1000 + (i % 500) : 50 + (i % 20),
    currency: jp ? '円' : 'HKドル',
    ...(jp ? { currencyCode: 'JPY' } : { currencyCode: 'HKD' }),
    account: i % 5 ? '特定' : 'NISA成長投資枠',
    status: 'executed',
    raw: { 約定日: toJstIso(at).slice(0, 10) },
  };
}

/** One captured page: the rows of one broker and one kind, as a page reading. */
export interface HistoryPage {
  reading: PageReading;
  capturedAt: string;
}

/**
 * The history of `n` events (90 % logins, 10 % orders, brokers alternating), as
 * the pages that showed it, oldest first: each page holds up to `pageRows` rows
 * of one broker and one kind.
 */
export function historyPages(n: number, pageRows = 1000): HistoryPage[] {
  const open = new Map<string, HistoryPage>();
  const pages: HistoryPage[] = [];
  for (let i = 0; i < n; i++) {
    const broker = BROKERS[i % BROKERS.length]!;
    const at = eventTime(i, n);
    // every tenth event of each broker an order (brokers alternate, so every broker has orders)
    const isOrder = Math.floor(i / BROKERS.length) % 10 === 3;
    const key = `${broker}|${isOrder ? 'o' : 'l'}`;
    let page = open.get(key);
    if (!page) {
      page = {
        reading: {
          broker,
          pageKind: isOrder ? 'trade-history' : 'login-history',
          status: 'ok',
          loggedIn: true,
          logins: [],
          orders: [],
          warnings: [],
          parserVersion: 'bench',
        },
        capturedAt: '',
      };
      open.set(key, page);
      pages.push(page);
    }
    if (isOrder) page.reading.orders.push(orderRow(i, at));
    else page.reading.logins.push(loginRow(i, at));
    page.capturedAt = toJstIso(at + 60_000);
    if (page.reading.logins.length + page.reading.orders.length >= pageRows) open.delete(key);
  }
  return pages;
}

/** A capture after the history: a few logins (the user's, an attacker's, failures) and the attacker's trades. */
export function newCapture(broker: BrokerId, afterMs = END_MS): PageReading[] {
  const at = (m: number) => toJstIso(afterMs + 3600_000 + m * 60_000);
  const logins: LoginRow[] = [];
  for (let m = 0; m < 16; m++) {
    const attacker = m % 4 === 3;
    logins.push({
      at: at(m),
      result: m % 5 === 4 ? 'failure' : 'success',
      channel: 'PC',
      ip: attacker ? '36.110.14.22' : `${NETS[m % 3]}.${m + 1}`,
      userAgent: attacker ? 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0.0.0' : UAS[0]!,
      raw: { ログイン日時: at(m) },
    });
  }
  const orders: OrderRow[] = [0, 1, 2, 3].map((k) => ({
    at: at(20 + k),
    side: k === 0 ? 'sell' : 'buy',
    symbol: k === 0 ? '1301' : `0${8300 + k}`,
    market: k === 0 ? '東証' : '香港',
    marketRegion: k === 0 ? 'JP' : 'HK',
    quantity: k === 0 ? 100 : 100_000,
    price: k === 0 ? 1200 : 0.5,
    currency: k === 0 ? '円' : 'HKドル',
    currencyCode: k === 0 ? 'JPY' : 'HKD',
    account: '特定',
    status: 'executed',
    raw: { 約定日: at(20 + k).slice(0, 10) },
  }));
  const base = { broker, status: 'ok' as const, loggedIn: true, warnings: [], parserVersion: 'bench' };
  return [
    { ...base, pageKind: 'login-history', logins, orders: [] },
    { ...base, pageKind: 'trade-history', logins: [], orders },
  ];
}
