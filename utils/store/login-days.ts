// Logins packed a broker's day to a record (utils/records/login-day.ts): the
// pure part, shared by the store (utils/store/logins.ts) and the schema upgrade
// that packs an older database's logins (utils/store/db.ts, version 4).

import type { LoginDay, LoginEvent } from '../records';

/** The day a login is stored under: its `at`'s own date (JST as stored), so days sort as the times do. */
export const dayOf = (at: string): string => at.slice(0, 10);

export const loginDayId = (broker: string, day: string): string => `${broker}|${day}`;

/** Oldest first; ties by id (the order the [broker+at] index kept before version 4). */
export const byAt = (a: LoginEvent, b: LoginEvent): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** One day's record from its rows (all of one broker and day). */
export function loginDay(broker: LoginEvent['broker'], day: string, rows: LoginEvent[]): LoginDay {
  const sorted = [...rows].sort(byAt);
  return { v: 1, id: loginDayId(broker, day), broker, day, ids: sorted.map((e) => e.id), rows: sorted };
}

/** Rows of any brokers and days grouped into day records. */
export function packLoginDays(rows: readonly LoginEvent[]): LoginDay[] {
  const groups = new Map<string, LoginEvent[]>();
  for (const e of rows) {
    const key = loginDayId(e.broker, dayOf(e.at));
    const g = groups.get(key);
    if (g) g.push(e);
    else groups.set(key, [e]);
  }
  return [...groups.values()].map((g) => loginDay(g[0]!.broker, dayOf(g[0]!.at), g));
}
