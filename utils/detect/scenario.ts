// Scenario files (format `scenario/1`, /work/shared/scenarios/FORMAT.md):
// an account history replayed into a fresh store through the same code the
// extension runs (recordVisit, upsertLogins, upsertOrders, runDetection,
// applyFeedback), then checked against what a good detector must raise and
// the noise it must not make. Used by cli/eval.ts and tests/meta/scenarios.test.ts.

import { z } from 'zod';
import { brokerById } from '../brokers';
import { currencyCode, marketRegion } from '../brokers/shared/markets';
import type { BrokerId, LoginRow, OrderRow } from '../brokers/types';
import { ZERO_HASH } from '../crypto';
import { BrokerIdSchema, IsoWithOffset, type Snapshot } from '../records';
import { SEVERITIES, severityRank, type Alert, type Severity } from '../records/alert';
import { KabuGuardDB } from '../store/db';
import { loginEventIds, upsertLogins } from '../store/logins';
import { orderEventIds, upsertOrders } from '../store/orders';
import { recordVisit } from '../store/visits';
import { applyFeedback, runDetection } from './engine';
import { alertTitle } from './explain';

const SeverityEnum = z.enum(SEVERITIES);

const LoginRowSchema = z.object({
  at: IsoWithOffset,
  result: z.enum(['success', 'failure']).optional(),
  channel: z.string().optional(),
  ip: z.string().optional(),
  os: z.string().optional(),
  browser: z.string().optional(),
  device: z.string().optional(),
  userAgent: z.string().optional(),
  location: z.string().optional(),
});

const OrderRowSchema = z.object({
  at: IsoWithOffset,
  side: z.enum(['buy', 'sell']),
  market: z.string().optional(),
  symbol: z.string().optional(),
  name: z.string().optional(),
  quantity: z.number().optional(),
  price: z.number().optional(),
  currency: z.string().optional(),
  account: z.string().optional(),
  status: z.enum(['executed', 'open', 'cancelled']).optional(),
});

const StepSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('visit'), at: IsoWithOffset }),
  z.object({ type: z.literal('logins'), at: IsoWithOffset, rows: z.array(LoginRowSchema) }),
  z.object({ type: z.literal('orders'), at: IsoWithOffset, rows: z.array(OrderRowSchema) }),
  z.object({
    type: z.literal('feedback'),
    at: IsoWithOffset,
    event: IsoWithOffset,
    verdict: z.enum(['mine', 'not-mine']),
  }),
]);

