// One incident, one card, one notification, one answer (issue 10), over the
// staged attack (utils/evidence/fixtures/staged-attack-rakuten.json): a China
// login at 10:17:55 and a Hong Kong login at 10:18:05, five holdings sold
// (トヨタ from 特定 and NISA apart: five sales) and two small caps bought. The
// fixture's own answers are left out here: the user answers on the card.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCase } from '../case/load';
import { parseHtml } from '../dom/parse-html';
import { caseOf } from '../evidence/case';
import { collectEvidence } from '../evidence/collect';
import { damageStatement } from '../evidence/damage';
import { ingestInputs } from '../evidence/inputs';
import { scenarioLoginRow, scenarioOrderRow } from '../evidence/inputs';
import type { Alert } from '../records/alert';
import { KabuGuardDB } from '../store/db';
import { upsertLogins } from '../store/logins';
import { upsertOrders } from '../store/orders';
import { recordVisit } from '../store/visits';
import { afterCapture, type AlertEffects } from './after-capture';
import { answerEvents, answerIncident, loadAlerts } from './inbox';
import { incidentViews } from './incident-view';
import type { IncidentNotificationPlan } from './notify-policy';

type Step = { type: string; at: string; rows?: Record<string, unknown>[] };
const FIXTURE = JSON.parse(
  readFileSync(join(__dirname, '..', 'evidence', 'fixtures', 'staged-attack-rakuten.json'), 'utf8'),
) as { steps: Step[] } & Record<string, unknown>;
const steps = FIXTURE.steps.filter((s) => s.type !== 'feedback');
const attackAt = steps.findIndex((s, i) => i > 0 && s.type === 'visit');

/** The history before the attack, as a scenario file; the attack's captures, as the background receives them. */
async function stage(
  db: KabuGuardDB,
): Promise<Array<{ notified: IncidentNotificationPlan; title: string; message: string }>> {
  const history = { ...FIXTURE, steps: steps.slice(0, attackAt) };
  const bytes = new TextEncoder().encode(JSON.stringify(history));
  await ingestInputs(db, [{ name: 'history.json', bytes }], {}, parseHtml);
  const shown: Array<{ notified: IncidentNotificationPlan; title: string; message: string }> = [];
  const effects: AlertEffects = {
    notify: async (plan, text) => void shown.push({ notified: plan, ...text }),
    setBadge: async () => undefined,
    captureNow: async () => undefined,
  };
  for (const step of steps.slice(attackAt)) {
    const now = Date.parse(step.at);
    if (step.type === 'visit') await recordVisit(db, 'rakuten', 'https://member.rakuten-sec.co.jp/', now);
    else if (step.type === 'logins') {
      const r = await upsertLogins(db, 'rakuten', step.rows!.map(scenarioLoginRow), 'snap-logins', step.at);
      await afterCapture(db, r.addedIds, effects, 'ja', now);
    } else if (step.type === 'orders') {
      const r = await upsertOrders(db, 'rakuten', step.rows!.map(scenarioOrderRow), 'snap-orders', step.at);
      await afterCapture(db, [...r.addedIds, ...r.changedIds], effects, 'ja', now);
    }
  }
  return shown;
}

