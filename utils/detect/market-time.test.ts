import { describe, expect, it } from 'vitest';
import {
  hkMarketOpen,
  isJpTradingDay,
  jpMarketOpen,
  placementWindow,
  previousJpClose,
  usMarketOpen,
} from './market-time';

const ms = (iso: string) => Date.parse(iso);

describe('Tokyo trading days', () => {
  it.each([
    ['2025-03-31', true, 'a Monday'],
    ['2025-03-29', false, 'a Saturday'],
    ['2025-03-20', false, '春分の日'],
    ['2025-05-06', false, 'a substitute holiday'],
    ['2024-12-30', true, 'the last trading day of 2024 (大納会)'],
    ['2024-12-31', false, '12/31'],
    ['2025-01-03', false, '1/3'],
    ['2025-01-06', true, '大発会 2025'],
    ['2026-09-22', false, '国民の休日 between two holidays'],
  ])('%s is a trading day: %s (%s)', (day, want) => {
    expect(isJpTradingDay(day)).toBe(want);
  });

  it.each([
    ['2025-03-31T09:00:00+09:00', true],
    ['2025-03-31T11:45:00+09:00', false],
    ['2025-03-31T15:25:00+09:00', true],
    ['2024-10-31T15:20:00+09:00', false],
    ['2025-03-29T10:00:00+09:00', false],
  ])('%s: market open %s', (t, want) => {
    expect(jpMarketOpen(ms(t))).toBe(want);
  });

  it.each([
    ['2025-03-31T09:00:00+09:00', '2025-03-28T15:30:00+09:00', 'Monday open: Friday close'],
    ['2024-12-30T09:00:00+09:00', '2024-12-27T15:30:00+09:00', 'after a weekend'],
    ['2025-01-06T09:00:00+09:00', '2024-12-30T15:30:00+09:00', '大発会: the year-end close'],
    ['2024-10-31T09:00:00+09:00', '2024-10-30T15:00:00+09:00', 'before the 15:30 close existed'],
  ])('the close before %s is %s (%s)', (t, close) => {
    expect(previousJpClose(ms(t))).toBe(ms(close));
  });
});

describe('foreign hours in JST', () => {
  it.each([
    ['2025-03-31T10:52:00+09:00', true],
    ['2025-03-31T13:30:00+09:00', false],
    ['2025-03-29T10:52:00+09:00', false],
  ])('Hong Kong at %s: %s', (t, want) => expect(hkMarketOpen(ms(t))).toBe(want));
  it.each([
    ['2025-01-15T23:45:00+09:00', true],
    ['2025-01-15T22:45:00+09:00', false],
    ['2025-07-15T22:45:00+09:00', true],
    ['2025-07-15T05:30:00+09:00', false],
    ['2025-07-16T04:30:00+09:00', true],
  ])('New York at %s: %s', (t, want) => expect(usMarketOpen(ms(t))).toBe(want));
});

describe('placementWindow', () => {
  it.each([
    [
      'an order time is the minute',
      { at: '2024-12-30T09:00:00+09:00', orderedAt: '2024-12-27T21:14:00+09:00', status: 'executed' },
      ['2024-12-27T21:14:00+09:00', '2024-12-27T21:14:00+09:00', 'ordered'],
    ],
    [
      'an execution at the open: from the previous close',
      { at: '2024-12-30T09:00:00+09:00', status: 'executed' },
      ['2024-12-27T15:30:00+09:00', '2024-12-30T09:00:00+09:00', 'executed'],
    ],
    [
      'a date alone: the previous close to the end of the day',
      { at: '2025-01-06T00:00:00+09:00', dateOnly: true, status: 'executed' },
      ['2024-12-30T15:30:00+09:00', '2025-01-07T00:00:00+09:00', 'day'],
    ],
    [
      'an open order is dated by its order time',
      { at: '2025-03-31T22:10:00+09:00', status: 'open' },
      ['2025-03-31T22:10:00+09:00', '2025-03-31T22:10:00+09:00', 'ordered'],
    ],
  ] as const)('%s', (_n, order, [from, to, basis]) => {
    expect(placementWindow(order, 'JP')).toEqual({ from: ms(from), to: ms(to), basis });
  });
});
