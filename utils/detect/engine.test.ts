// The engine over a real (fake-IndexedDB) store: stable alerts, incidents, feedback.
import { afterEach, describe, expect, it } from 'vitest';
import type { LoginRow, OrderRow } from '../brokers/types';
import { KabuGuardDB } from '../store/db';
import { loginEventIds, upsertLogins } from '../store/logins';
import { orderEventIds, upsertOrders } from '../store/orders';
import { recordVisit } from '../store/visits';
import { loadCase } from '../case';
import { answerEnvironment, applyFeedback, loadDetectionInput, rebuildDetection, runDetection } from './engine';
import type { DetectState } from './detect';
import { kvGet } from '../store/kv';
import { alertTitle, renderExplanation } from './explain';
import { allLogins } from '../store/logins';

let seq = 0;
let db: KabuGuardDB;
afterEach(async () => {
  db.close();
  await db.delete();
});

const HOME = { os: 'macOS', browser: 'Chrome 134' };
const row = (at: string, ip: string, extra: Partial<LoginRow> = {}): LoginRow => ({
  at,
  result: 'success',
  ip,
  ...HOME,
  raw: {},
  ...extra,
});

/** 20 evenings at home, each followed by a Visit of this browser; installed on the first. */
async function homeUser(): Promise<LoginRow[]> {
  db = new KabuGuardDB(`engine-test-${++seq}`);
  const rows: LoginRow[] = [];
  for (let d = 1; d <= 20; d++) {
    const at = `2025-04-${String(d).padStart(2, '0')}T21:0${d % 10}:00+09:00`;
    rows.push(row(at, `60.112.${d % 9}.${d}`));
    await recordVisit(db, 'sbi', 'https://site.sbisec.co.jp/account/home', Date.parse(at) + 60_000);
  }
  await capture(rows, '2025-04-20T21:30:00+09:00');
  return rows;
}

async function capture(rows: LoginRow[], now: string) {
  const r = await upsertLogins(db, 'sbi', rows, `snap_${now}`, now);
  return runDetection(db, { newEventIds: r.addedIds, loginsFrom: r.addedFrom ? { sbi: r.addedFrom } : {}, now });
}