describe('the staged attack as one incident', () => {
  let db: KabuGuardDB;
  let shown: Awaited<ReturnType<typeof stage>>;
  beforeEach(async () => {
    db = new KabuGuardDB(`incident-${Math.random()}`);
    shown = await stage(db);
  });

  it('is one notification, shown under the incident id and replaced as the incident grows', async () => {
    const alerts = (await db.alerts.toArray()).filter((a) => a.severity === 'high' || a.severity === 'medium');
    const incidents = new Set(alerts.map((a) => a.incidentId));
    expect(incidents.size).toBe(1);
    expect(alerts.length).toBeGreaterThanOrEqual(3);
    // the logins' capture notifies, the orders' capture updates the same one
    expect(shown.length).toBe(2);
    expect(new Set(shown.map((s) => s.notified.incidentId))).toEqual(incidents);
    const covered = new Set(shown.flatMap((s) => s.notified.alerts.map((a) => a.id)));
    expect([...covered].sort()).toEqual(alerts.map((a) => a.id).sort());
    // the second tells the whole incident: how many alerts and of which kinds
    expect(shown[1]!.message).toContain(`同じ出来事の警告が ${alerts.length} 件（ログイン、注文）`);
  });

  it('is one card: the story, the table of its logins and orders, one answer waiting, urgent', async () => {
    const views = await incidentViews(db, await loadAlerts(db), 'ja');
    expect(views).toHaveLength(1);
    const v = views[0]!;
    expect(v.urgent).toBe(true);
    expect(v.answer).toBe('open');
    expect(v.story).toMatch(/^2025\/11\/29 10:17:55〜10:20:30、中国、香港から 2 回ログインされ、保有 5 銘柄が売却され/);
    expect(v.rows.map((r) => [r.when, r.kind, r.standing])).toEqual([
      ['11/29 10:17:55', 'login', 'suspect'],
      ['11/29 10:18:05', 'login', 'suspect'],
      ...['10:18:20', '10:18:40', '10:19:00', '10:19:20', '10:19:40', '10:20:00', '10:20:30'].map((t) => [
        `11/29 ${t}`,
        'order',
        'suspect',
      ]),
    ]);
    expect(v.rows.find((r) => r.when === '11/29 10:18:40')!.what).toBe('売却 7203 トヨタ自動車 100株 NISA成長投資枠');
    expect(v.rows.find((r) => r.when === '11/29 10:18:40')!.amount).toBe('285,000 円');
  });

  it('takes one answer for the whole incident, and one row told otherwise, in the answers the case reads', async () => {
    const [v] = await incidentViews(db, await loadAlerts(db), 'ja');
    await answerIncident(db, v!.incident.id, 'not-mine');
    const alerts = (await db.alerts.bulkGet(v!.alerts.map((a) => a.id))) as Alert[];
    expect(alerts.map((a) => a.status)).toEqual(alerts.map(() => 'not-mine'));
    expect((await db.incidents.get(v!.incident.id))!.status).toBe('confirmed');
    const rowIds = v!.rows.flatMap((r) => r.ids);
    let c = await loadCase(db);
    expect(rowIds.every((id) => c.notMine.some((e) => e.id === id))).toBe(true);
    // one answer stored per alert (and per environment), not one per card and row
    const answers = await db.answers.toArray();
    expect(answers.filter((a) => a.scope === 'events')).toHaveLength(alerts.length);

    // 「これは自分です」 on the NTT sale: the case, the card and the report all drop it from the case
    const ntt = v!.rows.find((r) => r.what.includes('日本電信電話'))!;
    await answerEvents(
      db,
      'rakuten',
      ntt.ids.map((id) => ({ id, at: ntt.at })),
      'mine',
    );
    c = await loadCase(db);
    expect(ntt.ids.every((id) => c.mine.some((e) => e.id === id))).toBe(true);
    expect(c.notMine.some((e) => ntt.ids.includes(e.id))).toBe(false);
    const [after] = await incidentViews(db, await loadAlerts(db), 'ja');
    expect(after!.answer).toBe('not-mine');
    expect(after!.rows.find((r) => r.what.includes('日本電信電話'))!.standing).toBe('mine');
    expect(after!.rows.filter((r) => r.standing === 'not-mine')).toHaveLength(v!.rows.length - 1);
    const report = caseOf(await collectEvidence(db, { incidentId: v!.incident.id }));
    expect(report.orders.map((o) => o.trade.order.name)).not.toContain('日本電信電話');
    expect(report.orders).toHaveLength(6);

    // and back: 「自分ではない」 on the same row
    await answerEvents(
      db,
      'rakuten',
      ntt.ids.map((id) => ({ id, at: ntt.at })),
      'not-mine',
    );
    expect((await loadCase(db)).notMine.some((e) => ntt.ids.includes(e.id))).toBe(true);
  });

  it("the incident's evidence finds the lots its sales came from, bought years before its period", async () => {
    const [v] = await incidentViews(db, await loadAlerts(db), 'ja');
    const d = await collectEvidence(db, { incidentId: v!.incident.id });
    // the period is the incident's day; the purchases (2022–2024) are outside it, yet the lots are theirs
    expect(d.orders.every((o) => o.at.startsWith('2025-11-'))).toBe(true);
    const st = damageStatement({ case: caseOf(d), orders: d.lotOrders ?? d.orders, holdings: d.holdings });
    expect(st.sold.rows.map((r) => [r.trade.symbol, r.trade.account.label, r.costPrice, r.gainJpy])).toEqual([
      // 200 × 2,850 − 535 − 200 × 2,156 = 138,265; NISA 100 × (2,850 − 2,640) = 21,000
      ['7203', '特定', 2156, 138_265],
      ['7203', 'NISA成長投資枠', 2640, 21_000],
      // 1,000 × (152 − 182) = −30,000; 100 × 3,310 − 275 − 100 × 2,032 = 127,525; 100 × (4,100 − 3,456) = 64,400
      ['9432', '特定', 182, -30_000],
      ['8058', '一般', 2032, 127_525],
      ['2914', 'NISA成長投資枠', 3456, 64_400],
    ]);
  });

  it('"all of it was me" resolves the incident: no urgent card', async () => {
    const [v] = await incidentViews(db, await loadAlerts(db), 'ja');
    await answerIncident(db, v!.incident.id, 'mine');
    expect((await db.incidents.get(v!.incident.id))!.status).toBe('resolved');
    const views = await incidentViews(db, await loadAlerts(db), 'ja');
    expect(views.filter((x) => x.urgent)).toEqual([]);
  });
});
