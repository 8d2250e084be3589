import { describe, expect, it } from 'vitest';
import type { AdapterHealth } from '../records';
import { lastReadAt, statusLight, type LightInput } from './status-light';

const NOW = Date.parse('2025-03-29T12:00:00+09:00');
const health = (over: Partial<AdapterHealth> = {}): AdapterHealth => ({
  v: 1,
  broker: 'sbi',
  state: 'readable',
  pageKind: 'login-history',
  at: '2025-03-29T10:00:00+09:00',
  lastCaptureAt: '2025-03-29T10:00:00+09:00',
  ...over,
});
const input = (over: Partial<LightInput> = {}): LightInput => ({
  health: health(),
  highIncidents: 0,
  openAlerts: 0,
  unreviewed: 0,
  now: NOW,
  staleDays: 7,
  ...over,
});

describe('statusLight', () => {
  it.each([
    ['read today, nothing open', input(), 'green', 'ok'],
    [
      'an open high incident wins over everything',
      input({ highIncidents: 1, openAlerts: 3, health: undefined }),
      'red',
      'high-incident',
    ],
    ['an open alert to answer', input({ openAlerts: 1 }), 'amber', 'open-alerts'],
    ['a page that cannot be read', input({ health: health({ state: 'unreadable' }) }), 'amber', 'unreadable'],
    ['the one-time review is pending', input({ unreviewed: 2 }), 'amber', 'review'],
    ['never read', input({ health: undefined }), 'amber', 'never-checked'],
    [
      'last read 8 days ago',
      input({ health: health({ lastCaptureAt: '2025-03-21T11:00:00+09:00' }) }),
      'amber',
      'not-checked',
    ],
    ['last read 6 days ago', input({ health: health({ lastCaptureAt: '2025-03-23T12:00:00+09:00' }) }), 'green', 'ok'],
    [
      'a recent check counts as well as a capture',
      input({
        health: health({ lastCaptureAt: '2025-03-01T11:00:00+09:00', lastCheckOkAt: '2025-03-29T11:55:00+09:00' }),
      }),
      'green',
      'ok',
    ],
    [
      'the user chose 3 days',
      input({ staleDays: 3, health: health({ lastCaptureAt: '2025-03-25T11:00:00+09:00' }) }),
      'amber',
      'not-checked',
    ],
    ['logged out is normal, not a problem', input({ health: health({ state: 'logged-out' }) }), 'green', 'ok'],
  ] as const)('%s → %s', (_name, i, light, reason) => {
    expect(statusLight(i)).toMatchObject({ light, reason });
  });

  it.each([
    [undefined, undefined, undefined],
    ['2025-03-29T10:00:00+09:00', undefined, '2025-03-29T10:00:00+09:00'],
    ['2025-03-29T10:00:00+09:00', '2025-03-29T02:00:00Z', '2025-03-29T02:00:00Z'],
  ])('lastReadAt(capture %s, check %s) = %s', (lastCaptureAt, lastCheckOkAt, want) => {
    expect(lastReadAt(lastCaptureAt || lastCheckOkAt ? health({ lastCaptureAt, lastCheckOkAt }) : undefined)).toBe(
      want,
    );
  });
});