describe('runDetection', () => {
  it('the history present at the first capture is the baseline: no alerts', async () => {
    await homeUser();
    expect(await db.alerts.count()).toBe(0);
    const envs = await db.environments.toArray();
    expect(envs.length).toBeGreaterThan(0);
    expect(envs.every((e) => e.status !== 'alerted')).toBe(true);
  });

  it('an attacker login alerts once; re-captures and re-runs never repeat it', async () => {
    const rows = await homeUser();
    const attack = row('2025-04-21T03:12:00+09:00', '36.110.14.22');
    const first = await capture([...rows, attack], '2025-04-21T08:00:00+09:00');
    expect(first.newAlerts).toHaveLength(1);
    expect(first.newAlerts[0]!.severity).toBe('high');
    const again = await capture([...rows, attack], '2025-04-21T09:00:00+09:00');
    expect(again.newAlerts).toHaveLength(0);
    const forced = await runDetection(db, {
      newEventIds: loginEventIds('sbi', [...rows, attack]),
      now: '2025-04-21T09:05:00+09:00',
    });
    expect(forced.newAlerts).toHaveLength(0);
    expect(await db.alerts.count()).toBe(1);
  });

  it("explains itself against the user's own history", async () => {
    const rows = await homeUser();
    const { newAlerts } = await capture(
      [...rows, row('2025-04-21T03:12:00+09:00', '36.110.14.22')],
      '2025-04-21T08:00:00+09:00',
    );
    const a = newAlerts[0]!;
    expect(alertTitle(a)).toBe('海外（中国）からのログイン');
    const e = renderExplanation(a.reasons[0]!.explanation);
    expect(e.compared).toBe('過去20回のログイン：日本、1つのネットワーク、macOS の Chrome');
    expect(e.todo.join(' ')).toContain('#9110');
    expect(alertTitle(a, 'en')).toBe('Login from abroad (China)');
  });

  it('"mine" makes the environment known: the next login from it is quiet', async () => {
    const rows = await homeUser();
    const vpn1 = row('2025-04-21T12:00:00+09:00', '45.76.99.3');
    const r1 = await capture([...rows, vpn1], '2025-04-21T20:00:00+09:00');
    // a VPS network at an hour the user never logs in, not this browser: two reasons, high
    expect(r1.newAlerts.map((a) => a.severity)).toEqual(['high']);
    await applyFeedback(db, r1.newAlerts[0]!.id, 'mine', '2025-04-21T20:05:00+09:00');
    const r2 = await capture(
      [...rows, vpn1, row('2025-04-22T12:00:00+09:00', '45.76.99.77')],
      '2025-04-22T20:00:00+09:00',
    );
    expect(r2.newAlerts).toHaveLength(0);
  });

  it('"not mine" confirms the incident at high, and the environment stays rejected', async () => {
    const rows = await homeUser();
    const vpn1 = row('2025-04-21T12:00:00+09:00', '45.76.99.3');
    const r1 = await capture([...rows, vpn1], '2025-04-21T20:00:00+09:00');
    const { incident } = await applyFeedback(db, r1.newAlerts[0]!.id, 'not-mine', '2025-04-21T20:05:00+09:00');
    expect(incident).toMatchObject({ status: 'confirmed', severity: 'high' });
    const env = (await db.environments.toArray()).find((e) => e.network.provider === 'Vultr');
    expect(env?.status).toBe('rejected');
    const r2 = await capture(
      [...rows, vpn1, row('2025-04-23T12:00:00+09:00', '45.76.99.77')],
      '2025-04-23T20:00:00+09:00',
    );
    expect(r2.newAlerts.map((a) => a.severity)).toEqual(['high']);
    expect(r2.newAlerts[0]!.reasons.find((r) => r.rule === 'not-this-browser')?.severity).toBe('high');
  });

  it('a login and the trades after it share one incident, highest severity wins', async () => {
    const rows = await homeUser();
    const held: OrderRow[] = [
      {
        at: '2025-01-10T10:00:00+09:00',
        side: 'buy',
        market: '東証',
        symbol: '7203',
        quantity: 200,
        price: 2500,
        currency: '円',
        status: 'executed',
        raw: {},
      },
    ];
    await upsertOrders(db, 'sbi', held, 'snap_o1', '2025-04-20T21:40:00+09:00');
    await runDetection(db, { newEventIds: orderEventIds('sbi', held), now: '2025-04-20T21:40:00+09:00' });
    await capture(
      [...rows, row('2025-04-22T08:58:00+09:00', '13.112.20.5', { os: 'Windows' })],
      '2025-04-22T19:00:00+09:00',
    );
    const trades: OrderRow[] = [
      ...held,
      {
        at: '2025-04-22T09:01:00+09:00',
        side: 'sell',
        market: '東証',
        symbol: '7203',
        quantity: 200,
        price: 2700,
        currency: '円',
        status: 'executed',
        raw: {},
      },
      {
        at: '2025-04-22T09:06:00+09:00',
        side: 'buy',
        market: '東証',
        symbol: '9999',
        quantity: 52000,
        price: 163,
        currency: '円',
        status: 'executed',
        raw: {},
      },
    ];
    const ids = orderEventIds('sbi', trades);
    await upsertOrders(db, 'sbi', trades, 'snap_o2', '2025-04-22T19:01:00+09:00');
    const r = await runDetection(db, { newEventIds: ids.slice(1), now: '2025-04-22T19:01:00+09:00' });
    expect(r.newAlerts.length).toBeGreaterThan(0);
    const incidents = await db.incidents.toArray();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.severity).toBe('high');
    expect(incidents[0]!.alertIds.length).toBe(await db.alerts.count());
  });

  it('a low alert does not make a network known: the same network again is still judged, in the same alert', async () => {
    const rows = await homeUser();
    // this browser on a trip: a login from Taiwan followed by a page view raises only low
    const trip = row('2025-04-21T21:00:00+09:00', '1.160.10.5');
    await recordVisit(db, 'sbi', 'https://site.sbisec.co.jp/account/home', Date.parse(trip.at) + 60_000);
    const r1 = await capture([...rows, trip], '2025-04-21T21:30:00+09:00');
    expect(r1.newAlerts.map((a) => a.severity)).toEqual(['low']);
    // the next login from the same network, not this browser: judged again, and it joins the same alert
    const second = row('2025-04-22T03:00:00+09:00', '1.160.10.77');
    const r2 = await capture([...rows, trip, second], '2025-04-22T08:00:00+09:00');
    expect(r2.newAlerts).toHaveLength(0);
    const alerts = await db.alerts.toArray();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.eventTimes).toEqual([trip.at, second.at]);
    expect(['medium', 'high']).toContain(alerts[0]!.severity);
  });

  it('answers live apart from what detection derives: a rebuild from scratch gives the same alerts and answers', async () => {
    const rows = await homeUser();
    const vpn1 = row('2025-04-21T12:00:00+09:00', '45.76.99.3');
    const r1 = await capture([...rows, vpn1], '2025-04-21T20:00:00+09:00');
    await applyFeedback(db, r1.newAlerts[0]!.id, 'not-mine', '2025-04-21T20:05:00+09:00');
    const before = (await db.alerts.toArray()).map((a) => [a.id, a.status, a.severity]).sort();
    const envBefore = (await db.environments.toArray()).map((e) => [e.id, e.status]).sort();
    expect(await db.answers.count()).toBeGreaterThan(0);
    await rebuildDetection(db, '2025-04-21T21:00:00+09:00');
    expect((await db.alerts.toArray()).map((a) => [a.id, a.status, a.severity]).sort()).toEqual(before);
    expect((await db.environments.toArray()).map((e) => [e.id, e.status]).sort()).toEqual(envBefore);
  });

  it('a pass after a capture reads the orders from its checkpoint on, and judges them as full passes do', async () => {
    const buy = (at: string, symbol: string, quantity: number, price: number): OrderRow => ({
      at,
      side: 'buy',
      market: '東証',
      symbol,
      quantity,
      price,
      currency: '円',
      status: 'executed',
      raw: {},
    });
    const sells: OrderRow[] = [
      { ...buy('2025-05-27T02:15:00+09:00', '7203', 1000, 2600), side: 'sell', status: 'open' },
      { ...buy('2025-05-27T02:16:00+09:00', '9432', 2000, 140), side: 'sell', status: 'open' },
    ];
    const now = '2025-05-27T02:20:00+09:00';
    /** The same captures, each followed by a pass from the checkpoint, or by a full pass. */
    const story = async (full: boolean) => {
      const rows = await homeUser();
      const judge = (newEventIds: string[], at: string) => runDetection(db, { newEventIds, now: at, full });
      // bought in January: the holdings the takeover sells exist only in these old orders
      const held = [
        buy('2025-01-10T10:00:00+09:00', '7203', 1000, 2500),
        buy('2025-01-14T10:00:00+09:00', '9432', 2000, 150),
      ];
      await upsertOrders(db, 'sbi', held, 'snap_o1', '2025-04-20T21:40:00+09:00');
      await judge(orderEventIds('sbi', held), '2025-04-20T21:40:00+09:00');
      // five weeks of evenings at home, each captured and judged: the checkpoint moves past January
      const evening = async (login: LoginRow, at: string) => {
        rows.push(login);
        const r = await upsertLogins(db, 'sbi', rows, `snap_${at}`, at);
        await judge(r.addedIds, at);
      };
      for (let d = 1; d <= 25; d++) {
        const at = `2025-05-${String(d).padStart(2, '0')}T21:0${d % 10}:00+09:00`;
        await recordVisit(db, 'sbi', 'https://site.sbisec.co.jp/account/home', Date.parse(at) + 60_000);
        await evening(row(at, `60.112.${d % 9}.${d}`), `2025-05-${String(d).padStart(2, '0')}T21:30:00+09:00`);
      }
      // the takeover: a login from a cloud network at night, both holdings sold; the second sale is seen
      // first (the order inquiry), the first one only on a later page, after a pass
      await evening(row('2025-05-27T02:10:00+09:00', '13.112.20.5', { os: 'Windows' }), '2025-05-27T02:12:00+09:00');
      await upsertOrders(db, 'sbi', [sells[1]!], 'snap_o2', '2025-05-27T02:18:00+09:00');
      await judge(orderEventIds('sbi', [sells[1]!]), '2025-05-27T02:18:00+09:00');
      await upsertOrders(db, 'sbi', sells, 'snap_o3', now);
      const state = await kvGet<DetectState | undefined>(db, 'detect-state:sbi', undefined);
      const input = await loadDetectionInput(db, 'sbi', { now, from: Date.parse(sells[0]!.at) });
      await judge(orderEventIds('sbi', sells), now);
      const alerts = (await db.alerts.toArray())
        .map((a) => [a.id, a.severity, a.eventIds, a.reasons.map((r) => r.rule)])
        .sort();
      db.close();
      await db.delete();
      return { state, input, alerts };
    };
    const full = await story(true);
    const fromCheckpoints = await story(false);
    // the checkpoint folded January's holdings; the pass reads only the orders since its cut, the late one too
    expect(fromCheckpoints.state?.orders?.from! > '2025-01-15').toBe(true);
    expect(fromCheckpoints.state?.orders?.profile.positions.map((p) => p.quantity)).toEqual([1000, 2000]);
    expect(fromCheckpoints.input.orders.map((o) => o.at)).toEqual(sells.map((o) => o.at));
    // selling what the January orders bought is most of the account: only the checkpoint knows it
    expect(
      fromCheckpoints.alerts.some(([, sev, , rules]) => sev === 'high' && (rules as string[]).includes('liquidation')),
    ).toBe(true);
    expect(fromCheckpoints.alerts).toEqual(full.alerts);
    db = new KabuGuardDB(`engine-test-${++seq}`);
  });

  it('a long run of failures is judged alike by passes from checkpoints and by a full pass', async () => {
    const rows = await homeUser();
    // a password tried every other night for six weeks from networks abroad, captured and judged day by day
    const nets = ['36.110.14.', '113.87.80.', '1.36.200.', '58.176.40.'];
    for (let d = 0; d < 42; d++) {
      const day = new Date(Date.parse('2025-04-21T00:00:00+09:00') + d * 86_400_000);
      const date = new Date(day.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
      if (d % 2 === 0)
        rows.push(row(`${date}T03:1${d % 10}:00+09:00`, `${nets[(d / 2) % 4]}${d + 1}`, { result: 'failure' }));
      rows.push(row(`${date}T21:0${d % 10}:00+09:00`, `60.112.${d % 9}.${(d % 20) + 1}`));
      await recordVisit(
        db,
        'sbi',
        'https://site.sbisec.co.jp/account/home',
        Date.parse(`${date}T21:0${d % 10}:00+09:00`) + 60_000,
      );
      await capture(rows, `${date}T21:30:00+09:00`);
    }
    const alerts = async () =>
      (await db.alerts.toArray()).map((a) => [a.id, a.severity, a.eventIds, a.reasons.map((r) => r.rule)]).sort();
    const judged = await alerts();
    expect(judged.some(([, , , rules]) => (rules as string[]).includes('slow-spray'))).toBe(true);
    await rebuildDetection(db, '2025-06-01T21:30:00+09:00');
    expect(await alerts()).toEqual(judged);
  });

  it('an answer about a whole environment covers every login from it, before and after', async () => {
    const rows = await homeUser();
    const a1 = row('2025-04-21T03:10:00+09:00', '13.112.20.5');
    const a2 = row('2025-04-22T03:20:00+09:00', '13.112.20.99');
    await capture([...rows, a1, a2], '2025-04-22T08:00:00+09:00');
    const login = (await allLogins(db)).find((e) => e.at === a1.at)!;
    const env = (await db.environments.toArray()).find((e) => e.network.provider === 'Amazon Web Services')!;
    await answerEnvironment(db, env.id, 'not-mine', 'environments', '2025-04-22T08:10:00+09:00');
    expect((await db.environments.get(env.id))?.status).toBe('rejected');
    const c = await loadCase(db);
    expect(c.notMine.filter((e) => e.kind === 'login').map((e) => e.at)).toEqual([a1.at, a2.at]);
    expect(c.environments.notMine).toEqual([env.id]);
    expect(login).toBeDefined();
    // the alerts read the case: about nothing but that environment's logins, they are answered by it
    const about = (await db.alerts.toArray()).filter((a) => a.eventTimes.some((t) => t === a1.at || t === a2.at));
    expect(about.length).toBeGreaterThan(0);
    expect(about.every((a) => a.status === 'not-mine')).toBe(true);
  });
});
