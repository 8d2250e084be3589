// The detection engine as the background calls it after each capture:
//   runDetection(db, { newEventIds, now }) → new and raised alerts, incidents.
// Per broker it loads the checkpoint (environments folded up to a watermark)
// and what lies after it, runs the pure pass (detect.ts) and stores alerts,
// incidents, environments and the next checkpoint. Rows older than the
// watermark (the first capture, an older page, a CSV of past years, an
// answer) make it a full pass from the beginning. The user's answers live
// apart (store/answers.ts) and are applied on every pass. No browser APIs:
// Node (cli/eval.ts) and the extension run the same code.

import { CHECKS } from '../brokers/checks';
import { toJstIso } from '../brokers/shared/dates';
import type { AccountEvent, LoginEvent, LoginObservation, OrderEvent } from '../records';
import type { BrokerId } from '../brokers/types';
import { maxSeverity, type Alert, type Severity } from '../records/alert';
import type { Environment } from '../records/environment';
import type { Incident } from '../records/incident';
import { alertsForEvents, getAlerts, putAlerts } from '../store/alerts';
import { addAnswer, answersOf, type NewAnswer } from '../store/answers';
import type { KabuGuardDB } from '../store/db';
import { environmentsOf, putEnvironments } from '../store/environments';
import { putIncidents, recentIncidents } from '../store/incidents';
import { storedInstalledAt } from '../store/install';
import { kvGet, kvSet } from '../store/kv';
import { brokerOfLoginId, loginBrokers, loginsAt, loginsBetween, newestLogins } from '../store/logins';
import { alertId, assignIncidents, toAlerts } from './alerts';
import { indexAnswers } from './answers';
import { CONTEXT_MS, DAY_MS, detect, EMPTY_STATE, type DetectionInput, type DetectState } from './detect';
import { loginFacts } from './facts';
import { toMs } from './sessions';

export interface DetectionRun {
  /** Alerts raised for the first time by this pass. */
  newAlerts: Alert[];
  /** Stored alerts that gained events, reasons or severity. */
  updatedAlerts: Alert[];
  /** Incidents created or changed. */
  incidents: Incident[];
  /** Brokers whose login history should be read at once (a previous-login banner nothing explains). */
  needsLoginHistory: BrokerId[];
}

const EMPTY: DetectionRun = { newAlerts: [], updatedAlerts: [], incidents: [], needsLoginHistory: [] };

const stateKey = (broker: BrokerId) => `detect-state:${broker}`;

/** The install time the extension recorded, else its first Visit or capture: the extension's day one. */
export async function installedAt(db: KabuGuardDB): Promise<string | undefined> {
  const stored = await storedInstalledAt(db);
  if (stored) return stored;
  const [visit, snap] = await Promise.all([
    db.visits.orderBy('at').first(),
    db.snapshots.orderBy('capturedAt').first(),
  ]);
  const times = [visit?.at, snap?.capturedAt].filter((t): t is string => !!t).map(toMs);
  return times.length ? toJstIso(Math.min(...times)) : undefined;
}

