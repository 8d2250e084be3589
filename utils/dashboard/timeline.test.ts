import { describe, expect, it } from 'vitest';
import { toJstIso } from '../brokers/shared/dates';
import { envsOf, facts, login, order } from '../detect/testkit';
import type { Alert } from '../records/alert';
import { KabuGuardDB } from '../store/db';
import { defaultFilter, loadTimelinePage, type TimelineFilter, type TimelineItem } from './timeline';
import { putLogins } from '../store/logins';

const newDb = () => new KabuGuardDB(`test-${Math.random()}`);
const at = (day: number, hour = 12) =>
  toJstIso(Date.parse('2025-03-01T00:00:00+09:00') + day * 86_400_000 + hour * 3_600_000);
const HOME = {
  ip: '153.203.40.10',
  userAgent:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Safari/537.36',
};

async function seeded() {
  const db = newDb();
  const logins = [
    ...Array.from({ length: 30 }, (_, d) => login(at(d), { broker: 'sbi', ...HOME })),
    ...Array.from({ length: 12 }, (_, d) => login(at(d, 20), { broker: 'rakuten', ip: '203.0.113.24', channel: 'PC' })),
  ];
  const foreign = login(at(31, 3), { broker: 'sbi', ip: '36.110.14.22', userAgent: HOME.userAgent });
  const own = login(at(31, 12), { broker: 'sbi', ...HOME });
  const orders = [
    order(at(5, 10), { broker: 'sbi', symbol: '7203' }),
    order(at(31, 3.5), { broker: 'sbi', symbol: '00700', marketRegion: 'HK' }),
  ];
  await putLogins(db, [...logins, foreign, own]);
  await db.orders.bulkPut(orders);
  // the user's home PC is known; this browser was on the site right after `own`
  await db.environments.bulkPut(envsOf(logins.filter((l) => l.broker === 'sbi').map((l) => facts(l))));
  await db.visits.put({
    v: 1,
    id: 'visit_1',
    broker: 'sbi',
    at: toJstIso(Date.parse(own.at) + 60_000),
    url: 'https://site2.sbisec.co.jp/ETGate/',
  } as never);
  await db.snapshots.put({
    v: 1,
    id: 'snap_0',
    broker: 'sbi',
    pageKind: 'login-history',
    url: 'https://site2.sbisec.co.jp/ETGate/',
    capturedAt: at(0),
    how: 'visit',
    charset: 'utf-8',
    storedEncoding: 'utf-8',
    mediaType: 'text/html',
    sha256: '0'.repeat(64),
    size: 1,
    redactions: [],
    parse: { status: 'ok', parserVersion: 't', warnings: [], records: 1, at: at(0) },
  });
  const alert = {
    v: 1,
    id: 'alert_1',
    broker: 'sbi',
    kind: 'login',
    severity: 'high',
    status: 'open',
    anchorEventId: foreign.id,
    eventIds: [foreign.id],
    eventTimes: [foreign.at],
    title: { code: 'x' },
    reasons: [],
    incidentId: 'inc_1',
    createdAt: at(31, 4),
    updatedAt: at(31, 4),
  } as unknown as Alert;
  await db.alerts.put(alert);
  return { db, foreign, own, orders, total: logins.length + 2 + orders.length };
}

async function all(
  db: KabuGuardDB,
  filter: TimelineFilter,
  size: number,
): Promise<{ items: TimelineItem[]; pages: number }> {
  const items: TimelineItem[] = [];
  let page = await loadTimelinePage(db, filter, undefined, size);
  let pages = 1;
  items.push(...page.items);
  while (page.next) {
    page = await loadTimelinePage(db, filter, page.next, size);
    items.push(...page.items);
    pages++;
  }
  return { items, pages };
}

describe('loadTimelinePage', () => {
  it('pages through logins and orders of every broker, newest first, each row once', async () => {
    const { db, total } = await seeded();
    const { items, pages } = await all(db, defaultFilter(), 7);
    expect(items).toHaveLength(total);
    expect(new Set(items.map((i) => i.id)).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 7));
    const times = items.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it.each([
    ['orders only', { kinds: ['order'] }, (i: TimelineItem) => i.kind === 'order', 2],
    ['Rakuten only', { brokers: ['rakuten'] }, (i: TimelineItem) => i.broker === 'rakuten', 12],
    ['a period', { from: '2025-04-01', to: '2025-04-01' }, (i: TimelineItem) => i.at.startsWith('2025-04-01'), 3],
    // the foreign login (an open high alert) and the Hong Kong order made in its session half an hour later
    ['only flagged', { onlyFlagged: true }, (i: TimelineItem) => i.attribution === 'suspect', 2],
  ] as const)('filters: %s', async (_n, patch, ok, count) => {
    const { db } = await seeded();
    const { items } = await all(db, { ...defaultFilter(), ...(patch as Partial<TimelineFilter>) }, 5);
    expect(items).toHaveLength(count);
    expect(items.every(ok)).toBe(true);
  });

  it('says where each login came from: this browser, a known environment, a suspect nobody answered', async () => {
    const { db, foreign, own, orders } = await seeded();
    const { items } = await loadTimelinePage(db, defaultFilter(), undefined, 10);
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(own.id)).toMatchObject({ attribution: 'this-browser' });
    expect(byId.get(foreign.id)).toMatchObject({ attribution: 'suspect', flag: 'high' });
    expect(
      items.find((i) => i.kind === 'login' && i.id !== own.id && i.id !== foreign.id && i.broker === 'sbi'),
    ).toMatchObject({ attribution: 'known' });
    // an order in the foreign login's session: a suspect too
    expect(byId.get(orders[1]!.id)).toMatchObject({ kind: 'order', attribution: 'suspect' });
  });

  it('marks the logins of an environment the user rejected and the orders of its sessions, with the name the user gave', async () => {
    const { db, foreign, orders } = await seeded();
    const env = envsOf([facts(foreign)], 'rejected')[0]!;
    await db.environments.put({ ...env, label: 'だれか' });
    const { items } = await loadTimelinePage(db, { ...defaultFilter(), onlyFlagged: true });
    expect(items).toMatchObject([
      { id: orders[1]!.id, attribution: 'not-mine' },
      { id: foreign.id, attribution: 'not-mine', envLabel: 'だれか' },
    ]);
  });
});