export const ScenarioSchema = z.object({
  format: z.literal('scenario/1'),
  id: z.string().min(1),
  kind: z.enum(['attack', 'benign']),
  title: z.string(),
  broker: BrokerIdSchema,
  steps: z.array(StepSchema),
  expect: z.object({
    alerts: z.array(z.object({ event: IsoWithOffset, minSeverity: SeverityEnum })),
    otherwiseAtMost: SeverityEnum,
    maxAlerts: z.number().int().nonnegative().optional(),
  }),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export interface ScenarioAlert {
  severity: Severity;
  kind: Alert['kind'];
  title: string;
  events: string[];
  rules: string[];
}

export interface ScenarioOutcome {
  id: string;
  passed: boolean;
  problems: string[];
  alerts: ScenarioAlert[];
}

let dbSeq = 0;

function snapshotFor(
  broker: BrokerId,
  i: number,
  at: string,
  pageKind: Snapshot['pageKind'],
  records: number,
): Snapshot {
  return {
    v: 1,
    id: `scenario_step_${i}`,
    broker,
    pageKind,
    url: `https://${brokerById(broker)!.hosts[0]}/`,
    capturedAt: at,
    how: 'visit',
    charset: 'utf-8',
    storedEncoding: 'utf-8',
    mediaType: 'text/html',
    sha256: ZERO_HASH,
    size: 0,
    redactions: [],
    parse: { status: 'ok', parserVersion: 'scenario', warnings: [], records, at },
  };
}

/** Replays a scenario into a fresh database and returns the alerts it ends with. */
export async function replayScenario(s: Scenario): Promise<Alert[]> {
  const db = new KabuGuardDB(`kabu-guard-scenario-${s.id}-${++dbSeq}`);
  const broker = s.broker as BrokerId;
  const url = `https://${brokerById(broker)!.hosts[0]}/`;
  try {
    for (const [i, step] of s.steps.entries()) {
      if (step.type === 'visit') {
        await recordVisit(db, broker, url, Date.parse(step.at));
      } else if (step.type === 'logins') {
        const rows: LoginRow[] = step.rows.map((r) => ({ ...r, result: r.result ?? 'success', raw: {} }));
        const ids = loginEventIds(broker, rows);
        const existing = await db.logins.bulkGet(ids);
        await db.snapshots.put(snapshotFor(broker, i, step.at, 'login-history', rows.length));
        await upsertLogins(db, broker, rows, `scenario_step_${i}`, step.at);
        await runDetection(db, { newEventIds: ids.filter((_, j) => !existing[j]), now: step.at });
      } else if (step.type === 'orders') {
        // what the adapters' readers fill in (utils/brokers/shared/markets.ts)
        const rows: OrderRow[] = step.rows.map((r) => {
          const row: OrderRow = { ...r, status: r.status ?? 'executed', raw: {} };
          row.marketRegion = marketRegion({ market: r.market, currency: r.currency, symbol: r.symbol });
          const ccy = currencyCode(r.currency);
          if (ccy) row.currencyCode = ccy;
          return row;
        });
        const ids = orderEventIds(broker, rows);
        const existing = await db.orders.bulkGet(ids);
        await db.snapshots.put(snapshotFor(broker, i, step.at, 'executions', rows.length));
        await upsertOrders(db, broker, rows, `scenario_step_${i}`, step.at);
        await runDetection(db, { newEventIds: ids.filter((_, j) => !existing[j]), now: step.at });
      } else {
        const target = Date.parse(step.event);
        const about = (await db.alerts.toArray()).filter((a) => a.eventTimes.some((t) => Date.parse(t) === target));
        for (const a of about) await applyFeedback(db, a.id, step.verdict, step.at);
      }
    }
    return (await db.alerts.toArray()).sort(
      (a, b) => a.eventTimes[0]!.localeCompare(b.eventTimes[0]!) || a.id.localeCompare(b.id),
    );
  } finally {
    db.close();
    await db.delete();
  }
}

/** FORMAT.md's checks: expected alerts met, everything else at most `otherwiseAtMost`, at most `maxAlerts` of medium+. */
export function checkScenario(s: Scenario, alerts: Alert[]): string[] {
  const problems: string[] = [];
  const matched = new Set<string>();
  for (const exp of s.expect.alerts) {
    const t = Date.parse(exp.event);
    const hits = alerts.filter(
      (a) => severityRank(a.severity) >= severityRank(exp.minSeverity) && a.eventTimes.some((e) => Date.parse(e) === t),
    );
    if (!hits.length) {
      const weaker = alerts.filter((a) => a.eventTimes.some((e) => Date.parse(e) === t)).map((a) => a.severity);
      problems.push(
        `missed ${exp.event} (need ${exp.minSeverity}${weaker.length ? `, got ${weaker.join('/')}` : ', no alert'})`,
      );
    }
    for (const h of hits) matched.add(h.id);
  }
  for (const a of alerts) {
    if (!matched.has(a.id) && severityRank(a.severity) > severityRank(s.expect.otherwiseAtMost)) {
      problems.push(`unexpected ${a.severity} ${a.reasons.map((r) => r.rule).join('+')} about ${a.eventTimes[0]}`);
    }
  }
  if (s.expect.maxAlerts !== undefined) {
    const n = alerts.filter((a) => severityRank(a.severity) >= severityRank('medium')).length;
    if (n > s.expect.maxAlerts) problems.push(`${n} alerts of medium or more (at most ${s.expect.maxAlerts})`);
  }
  return problems;
}

export async function evaluateScenario(s: Scenario): Promise<ScenarioOutcome> {
  const alerts = await replayScenario(s);
  const problems = checkScenario(s, alerts);
  return {
    id: s.id,
    passed: problems.length === 0,
    problems,
    alerts: alerts.map((a) => ({
      severity: a.severity,
      kind: a.kind,
      title: alertTitle(a, 'ja'),
      events: a.eventTimes,
      rules: a.reasons.map((r) => r.rule),
    })),
  };
}