/** Everything a pass over one broker needs, from its checkpoint on (or from the beginning). */
export async function loadDetectionInput(
  db: KabuGuardDB,
  broker: BrokerId,
  opts: { now: string; from?: number; full?: boolean },
): Promise<DetectionInput> {
  const state = await kvGet<DetectState>(db, stateKey(broker), EMPTY_STATE);
  const W = state.watermark ? toMs(state.watermark) : undefined;
  const full = opts.full || W === undefined || (opts.from !== undefined && opts.from < W);
  const base = full ? EMPTY_STATE : state;
  const lo = full ? '' : toJstIso(W! - CONTEXT_MS);
  const range = (d: number) => (full ? ['', '\uffff'] : [toJstIso(W! - CONTEXT_MS - d), '\uffff']);
  const [vlo] = range(DAY_MS);
  // from a checkpoint that folded the orders before its cut, only the orders from the cut on
  const ordersFrom = full || !state.orders ? undefined : toMs(state.orders.from);
  const [logins, visits, orders, accountEvents, observations, answers, historySnap, historyTried] = await Promise.all([
    loginsBetween(db, broker, lo, '\uffff'),
    db.visits.where('[broker+at]').between([broker, vlo], [broker, '\uffff'], true, true).toArray(),
    ordersFrom === undefined
      ? db.orders.where('broker').equals(broker).toArray()
      : db.orders
          .where('[broker+at]')
          // a day of margin: an ISO time's text orders like its instant only within one offset
          .between([broker, toJstIso(ordersFrom - DAY_MS)], [broker, '\uffff'], true, true)
          .filter((o) => toMs(o.at) >= ordersFrom)
          .toArray(),
    db.accountEvents.where('broker').equals(broker).toArray(),
    db.loginObservations.where('[broker+at]').between([broker, vlo], [broker, '\uffff'], true, true).toArray(),
    answersOf(db, broker),
    db.snapshots
      .where('[broker+pageKind+capturedAt]')
      .between([broker, 'login-history', ''], [broker, 'login-history', '\uffff'])
      .reverse()
      .filter((s) => s.parse.status === 'ok' || s.parse.status === 'empty')
      .first(),
    db.snapshots
      .where('[broker+pageKind+capturedAt]')
      .between([broker, 'login-history', ''], [broker, 'login-history', '\uffff'])
      .last(),
  ]);
  const before =
    full || !logins.length
      ? undefined
      : (
          await newestLogins(
            db,
            broker,
            '',
            lo,
            1,
            (e) => e.at < lo && e.result === 'success' && loginFacts(e, undefined).device.channel !== 'aggregator',
          )
        )[0];
  // alerts are few: all of the broker's, rather than a lookup per event
  const priorSeverity = new Map<string, Severity>();
  for (const a of await db.alerts.where('broker').equals(broker).toArray())
    for (const id of a.eventIds) priorSeverity.set(id, maxSeverity(priorSeverity.get(id) ?? 'info', a.severity));
  const day1 = await installedAt(db);
  return {
    broker,
    now: opts.now,
    installedAt: day1,
    base,
    logins,
    ...(before ? { lastSuccessBefore: before.at } : {}),
    visits: visits.map((v) => v.at),
    orders,
    accountEvents,
    observations,
    answers,
    priorSeverity,
    ...(historySnap ? { loginHistoryReadAt: historySnap.capturedAt } : {}),
    ...(historyTried ? { loginHistoryTriedAt: historyTried.capturedAt } : {}),
    loginHistoryReachable: !!historyTried || CHECKS[broker].knownTargets.some((t) => t.kind === 'login-history'),
  };
}

/**
 * Where new events are, per broker: the earliest time a pass must judge again, on the logins' scale (a
 * pass from a checkpoint judges logins from its watermark on, orders, account changes and banners from a
 * day before it: detect.ts).
 * New logins come as their earliest time per broker (`loginsFrom`): a stored
 * login is found by its time, not its id (utils/store/logins.ts). A login id
 * without it (work owed from before schema version 4) makes its broker's pass
 * a full one.
 */
async function affected(
  db: KabuGuardDB,
  ids: string[],
  loginsFrom: Partial<Record<BrokerId, string>> = {},
): Promise<Map<BrokerId, number>> {
  const unique = [...new Set(ids)];
  const [orders, accounts, observations] = await Promise.all([
    db.orders.bulkGet(unique),
    db.accountEvents.bulkGet(unique),
    db.loginObservations.bulkGet(unique),
  ]);
  const out = new Map<BrokerId, number>();
  const note = (e: LoginEvent | OrderEvent | AccountEvent | LoginObservation | undefined) => {
    if (!e) return;
    // a pass from the checkpoint judges these from a day before its watermark, and places an order in the
    // sessions of the CONTEXT_MS before that (its placement reaches back to the previous close at most)
    const t = toMs(e.at) + DAY_MS;
    out.set(e.broker, Math.min(out.get(e.broker) ?? Infinity, t));
  };
  [...orders, ...accounts, ...observations].forEach(note);
  for (const [broker, at] of Object.entries(loginsFrom) as Array<[BrokerId, string | undefined]>)
    if (at) out.set(broker, Math.min(out.get(broker) ?? Infinity, toMs(at)));
  const found = new Set([...orders, ...accounts, ...observations].map((e) => e?.id));
  for (const id of unique) {
    const broker = found.has(id) ? undefined : brokerOfLoginId(id);
    if (broker && !loginsFrom[broker]) out.set(broker, -Infinity);
  }
  return out;
}

