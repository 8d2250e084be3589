import { describe, expect, it } from 'vitest';
import type { LoginEvent } from '../records';
import { caseRows } from './collect';
import type { EventFlag } from './types';

// rows named `<broker><n>` in time order; a flag list marks some of them
const row = (name: string): LoginEvent => ({
  v: 1,
  id: name,
  broker: name.startsWith('r') ? 'rakuten' : 'sbi',
  at: `2025-04-10T12:${name.slice(1).padStart(2, '0')}:00+09:00`,
  result: 'success',
  raw: {},
  snapshotIds: ['s'],
  firstSeenAt: '2025-04-10T13:00:00+09:00',
  lastSeenAt: '2025-04-10T13:00:00+09:00',
});
const flag = (f: Partial<EventFlag>): EventFlag => ({ notMine: false, mine: false, alertIds: [], ...f });

describe('caseRows: every flagged row and `context` rows either side of it, per broker', () => {
  it.each([
    ['one flagged in the middle', 'r1 r2 r3 r4 r5 r6 r7', { r4: flag({ notMine: true }) }, 1, 'r3 r4 r5'],
    ['context 2', 'r1 r2 r3 r4 r5 r6 r7', { r4: flag({ suspect: true, alertIds: ['a'] }) }, 2, 'r2 r3 r4 r5 r6'],
    ['at both ends', 'r1 r2 r3 r4 r5', { r1: flag({ notMine: true }), r5: flag({ notMine: true }) }, 1, 'r1 r2 r4 r5'],
    [
      'overlapping windows',
      'r1 r2 r3 r4 r5 r6',
      { r2: flag({ notMine: true }), r4: flag({ notMine: true }) },
      1,
      'r1 r2 r3 r4 r5',
    ],
    // the other broker's rows in between are not context of this broker's row
    ['two brokers interleaved', 'r1 s2 r3 s4 r5 s6 r7', { r5: flag({ notMine: true }) }, 1, 'r3 r5 r7'],
    [
      'each broker its own context',
      'r1 s2 r3 s4 r5 s6',
      { r3: flag({ notMine: true }), s4: flag({ suspect: true, alertIds: ['a'] }) },
      1,
      'r1 s2 r3 s4 r5 s6',
    ],
    ['the holder said mine: not flagged', 'r1 r2 r3', { r2: flag({ mine: true, alertIds: ['a'] }) }, 1, ''],
    ['an alert-less, unanswered flag is no flag', 'r1 r2 r3', { r2: flag({}) }, 1, ''],
    // the case decides: an alert the case does not hold as a suspect (a low one) does not bring its rows in
    ['an alert alone is no flag', 'r1 r2 r3', { r2: flag({ alertIds: ['a'] }) }, 1, ''],
    ['context 0', 'r1 r2 r3', { r2: flag({ notMine: true }) }, 0, 'r2'],
  ])('%s', (_name, rows, flags, context, expected) => {
    const got = caseRows(rows.split(' ').map(row), new Map(Object.entries(flags)), context);
    expect(got.map((r) => r.id).join(' ')).toBe(expected);
  });
});
