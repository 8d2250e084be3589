// Scenario files (formats `scenario/1` and `scenario/2`, /work/shared/scenarios/FORMAT.md):
// an account history replayed into a fresh store through the same code the
// extension runs (recordVisit, the record stores, runDetection, applyFeedback,
// answerEnvironment, the case), then checked against what a good detector must
// raise, the noise it must not make, and the case it must build. Used by
// cli/eval.ts and tests/meta/scenarios.test.ts.

import { z } from 'zod';
import { brokerById } from '../brokers';
import { accountChangeKind } from '../brokers/shared/account-changes';
import { currencyCode, marketRegion } from '../brokers/shared/markets';
import type { AccountEventRow, BrokerId, LoginRow, OrderRow } from '../brokers/types';
import type { Case, CaseEvent } from '../case/case';
import { loadCase } from '../case/load';
import { ZERO_HASH } from '../crypto';
import { BrokerIdSchema, IsoWithOffset, type Snapshot } from '../records';
import { SEVERITIES, severityRank, type Alert, type Severity } from '../records/alert';
import { upsertAccountEvents } from '../store/account-events';
import { KabuGuardDB } from '../store/db';
import { markInstalled } from '../store/install';
import { loginsOf, upsertLogins } from '../store/logins';
import { upsertOrders } from '../store/orders';
import { recordVisit } from '../store/visits';
import { answerEnvironment, applyFeedback, installedAt, runDetection } from './engine';
import { alertTitle } from './explain';
import { loginFacts } from './facts';

const SeverityEnum = z.enum(SEVERITIES);
/** A time with its offset, or a date alone where the page shows only the date (取引履歴, CSV). */
const IsoOrDate = z.union([IsoWithOffset, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')]);

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
  at: IsoOrDate,
  orderedAt: IsoWithOffset.optional(),
  side: z.enum(['buy', 'sell']),
  market: z.string().optional(),
  symbol: z.string().optional(),
  name: z.string().optional(),
  quantity: z.number().optional(),
  price: z.number().optional(),
  currency: z.string().optional(),
  account: z.string().optional(),
  status: z.enum(['executed', 'open', 'cancelled']).optional(),
  fees: z.number().optional(),
  amount: z.number().optional(),
  orderNumber: z.string().optional(),
});

const AccountChangeRowSchema = z.object({
  at: IsoOrDate,
  item: z.string().min(1),
  detail: z.string().optional(),
  channel: z.string().optional(),
  status: z.string().optional(),
});

const StepSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('visit'), at: IsoWithOffset }),
  z.object({ type: z.literal('logins'), at: IsoWithOffset, rows: z.array(LoginRowSchema) }),
  z.object({ type: z.literal('orders'), at: IsoWithOffset, rows: z.array(OrderRowSchema) }),
  z.object({ type: z.literal('account-changes'), at: IsoWithOffset, rows: z.array(AccountChangeRowSchema) }),
  z
    .object({
      type: z.literal('feedback'),
      at: IsoWithOffset,
      /** About the alerts that list this event (version 1). */
      event: IsoWithOffset.optional(),
      /** About the environment of this login as a whole (version 2). */
      environmentOf: IsoWithOffset.optional(),
      verdict: z.enum(['mine', 'not-mine']),
    })
    .refine((f) => !!f.event !== !!f.environmentOf, 'a feedback step names an event or an environment'),
]);
type Step = z.infer<typeof StepSchema>;