/** One detection pass over new events given the stored history; stores and returns what changed. */
export async function runDetection(
  db: KabuGuardDB,
  opts: {
    newEventIds: string[];
    /** The earliest new login per broker (upsertLogins' addedFrom). */
    loginsFrom?: Partial<Record<BrokerId, string>>;
    now?: string;
    brokers?: BrokerId[];
    full?: boolean;
  },
): Promise<DetectionRun> {
  const now = opts.now ?? toJstIso(Date.now());
  const from = await affected(db, opts.newEventIds, opts.loginsFrom);
  for (const b of opts.brokers ?? []) if (!from.has(b)) from.set(b, -Infinity);
  if (!from.size) return EMPTY;
  const run: DetectionRun = { newAlerts: [], updatedAlerts: [], incidents: [], needsLoginHistory: [] };
  for (const [broker, t0] of from) {
    const input = await loadDetectionInput(db, broker, {
      now,
      ...(Number.isFinite(t0) ? { from: t0 } : {}),
      full: opts.full || !Number.isFinite(t0),
    });
    const result = detect(input);
    const ids = [...new Set(result.findings.map((f) => alertId(f)))];
    const stored = (await getAlerts(db, ids)).filter((a): a is Alert => !!a);
    const { created, updated, quiet } = toAlerts(result.findings, new Map(stored.map((a) => [a.id, a])), now);
    // answers are re-applied to alerts made again (after a rebuild, or about events answered elsewhere)
    const answers = indexAnswers(input.answers);
    const answered = (a: Alert): Alert => {
      if (a.status !== 'open') return a;
      const v =
        answers.alert(a.id) ??
        (a.eventIds.every((id, i) => answers.event(id, a.eventTimes[i]) === 'mine') ? 'mine' : undefined);
      return v ? { ...a, status: v, answeredAt: a.answeredAt ?? now } : a;
    };
    const since = toJstIso(
      Math.min(...[...created, ...updated].map((a) => toMs(a.eventTimes[0]!)), toMs(now)) - 2 * DAY_MS,
    );
    const incidentsBefore = created.length || updated.length ? await recentIncidents(db, since) : [];
    const assigned = assignIncidents([...created, ...updated].map(answered), incidentsBefore, now);
    const byId = new Map(assigned.alerts.map((a) => [a.id, a]));
    const labels = new Map((await environmentsOf(db, broker)).map((e) => [e.id, e]));
    // only what changed is written (a pass re-folds every environment)
    const envs = result.environments
      .map((e) => keepUserFields(e, labels.get(e.id)))
      .filter((e) => !sameEnvironment(e, labels.get(e.id)));
    await db.transaction('rw', [db.alerts, db.incidents, db.environments, db.kv], async () => {
      // the environments are the pass's: one that no login shows any more (forgotten) goes
      const present = new Set(result.environments.map((e) => e.id));
      const gone = [...labels.keys()].filter((id) => !present.has(id));
      if (gone.length) await db.environments.bulkDelete(gone);
      await putEnvironments(db, envs);
      await putAlerts(db, [...assigned.alerts, ...quiet]);
      await putIncidents(db, assigned.incidents);
      await kvSet(db, stateKey(broker), result.state);
    });
    run.newAlerts.push(...created.map((a) => byId.get(a.id)!));
    run.updatedAlerts.push(...updated.map((a) => byId.get(a.id)!));
    run.incidents.push(...assigned.incidents);
    // a banner seen for the first time that nothing explains: read the login history now, once
    if (result.unexplained.some((id) => opts.newEventIds.includes(id))) run.needsLoginHistory.push(broker);
  }
  return run;
}

function sameEnvironment(a: Environment, b: Environment | undefined): boolean {
  if (!b) return false;
  const { updatedAt: _a, ...x } = a;
  const { updatedAt: _b, ...y } = b;
  return JSON.stringify(x) === JSON.stringify(y);
}

/** What the user gave an environment (its name) survives the pass that rebuilds it. */
function keepUserFields(e: Environment, stored: Environment | undefined): Environment {
  if (!stored?.label || e.label) return e;
  return { ...e, label: stored.label };
}

export type Verdict = 'mine' | 'not-mine';

/** Environments whose logins an alert is about (successful logins; the alert's own environment key first). */
async function environmentsOfAlert(db: KabuGuardDB, alert: Alert): Promise<Environment[]> {
  const refs = alert.eventIds.map((id, i) => ({ id, broker: alert.broker, at: alert.eventTimes[i] ?? '' }));
  const logins = (await loginsAt(db, refs)).filter((e): e is LoginEvent => !!e && e.result === 'success');
  const day1 = await installedAt(db);
  const ids = [...new Set(logins.map((e) => loginFacts(e, day1 ? toMs(day1) : undefined).envId))];
  return (await db.environments.bulkGet(ids)).filter((e): e is Environment => !!e);
}

