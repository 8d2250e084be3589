import { describe, expect, it } from 'vitest';
import type { LoginEvent, OrderEvent, Snapshot } from '../records';
import { buildCase, caseEvents, caseJson, judgementFromFlags } from './case';
import { mergeSameTrades } from './same-trade';
import type { EventFlag, EvidenceData } from './types';

const snap = (id: string, pageKind: Snapshot['pageKind'], capturedAt: string) =>
  ({ id, broker: 'rakuten', pageKind, capturedAt, how: 'visit' }) as Snapshot;
const order = (id: string, at: string, extra: Partial<OrderEvent> = {}): OrderEvent => ({
  v: 1,
  id,
  broker: 'rakuten',
  at,
  side: 'sell',
  symbol: '7203',
  quantity: 200,
  price: 2850,
  account: '特定',
  status: 'executed',
  raw: {},
  snapshotIds: [`s_${id}`],
  firstSeenAt: at,
  lastSeenAt: at,
  ...extra,
});
const login = (id: string, at: string): LoginEvent =>
  ({
    v: 1,
    id,
    broker: 'rakuten',
    at,
    result: 'success',
    raw: {},
    snapshotIds: ['s_login'],
    firstSeenAt: at,
    lastSeenAt: at,
  }) as LoginEvent;
const flag = (f: Partial<EventFlag>): EventFlag => ({ notMine: false, mine: false, alertIds: [], ...f });

describe('one trade, however many pages showed it', () => {
  it.each([
    // [orders, trades expected as id lists]
    [
      [order('t', '2025-11-29T10:18:20+09:00'), order('h', '2025-11-29T00:00:00+09:00', { dateOnly: true, fees: 535 })],
      [['t', 'h']],
    ],
    // two timed sales minutes apart are two sales; the date-only record joins one of them
    [
      [
        order('a', '2025-11-29T10:18:20+09:00'),
        order('b', '2025-11-29T10:25:00+09:00'),
        order('h', '2025-11-29T00:00:00+09:00', { dateOnly: true }),
      ],
      [['a', 'h'], ['b']],
    ],
    // the CSV spells the account its own way
    [
      [
        order('t', '2025-11-29T10:18:20+09:00', { account: '特定預り' }),
        order('c', '2025-11-29T00:00:00+09:00', { dateOnly: true, account: '特定' }),
      ],
      [['t', 'c']],
    ],
    // another day, another account, another quantity: not the same trade
    [
      [order('t', '2025-11-29T10:18:20+09:00'), order('h', '2025-11-28T00:00:00+09:00', { dateOnly: true })],
      [['h'], ['t']],
    ],
    [
      [
        order('t', '2025-11-29T10:18:20+09:00'),
        order('h', '2025-11-29T00:00:00+09:00', { dateOnly: true, account: 'NISA' }),
      ],
      [['h'], ['t']],
    ],
  ])('%#', (orders, expected) => {
    expect(mergeSameTrades(orders).map((t) => t.ids)).toEqual(expected);
  });

  it('keeps the time of the inquiry, the fee of the history and both snapshots', () => {
    const [t] = mergeSameTrades([
      order('t', '2025-11-29T10:18:20+09:00'),
      order('h', '2025-11-29T00:00:00+09:00', { dateOnly: true, fees: 535 }),
    ]);
    expect(t!.order).toMatchObject({ at: '2025-11-29T10:18:20+09:00', fees: 535 });
    expect(t!.order.dateOnly).toBeUndefined();
    expect(t!.snapshotIds).toEqual(['s_t', 's_h']);
  });
});

// collectEvidence hands caseOf the attribution's case (utils/case) as flags: not-mine, suspect, or the user's own
describe("the evidence case from the case function's flags", () => {
  const data = {
    logins: [
      login('l1', '2025-11-29T10:17:55+09:00'),
      login('l2', '2025-11-29T10:18:05+09:00'),
      login('own', '2025-11-29T09:00:00+09:00'),
      login('low', '2025-11-29T08:00:00+09:00'),
    ],
    orders: [
      order('t', '2025-11-29T10:18:20+09:00'),
      order('h', '2025-11-29T00:00:00+09:00', { dateOnly: true, fees: 535 }),
    ],
    accountEvents: [
      {
        id: 'acct1',
        broker: 'rakuten',
        at: '2025-11-29T10:19:00+09:00',
        item: 'メールアドレス',
        snapshotIds: ['s_acct'],
      },
    ],
    snapshots: [
      snap('s_login', 'login-history', '2025-11-29T10:21:00+09:00'),
      snap('s_t', 'order-inquiry', '2025-11-29T10:22:00+09:00'),
      snap('s_h', 'trade-history', '2025-11-29T10:23:00+09:00'),
    ],
    flags: new Map<string, EventFlag>([
      ['l1', flag({ notMine: true, alertIds: ['a1'] })],
      ['l2', flag({ suspect: true, alertIds: ['a2'], severity: 'high' })],
      ['own', flag({ mine: true, alertIds: ['a3'] })],
      // an alert the case function did not make a suspect (a low one): not in the case
      ['low', flag({ alertIds: ['a5'], severity: 'low' })],
      // only the date-only record was answered: the merged trade is not mine
      ['h', flag({ notMine: true })],
      ['acct1', flag({ suspect: true, alertIds: ['a4'] })],
    ]),
  } as unknown as EvidenceData;
  const c = buildCase(data, judgementFromFlags(data.flags), 'attribution');

  it('lists not-mine and suspects apart, never what was answered "mine"', () => {
    expect(c.logins.map((x) => [x.login.id, x.standing])).toEqual([
      ['l1', 'not-mine'],
      ['l2', 'suspect'],
    ]);
    expect(c.orders.map((x) => [x.trade.ids, x.standing])).toEqual([[['t', 'h'], 'not-mine']]);
    expect(c.accountChanges.map((x) => [x.at, x.standing])).toEqual([['2025-11-29T10:19:00+09:00', 'suspect']]);
  });

  it('says where each came from, and lists every event for the access-log request', () => {
    expect(c.orders[0]!.sources.map((s) => s.pageKind)).toEqual(['order-inquiry', 'trade-history']);
    expect(caseEvents(c).map((e) => `${e.kind} ${e.at.slice(11, 19)} ${e.standing}`)).toEqual([
      'login 10:17:55 not-mine',
      'login 10:18:05 suspect',
      'order 10:18:20 not-mine',
      'account-change 10:19:00 suspect',
    ]);
    const j = caseJson(c) as {
      counts: unknown;
      orders: Array<{ atUtc: string; sources: Array<{ capturedAtUtc: string }> }>;
    };
    expect(j.counts).toEqual({
      logins: { notMine: 1, suspect: 1 },
      orders: { notMine: 1, suspect: 0 },
      accountChanges: { notMine: 0, suspect: 1 },
    });
    expect(j.orders[0]!.atUtc).toBe('2025-11-29T01:18:20.000Z');
    expect(j.orders[0]!.sources[0]!.capturedAtUtc).toBe('2025-11-29T01:22:00.000Z');
  });
});