export const ScenarioSchema = z.object({
  format: z.enum(['scenario/1', 'scenario/2']),
  id: z.string().min(1),
  kind: z.enum(['attack', 'benign']),
  title: z.string(),
  broker: BrokerIdSchema,
  installedAt: IsoWithOffset.optional(),
  homeCountry: z.string().optional(),
  steps: z.array(StepSchema),
  expect: z.object({
    alerts: z.array(z.object({ event: IsoOrDate, minSeverity: SeverityEnum })),
    otherwiseAtMost: SeverityEnum,
    maxAlerts: z.number().int().nonnegative().optional(),
    case: z.object({ notMine: z.array(IsoOrDate).optional(), mine: z.array(IsoOrDate).optional() }).optional(),
  }),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export interface ScenarioAlert {
  severity: Severity;
  kind: Alert['kind'];
  title: string;
  events: string[];
  rules: string[];
  /** When the alert was raised (the pass's time). */
  createdAt: string;
}

export interface ScenarioCase {
  notMine: string[];
  suspect: string[];
}

export interface ScenarioOutcome {
  id: string;
  kind: Scenario['kind'];
  passed: boolean;
  problems: string[];
  alerts: ScenarioAlert[];
  case: ScenarioCase;
  /** The span the scenario covers (installation or first step to last step), for noise per user-month. */
  from: string;
  to: string;
}

export interface ReplayOptions {
  /**
   * Deliver every capture twice, in an order shuffled within its JST day: a
   * copy may be delivered later than it was taken (after other captures,
   * visits and the next day's first steps never), never before, and all that
   * was taken is delivered before the user's next answer (the user answers an
   * alert they saw). The seed makes a run repeatable.
   */
  shuffleSeed?: number;
}

let dbSeq = 0;

function snapshotFor(
  broker: BrokerId,
  id: string,
  at: string,
  pageKind: Snapshot['pageKind'],
  records: number,
): Snapshot {
  return {
    v: 1,
    id,
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

/** `2025-03-31` → midnight JST with dateOnly (as the readers store a date alone). */
function when(at: string): { at: string; dateOnly?: true } {
  return at.length === 10 ? { at: `${at}T00:00:00+09:00`, dateOnly: true } : { at };
}

/** What the adapters' readers fill in for an order row (utils/brokers/shared/orders.ts). */
export function scenarioOrderRow(r: z.infer<typeof OrderRowSchema>): OrderRow {
  const row: OrderRow = { ...r, ...when(r.at), status: r.status ?? 'executed', raw: {} };
  row.marketRegion = marketRegion({ market: r.market, currency: r.currency, symbol: r.symbol });
  const ccy = currencyCode(r.currency);
  if (ccy) row.currencyCode = ccy;
  return row;
}

export function scenarioAccountRow(r: z.infer<typeof AccountChangeRowSchema>): AccountEventRow {
  return { ...r, ...when(r.at), kind: accountChangeKind(r.item), raw: {} };
}

/** Mulberry32: a small seeded generator, so a shuffled run can be repeated. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const jstDay = (iso: string) => new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 10);
const isCapture = (s: Step) => s.type === 'logins' || s.type === 'orders' || s.type === 'account-changes';

/** The order in which steps are delivered (see ReplayOptions.shuffleSeed). */
export function deliveryOrder(steps: Step[], seed: number | undefined): Array<{ step: Step; index: number }> {
  const indexed = steps.map((step, index) => ({ step, index }));
  if (seed === undefined) return indexed;
  const random = rng(seed);
  const out: Array<{ step: Step; index: number }> = [];
  let pool: Array<{ step: Step; index: number }> = [];
  const release = (all: boolean) => {
    const keep: typeof pool = [];
    for (const item of pool) (all || random() < 0.5 ? out : keep).push(item);
    pool = keep;
  };
  const shuffled = (items: typeof pool) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  let day = '';
  for (const item of indexed) {
    const d = jstDay(item.step.at);
    if (d !== day || item.step.type === 'feedback') {
      pool = shuffled(pool);
      release(true);
      day = d;
    }
    if (isCapture(item.step)) {
      pool.push(item, { ...item });
      pool = shuffled(pool);
      release(false);
    } else out.push(item);
  }
  pool = shuffled(pool);
  release(true);
  return out;
}

export interface Replayed {
  alerts: Alert[];
  case: Case;
  /** Times of the case's events, for checks and the JSON output. */
  caseTimes: ScenarioCase;
}

/** Replays a scenario into a fresh database and returns the alerts and the case it ends with. */
export async function replayScenario(s: Scenario, opts: ReplayOptions = {}): Promise<Replayed> {
  const db = new KabuGuardDB(`kabu-guard-scenario-${s.id}-${++dbSeq}`);
  const broker = s.broker as BrokerId;
  const url = `https://${brokerById(broker)!.hosts[0]}/`;
  try {
    await markInstalled(db, s.installedAt ?? s.steps[0]?.at ?? new Date().toISOString());
    let n = 0;
    for (const { step, index } of deliveryOrder(s.steps, opts.shuffleSeed)) {
      const snap = `scenario_step_${index}_${++n}`;
      if (step.type === 'visit') {
        await recordVisit(db, broker, url, Date.parse(step.at));
      } else if (step.type === 'logins') {
        const rows: LoginRow[] = step.rows.map((r) => ({ ...r, result: r.result ?? 'success', raw: {} }));
        await db.snapshots.put(snapshotFor(broker, snap, step.at, 'login-history', rows.length));
        const r = await upsertLogins(db, broker, rows, snap, step.at);
        const loginsFrom = r.addedFrom ? { [broker]: r.addedFrom } : {};
        await runDetection(db, { newEventIds: r.addedIds, loginsFrom, now: step.at });
      } else if (step.type === 'orders') {
        const rows = step.rows.map(scenarioOrderRow);
        await db.snapshots.put(snapshotFor(broker, snap, step.at, 'executions', rows.length));
        const r = await upsertOrders(db, broker, rows, snap, step.at);
        await runDetection(db, { newEventIds: [...r.addedIds, ...r.changedIds], now: step.at });
      } else if (step.type === 'account-changes') {
        const rows = step.rows.map(scenarioAccountRow);
        await db.snapshots.put(snapshotFor(broker, snap, step.at, 'account-changes', rows.length));
        const r = await upsertAccountEvents(db, broker, rows, snap, step.at);
        await runDetection(db, { newEventIds: r.addedIds, now: step.at });
      } else if (step.environmentOf) {
        const target = Date.parse(step.environmentOf);
        const day1 = await installedAt(db);
        const login = (await loginsOf(db, broker)).find((e) => e.result === 'success' && Date.parse(e.at) === target);
        if (login) {
          const envId = loginFacts(login, day1 ? Date.parse(day1) : undefined).envId;
          await answerEnvironment(db, envId, step.verdict, 'review', step.at);
        }
      } else if (step.event) {
        const target = Date.parse(step.event);
        const about = (await db.alerts.toArray()).filter((a) => a.eventTimes.some((t) => Date.parse(t) === target));
        for (const a of about) await applyFeedback(db, a.id, step.verdict, step.at);
      }
    }
    const alerts = (await db.alerts.toArray()).sort(
      (a, b) => a.eventTimes[0]!.localeCompare(b.eventTimes[0]!) || a.id.localeCompare(b.id),
    );
    // the case as the evidence report builds it (utils/evidence/collect.ts)
    const c = await loadCase(db);
    const times = (list: CaseEvent[]) => list.map((e) => (e.dateOnly ? e.at.slice(0, 10) : e.at));
    return { alerts, case: c, caseTimes: { notMine: times(c.notMine), suspect: times(c.suspect) } };
  } finally {
    db.close();
    await db.delete();
  }
}

/** An expected event: a time matches that instant; a date alone matches any event of that JST day. */
function matches(expected: string, eventTime: string): boolean {
  if (expected.length === 10) return jstDay(eventTime) === expected;
  return Date.parse(expected) === Date.parse(eventTime);
}

/**
 * FORMAT.md's checks: expected alerts met, everything else at most
 * `otherwiseAtMost`, at most `maxAlerts` of medium+, and the case: every
 * `notMine` event in the case (as not mine or a suspect), no `mine` event in it.
 */
export function checkScenario(s: Scenario, alerts: Alert[], c?: Case): string[] {
  const problems: string[] = [];
  const matched = new Set<string>();
  for (const exp of s.expect.alerts) {
    const hits = alerts.filter(
      (a) =>
        severityRank(a.severity) >= severityRank(exp.minSeverity) && a.eventTimes.some((e) => matches(exp.event, e)),
    );
    if (!hits.length) {
      const weaker = alerts.filter((a) => a.eventTimes.some((e) => matches(exp.event, e))).map((a) => a.severity);
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
  if (s.expect.case && c) {
    const flagged = [...c.notMine, ...c.suspect];
    for (const e of s.expect.case.notMine ?? [])
      if (!flagged.some((x) => matches(e, x.at))) problems.push(`case: ${e} is not in the case`);
    for (const e of s.expect.case.mine ?? [])
      if (flagged.some((x) => matches(e, x.at))) problems.push(`case: ${e} is in the case but is the user's`);
  }
  return problems;
}

export function scenarioSpan(s: Scenario): { from: string; to: string } {
  const times = s.steps.map((x) => Date.parse(x.at));
  const from = Math.min(s.installedAt ? Date.parse(s.installedAt) : Infinity, ...times);
  return { from: new Date(from).toISOString(), to: new Date(Math.max(...times)).toISOString() };
}

export async function evaluateScenario(s: Scenario, opts: ReplayOptions = {}): Promise<ScenarioOutcome> {
  const r = await replayScenario(s, opts);
  const problems = checkScenario(s, r.alerts, r.case);
  return {
    id: s.id,
    kind: s.kind,
    passed: problems.length === 0,
    problems,
    alerts: r.alerts.map((a) => ({
      severity: a.severity,
      kind: a.kind,
      title: alertTitle(a, 'ja'),
      events: a.eventTimes,
      rules: a.reasons.map((x) => x.rule),
      createdAt: a.createdAt,
    })),
    case: r.caseTimes,
    ...scenarioSpan(s),
  };
}