/** The user's answer to one alert (what it covers: answerAlerts). */
export async function applyFeedback(
  db: KabuGuardDB,
  alertId: string,
  verdict: Verdict,
  at?: string,
): Promise<{ alert: Alert; incident: Incident | undefined }> {
  const alert = await db.alerts.get(alertId);
  if (!alert) throw new Error(`no alert ${alertId}`);
  const { alerts, incident } = await answerAlerts(db, [alert], verdict, at ?? toJstIso(Date.now()));
  return { alert: alerts[0]!, incident };
}

/**
 * The user's one answer about a whole incident (issue 10: one attack was
 * five cards and five answers): the same answer as on each of its alerts
 * still waiting (all of them when none waits), stored once per alert, then
 * the history judged again once.
 */
export async function applyIncidentFeedback(
  db: KabuGuardDB,
  incidentId: string,
  verdict: Verdict,
  at?: string,
): Promise<{ alerts: Alert[]; incident: Incident | undefined }> {
  const all = await db.alerts.where('incidentId').equals(incidentId).toArray();
  if (!all.length) throw new Error(`no alerts in incident ${incidentId}`);
  const open = all.filter((a) => a.status === 'open');
  return answerAlerts(db, open.length ? open : all, verdict, at ?? (await answerTime(db, all[0]!.broker)));
}

/**
 * An answer about some events alone (an incident card's 「これは自分です」 on
 * one row): stored apart like every answer, so the case reads it over the
 * incident's answer (the latest about an event wins), then the history is
 * judged again.
 */
export async function applyEventFeedback(
  db: KabuGuardDB,
  broker: BrokerId,
  events: Array<{ id: string; at: string }>,
  verdict: Verdict,
  at?: string,
): Promise<void> {
  if (!events.length) return;
  const when = at ?? (await answerTime(db, broker));
  await addAnswer(db, {
    broker,
    at: when,
    verdict,
    scope: 'events',
    eventIds: events.map((e) => e.id),
    eventTimes: events.map((e) => e.at),
    source: 'alert',
  });
  await runDetection(db, { newEventIds: [], brokers: [broker], now: when, full: true });
  await settleAlerts(db, broker, when);
}

/**
 * Now, for an answer given now: after every answer stored, so that a row told
 * otherwise in the same second as its incident's answer still comes after it
 * (the latest answer about a thing wins; times are kept to the second).
 */
async function answerTime(db: KabuGuardDB, broker: BrokerId): Promise<string> {
  const now = Date.now();
  const last = (await answersOf(db, broker)).at(-1);
  return toJstIso(last && Date.parse(last.at) >= now - 999 ? Date.parse(last.at) + 1000 : now);
}

/**
 * Answers on alerts of one broker: each covers the alert's events and the
 * environment of its logins. "mine" makes the environment known (the next
 * login from it is quiet); "not mine" rejects it where the page shows enough
 * to identify it (an address, a location), so every login from it and every
 * order made in its sessions is not the user's. The answers are stored apart
 * and the broker's history is judged again with them, once.
 */
async function answerAlerts(
  db: KabuGuardDB,
  alerts: Alert[],
  verdict: Verdict,
  when: string,
): Promise<{ alerts: Alert[]; incident: Incident | undefined }> {
  const broker = alerts[0]!.broker;
  const envAnswered = new Set<string>();
  for (const alert of alerts) {
    const envs = alert.kind === 'login' ? await environmentsOfAlert(db, alert) : [];
    await addAnswer(db, {
      broker: alert.broker,
      at: when,
      verdict,
      scope: 'events',
      alertId: alert.id,
      eventIds: alert.eventIds,
      eventTimes: alert.eventTimes,
      source: 'alert',
    });
    for (const e of envs) {
      // "not mine" about a channel alone ("PC" with no address) would take the user's own PC logins with it
      if (verdict === 'not-mine' && e.networkKey === 'none' && e.thisBrowser > 0) continue;
      if (envAnswered.has(e.id)) continue;
      envAnswered.add(e.id);
      await addAnswer(db, environmentAnswer(e, verdict, when, 'alert'));
    }
  }
  const result = await db.transaction('rw', [db.alerts, db.incidents], async () => {
    const answered: Alert[] = alerts.map((a) => ({ ...a, status: verdict, answeredAt: when, updatedAt: when }));
    await db.alerts.bulkPut(answered);
    let incident: Incident | undefined;
    for (const id of new Set(alerts.map((a) => a.incidentId))) {
      let i = await db.incidents.get(id);
      if (!i) continue;
      if (verdict === 'not-mine') i = { ...i, status: 'confirmed', severity: 'high', updatedAt: when };
      else {
        const siblings = (await db.alerts.bulkGet(i.alertIds)).filter((a): a is Alert => !!a);
        if (siblings.every((a) => a.status === 'mine')) i = { ...i, status: 'resolved', updatedAt: when };
      }
      await db.incidents.put(i);
      incident ??= i;
    }
    return { alerts: answered, incident };
  });
  await runDetection(db, { newEventIds: [], brokers: [broker], now: when, full: true });
  await settleAlerts(db, broker, when);
  return result;
}

