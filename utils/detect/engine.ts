// The detection engine as the background calls it after each capture:
//   runDetection(db, { newEventIds, now }) → new and raised alerts, incidents.
// It loads only what the pass needs (the new events, logins around them, the
// environments, the order history, visits nearby), runs the pure pass
// (detect.ts, alerts.ts) and stores the result. Feedback ("mine" /
// "not mine") is applied here too. No browser APIs: Node (cli/eval.ts) and
// the extension run the same code.

import { toJstIso } from '../brokers/shared/dates';
import type { AccountEvent, LoginEvent, OrderEvent } from '../records';
import type { BrokerId } from '../brokers/types';
import { maxSeverity, type Alert } from '../records/alert';
import type { Environment } from '../records/environment';
import type { Incident } from '../records/incident';
import { alertsForEvents, getAlerts, putAlerts } from '../store/alerts';
import type { KabuGuardDB } from '../store/db';
import { environmentsOf, putEnvironments } from '../store/environments';
import { putIncidents, recentIncidents } from '../store/incidents';
import { alertId, assignIncidents, toAlerts } from './alerts';
import { toMs } from './attribution';
import { DAY_MS, detect, NEARBY_AFTER_MS, NEARBY_BEFORE_MS, type DetectionInput } from './detect';
import { loginFacts } from './facts';

export interface DetectionRun {
  /** Alerts raised for the first time by this pass. */
  newAlerts: Alert[];
  /** Stored alerts that gained events, reasons or severity. */
  updatedAlerts: Alert[];
  /** Incidents created or changed. */
  incidents: Incident[];
}

const EMPTY: DetectionRun = { newAlerts: [], updatedAlerts: [], incidents: [] };

/** First Visit or first capture, whichever is earlier: the extension's day one. */
export async function installedAt(db: KabuGuardDB): Promise<string | undefined> {
  const [visit, snap] = await Promise.all([
    db.visits.orderBy('at').first(),
    db.snapshots.orderBy('capturedAt').first(),
  ]);
  const times = [visit?.at, snap?.capturedAt].filter((t): t is string => !!t).map(toMs);
  return times.length ? toJstIso(Math.min(...times)) : undefined;
}

const between = (broker: BrokerId, from: number, to: number) =>
  [
    [broker, toJstIso(from)],
    [broker, toJstIso(to)],
  ] as const;

/** Loads what one pass needs for these new events. */
export async function loadDetectionInput(
  db: KabuGuardDB,
  newEventIds: string[],
  now: string,
): Promise<DetectionInput | undefined> {
  const ids = [...new Set(newEventIds)];
  const [logins, orders, accounts] = await Promise.all([
    db.logins.bulkGet(ids),
    db.orders.bulkGet(ids),
    db.accountEvents.bulkGet(ids),
  ]);
  const newLogins = logins.filter((e): e is LoginEvent => !!e);
  const newOrders = orders.filter((e): e is OrderEvent => !!e);
  const newAccountEvents = accounts.filter((e): e is AccountEvent => !!e);
  const all = [...newLogins, ...newOrders, ...newAccountEvents];
  if (!all.length) return undefined;
  const times = all.map((e) => toMs(e.at));
  const from = Math.min(...times) - NEARBY_BEFORE_MS;
  const to = Math.max(...times) + NEARBY_AFTER_MS;
  const brokers = [...new Set(all.map((e) => e.broker))];

  const input: DetectionInput = {
    now,
    installedAt: await installedAt(db),
    newLogins,
    newOrders,
    newAccountEvents,
    nearbyLogins: [],
    orders: [],
    accountEvents: [],
    visits: {},
    environments: [],
    lastSuccessBefore: {},
    priorSeverity: new Map(),
  };
  for (const b of brokers) {
    const [lo, hi] = between(b, from, to);
    const [vlo, vhi] = between(b, from - DAY_MS, to + DAY_MS);
    const [nearby, before, orderHistory, accountHistory, visits, envs] = await Promise.all([
      db.logins.where('[broker+at]').between(lo, hi, true, true).toArray(),
      db.logins
        .where('[broker+at]')
        .between([b, ''], lo, true, false)
        .reverse()
        .filter((e) => e.result === 'success' && loginFacts(e, undefined).device.channel !== 'aggregator')
        .first(),
      db.orders.where('broker').equals(b).toArray(),
      db.accountEvents.where('broker').equals(b).toArray(),
      db.visits.where('[broker+at]').between(vlo, vhi, true, true).toArray(),
      environmentsOf(db, b),
    ]);
    input.nearbyLogins.push(...nearby);
    input.orders.push(...orderHistory);
    input.accountEvents.push(...accountHistory);
    input.visits[b] = visits.map((v) => v.at);
    input.environments.push(...envs);
    if (before) input.lastSuccessBefore[b] = before.at;
  }
  const windowIds = [...input.nearbyLogins.map((e) => e.id), ...newOrders.map((e) => e.id)];
  for (const a of await alertsForEvents(db, windowIds)) {
    for (const id of a.eventIds)
      input.priorSeverity.set(id, maxSeverity(input.priorSeverity.get(id) ?? 'info', a.severity));
  }
  return input;
}

