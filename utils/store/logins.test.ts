import { describe, expect, it } from 'vitest';
import type { LoginRow } from '../brokers/types';
import { KabuGuardDB } from './db';
import { allLogins, countAllLogins, countLogins, loginEventIds, loginsAt, upsertLogins } from './logins';

const newDb = () => new KabuGuardDB(`test-${Math.random()}`);
const login = (at: string, ip = '203.0.113.7'): LoginRow => ({
  at,
  result: 'success',
  channel: 'PC',
  ip,
  raw: { ログイン日時: at, IPアドレス: ip },
});
// one login a day, newest first, as a history page lists them
const days = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => login(`2025-03-${String(from - i).padStart(2, '0')}T09:00:00+09:00`));

describe('upsertLogins', () => {
  it.each([
    // a re-capture overlapping the stored range: read by one [broker+at] range
    { name: 'an overlapping page', first: days(20, 10), second: days(25, 10), added: 5 },
    // the stored range holds many more logins than the page: read by key
    {
      name: 'a short page inside a long stored history',
      first: [
        ...days(28, 28),
        ...Array.from({ length: 300 }, (_, i) => login('2025-03-15T12:00:00+09:00', `198.51.100.${i % 250}`)),
      ],
      second: [
        login('2025-03-01T09:00:00+09:00'),
        login('2025-03-28T09:00:00+09:00'),
        login('2025-03-29T09:00:00+09:00'),
      ],
      added: 1,
    },
  ])(
    'merges $name: new rows added, seen rows keep their first sight and gain the snapshot',
    async ({ first, second, added }) => {
      const db = newDb();
      expect((await upsertLogins(db, 'rakuten', first, 'snap_a', '2025-03-20T10:00:00+09:00')).added).toBe(
        new Set(loginEventIds('rakuten', first)).size,
      );
      const before = await countAllLogins(db);
      const r = await upsertLogins(db, 'rakuten', second, 'snap_b', '2025-03-25T10:00:00+09:00');
      expect(r).toMatchObject({ added, seen: second.length });
      expect(await countAllLogins(db)).toBe(before + added);
      const ids = loginEventIds('rakuten', second);
      const stored = await loginsAt(
        db,
        ids.map((id, i) => ({ id, broker: 'rakuten' as const, at: second[i]!.at })),
      );
      for (const e of stored) {
        const old = new Set(loginEventIds('rakuten', first)).has(e!.id);
        expect(e).toMatchObject(
          old
            ? {
                snapshotIds: ['snap_a', 'snap_b'],
                firstSeenAt: '2025-03-20T10:00:00+09:00',
                lastSeenAt: '2025-03-25T10:00:00+09:00',
              }
            : { snapshotIds: ['snap_b'], firstSeenAt: '2025-03-25T10:00:00+09:00' },
        );
      }
      expect(r.addedIds).toEqual(stored.filter((e) => e!.snapshotIds.length === 1).map((e) => e!.id));
    },
  );

  it('reads the same snapshot again without changing a record, and keeps brokers apart', async () => {
    const db = newDb();
    await upsertLogins(db, 'rakuten', days(10, 5), 'snap_a', '2025-03-10T10:00:00+09:00');
    const before = await allLogins(db);
    expect((await upsertLogins(db, 'rakuten', days(10, 5), 'snap_a', '2025-03-10T10:00:00+09:00')).added).toBe(0);
    expect(await allLogins(db)).toEqual(before);
    // the same rows at another broker are other logins
    expect((await upsertLogins(db, 'sbi', days(10, 5), 'snap_s', '2025-03-10T10:00:00+09:00')).added).toBe(5);
    expect([await countLogins(db, 'rakuten'), await countLogins(db, 'sbi')]).toEqual([5, 5]);
  });

  it('stores nothing when one row is invalid', async () => {
    const db = newDb();
    await expect(
      upsertLogins(db, 'rakuten', [...days(10, 3), login('not a time')], 'snap_a', '2025-03-10T10:00:00+09:00'),
    ).rejects.toThrow();
    expect(await countAllLogins(db)).toBe(0);
  });
});