/**
 * Alerts read the case: an open alert whose every event the case now calls
 * not the user's (an answer about its environment, or about the session that
 * placed its orders) is answered by that; one whose every event the user said
 * was theirs likewise. It leaves the inbox and the badge, and its incident is
 * confirmed.
 */
export async function settleAlerts(db: KabuGuardDB, broker: BrokerId, at: string): Promise<Alert[]> {
  const { loadCase } = await import('../case/load');
  const c = await loadCase(db, { broker });
  const notMine = new Set(c.notMine.map((e) => e.id));
  const mine = new Set(c.mine.map((e) => e.id));
  const open = (await db.alerts.where('broker').equals(broker).toArray()).filter((a) => a.status === 'open');
  const settled: Alert[] = [];
  for (const a of open) {
    const v = a.eventIds.every((id) => notMine.has(id))
      ? 'not-mine'
      : a.eventIds.every((id) => mine.has(id))
        ? 'mine'
        : undefined;
    if (v) settled.push({ ...a, status: v, answeredAt: at, updatedAt: at });
  }
  if (!settled.length) return settled;
  await db.transaction('rw', db.alerts, db.incidents, async () => {
    await db.alerts.bulkPut(settled);
    const incidents = (await db.incidents.bulkGet([...new Set(settled.map((a) => a.incidentId))])).filter(
      (i): i is Incident => !!i,
    );
    const confirmed = new Set(settled.filter((a) => a.status === 'not-mine').map((a) => a.incidentId));
    await db.incidents.bulkPut(
      incidents
        .filter((i) => confirmed.has(i.id))
        .map((i) => ({ ...i, status: 'confirmed' as const, severity: 'high' as const, updatedAt: at })),
    );
  });
  return settled;
}

function environmentAnswer(e: Environment, verdict: Verdict | 'forget', at: string, source: NewAnswer['source']) {
  return {
    broker: e.broker,
    at,
    verdict,
    scope: 'environment' as const,
    environmentId: e.id,
    deviceKey: e.deviceKey,
    networkKey: e.networkKey,
    source,
  };
}

/**
 * The user's answer about a whole environment (the first review, the
 * environments list): mine, not mine, or forget (the next login from it is new
 * again). Stored apart, then the broker's history is judged again with it.
 */
export async function answerEnvironment(
  db: KabuGuardDB,
  envId: string,
  verdict: Verdict | 'forget',
  source: NewAnswer['source'],
  at?: string,
): Promise<void> {
  const when = at ?? toJstIso(Date.now());
  const env = await db.environments.get(envId);
  if (!env) return;
  await addAnswer(db, environmentAnswer(env, verdict, when, source));
  await runDetection(db, { newEventIds: [], brokers: [env.broker], now: when, full: true });
  await settleAlerts(db, env.broker, when);
}

/** Derived state rebuilt from the records and the answers (after the records were rebuilt from snapshots). */
export async function rebuildDetection(db: KabuGuardDB, now?: string): Promise<DetectionRun> {
  const brokers = new Set<BrokerId>();
  for (const b of await loginBrokers(db)) brokers.add(b);
  for (const t of [db.orders, db.accountEvents]) {
    const keys = (await t.orderBy('[broker+at]').uniqueKeys()) as unknown as Array<[BrokerId, string]>;
    for (const k of keys) brokers.add(k[0]);
  }
  await db.transaction('rw', [db.alerts, db.incidents, db.environments, db.kv], async () => {
    await db.alerts.clear();
    await db.incidents.clear();
    for (const b of brokers) await db.kv.delete(stateKey(b));
  });
  const at = now ?? toJstIso(Date.now());
  const run = await runDetection(db, { newEventIds: [], brokers: [...brokers], now: at, full: true });
  for (const b of brokers) await settleAlerts(db, b, at);
  return run;
}

/** Alerts that list an event (for answering by event, as scenario files do). */
export function alertsAbout(db: KabuGuardDB, eventId: string): Promise<Alert[]> {
  return alertsForEvents(db, [eventId]);
}