/** One detection pass over new events given the stored history; stores and returns what changed. */
export async function runDetection(
  db: KabuGuardDB,
  opts: { newEventIds: string[]; now?: string },
): Promise<DetectionRun> {
  const now = opts.now ?? toJstIso(Date.now());
  const input = await loadDetectionInput(db, opts.newEventIds, now);
  if (!input) return EMPTY;
  const { findings, environments } = detect(input);
  const ids = [...new Set(findings.map((f) => alertId(f)))];
  const stored = (await getAlerts(db, ids)).filter((a): a is Alert => !!a);
  const { created, updated } = toAlerts(findings, new Map(stored.map((a) => [a.id, a])), now);
  const since = toJstIso(
    Math.min(...[...created, ...updated].map((a) => toMs(a.eventTimes[0]!)), toMs(now)) - 2 * DAY_MS,
  );
  const incidentsBefore = created.length || updated.length ? await recentIncidents(db, since) : [];
  const assigned = assignIncidents([...created, ...updated], incidentsBefore, now);
  const byId = new Map(assigned.alerts.map((a) => [a.id, a]));
  await db.transaction('rw', db.alerts, db.incidents, db.environments, async () => {
    await putEnvironments(db, environments);
    await putAlerts(db, assigned.alerts);
    await putIncidents(db, assigned.incidents);
  });
  return {
    newAlerts: created.map((a) => byId.get(a.id)!),
    updatedAlerts: updated.map((a) => byId.get(a.id)!),
    incidents: assigned.incidents,
  };
}

export type Verdict = 'mine' | 'not-mine';

/**
 * The user's answer to an alert. "mine": the environments of its logins
 * become known (the next login from them is quiet; a login this browser did
 * not make counts as the user elsewhere). "not mine": the environments are
 * rejected and the incident is confirmed and raised to high.
 */
export async function applyFeedback(
  db: KabuGuardDB,
  alertId: string,
  verdict: Verdict,
  at?: string,
): Promise<{ alert: Alert; incident: Incident | undefined }> {
  const when = at ?? toJstIso(Date.now());
  return db.transaction(
    'rw',
    [db.alerts, db.incidents, db.environments, db.logins, db.visits, db.snapshots],
    async () => {
      const alert = await db.alerts.get(alertId);
      if (!alert) throw new Error(`no alert ${alertId}`);
      const answered: Alert = { ...alert, status: verdict, answeredAt: when, updatedAt: when };
      await db.alerts.put(answered);
      if (alert.kind === 'login') {
        const logins = (await db.logins.bulkGet(alert.eventIds)).filter(
          (e): e is LoginEvent => !!e && e.result === 'success',
        );
        const day1 = await installedAt(db);
        const envIds = [...new Set(logins.map((e) => loginFacts(e, day1 ? toMs(day1) : undefined).envId))];
        const envs = (await db.environments.bulkGet(envIds)).filter((e): e is Environment => !!e);
        const elsewhere = alert.reasons.some((r) => r.rule === 'not-this-browser');
        await db.environments.bulkPut(
          envs.map((e) =>
            verdict === 'mine'
              ? {
                  ...e,
                  status: 'confirmed' as const,
                  elsewhere: e.elsewhere + (elsewhere ? 1 : 0),
                  reviewedAt: when,
                  updatedAt: when,
                }
              : { ...e, status: 'rejected' as const, reviewedAt: when, updatedAt: when },
          ),
        );
      }
      let incident = await db.incidents.get(alert.incidentId);
      if (incident) {
        if (verdict === 'not-mine') incident = { ...incident, status: 'confirmed', severity: 'high', updatedAt: when };
        else {
          const siblings = (await db.alerts.bulkGet(incident.alertIds)).filter((a): a is Alert => !!a);
          if (siblings.every((a) => a.status === 'mine'))
            incident = { ...incident, status: 'resolved', updatedAt: when };
        }
        await db.incidents.put(incident);
      }
      return { alert: answered, incident };
    },
  );
}

/** Alerts that list an event (for answering by event, as scenario files do). */
export function alertsAbout(db: KabuGuardDB, eventId: string): Promise<Alert[]> {
  return alertsForEvents(db, [eventId]);
}
