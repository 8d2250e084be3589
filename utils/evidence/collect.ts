// Reads what a bundle needs from the store, within its scope. Tables defined
// by other features (alerts, incidents, environments, holdings, account
// events) are picked up when this database has them, read leniently.

import type { CaseEvent } from '../case/case';
import { loadCase } from '../case/load';
import type { LoginEvent, OrderEvent, Snapshot } from '../records';
import type { KabuGuardDB } from '../store/db';
import { allLogins } from '../store/logins';
import { ms, str, strings, whenOf, type Loose } from './fields';
import type { AlertView, EventFlag, EvidenceData, EvidenceScope } from './types';

const DAY = 86_400_000;

async function optionalTable(db: KabuGuardDB, name: string): Promise<Loose[]> {
  const table = db.tables.find((t) => t.name === name);
  return table ? ((await table.toArray()) as Loose[]) : [];
}

export function toAlertView(a: Loose): AlertView {
  // utils/records/alert.ts: the user's answer is the alert's status ('mine' / 'not-mine')
  const verdictRaw = str(a, 'verdict', 'status', 'feedback', 'userVerdict', 'answer');
  const events = strings(a, 'eventIds', 'events', 'loginIds', 'orderIds', 'eventId', 'accountEventIds');
  return {
    id: str(a, 'id') ?? '',
    broker: str(a, 'broker'),
    at: str(a, 'at', 'raisedAt', 'createdAt'),
    severity: str(a, 'severity', 'level') ?? 'info',
    title: str(a, 'title', 'summary', 'message', 'rule', 'kind') ?? '',
    ...(a.title && typeof a.title === 'object' ? { titleMsg: a.title } : {}),
    eventIds: events.filter((e) => !/^\d{4}-\d{2}-\d{2}T/.test(e)),
    eventAts: [...events.filter((e) => /^\d{4}-\d{2}-\d{2}T/.test(e)), ...strings(a, 'eventAts', 'eventTimes')],
    ...(verdictRaw === 'not-mine' || verdictRaw === 'mine' ? { verdict: verdictRaw } : {}),
    record: a,
  };
}

interface Window {
  broker?: string;
  from: number;
  to: number;
}

function inWindow(w: Window, broker: string | undefined, at: string | undefined): boolean {
  if (w.broker && broker && broker !== w.broker) return false;
  const t = ms(at);
  if (Number.isNaN(t)) return w.from === -Infinity && w.to === Infinity;
  return t >= w.from && t <= w.to;
}

/** Rows by time, each time parsed once (a comparator parsing both sides made the sort grow fastest). */
function inTimeOrder<T extends { at: string }>(rows: T[]): T[] {
  const t = new Map(rows.map((r) => [r, ms(r.at)]));
  return rows.sort((a, b) => t.get(a)! - t.get(b)! || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export async function collectEvidence(db: KabuGuardDB, scope: EvidenceScope = {}): Promise<EvidenceData> {
  const [alertsRaw, incidentsAll, environmentsAll, accountEventsAll, holdingsAll] = await Promise.all(
    ['alerts', 'incidents', 'environments', 'accountEvents', 'holdings'].map((n) => optionalTable(db, n)),
  );
  const allAlerts = alertsRaw!.map(toAlertView);

  const w: Window = {
    broker: scope.broker,
    from: scope.from ? ms(scope.from) : -Infinity,
    to: scope.to ? ms(scope.to) : Infinity,
  };
  let incidentAlertIds: Set<string> | undefined;
  let incidents = incidentsAll!;
  if (scope.incidentId) {
    const incident = incidentsAll!.find((i) => i.id === scope.incidentId);
    if (!incident) throw new Error(`no incident ${scope.incidentId}`);
    incidents = [incident];
    incidentAlertIds = new Set(strings(incident, 'alertIds', 'alerts'));
    const related = allAlerts.filter(
      (a) => incidentAlertIds!.has(a.id) || str(a.record, 'incidentId') === scope.incidentId,
    );
    for (const a of related) incidentAlertIds.add(a.id);
    const times = [
      str(incident, 'from', 'startAt', 'openedAt', 'firstEventAt', 'at'),
      str(incident, 'to', 'endAt', 'lastEventAt', 'updatedAt'),
      // the events' own times: an alert raised today about a login of last week (the first review at
      // installation) must not stretch the period to today and take in an attack of its own
      ...related.flatMap((a) => (a.eventAts.length ? a.eventAts : [a.at])),
    ]
      .map(ms)
      .filter((t) => !Number.isNaN(t));
    w.broker ??= str(incident, 'broker');
    if (times.length) {
      w.from = Math.max(w.from, Math.min(...times) - DAY);
      w.to = Math.min(w.to, Math.max(...times) + DAY);
    }
  }

  const [loginsAll, ordersAll, visitsAll, snapshotsAll, captureLog] = await Promise.all([
    allLogins(db),
    db.orders.toArray(),
    db.visits.toArray(),
    db.snapshots.toArray(),
    db.captureLog.orderBy('seq').toArray(),
  ]);
  const logins = inTimeOrder(loginsAll.filter((e) => inWindow(w, e.broker, e.at)));
  const orders = inTimeOrder(ordersAll.filter((e) => inWindow(w, e.broker, e.at)));
  // the damage statement's lots: every order up to the period's end (a sale finds its purchase of years before)
  const lotOrders = inTimeOrder(ordersAll.filter((e) => (!w.broker || e.broker === w.broker) && ms(e.at) <= w.to));
  const visits = inTimeOrder(visitsAll.filter((e) => inWindow(w, e.broker, e.at)));
  const accountEvents = accountEventsAll!.filter((e) => inWindow(w, str(e, 'broker'), whenOf(e)));
  const holdings = holdingsAll!.filter((e) => !w.broker || str(e, 'broker') === w.broker);
  const environments = environmentsAll!.filter((e) => !w.broker || str(e, 'broker') === w.broker);
  const alerts = allAlerts.filter((a) =>
    incidentAlertIds ? incidentAlertIds.has(a.id) : inWindow(w, a.broker, a.at ?? a.eventAts[0]),
  );

  // flags: the case (utils/case), the same judgement the alerts and the dashboard show; it is built
  // over the whole history (sessions and a rejected environment reach beyond the period asked for)
  const c = await loadCase(db, {}, { logins: loginsAll, orders: ordersAll, visits: visitsAll });
  const flags = new Map<string, EventFlag>();
  const put = (e: CaseEvent, f: Pick<EventFlag, 'notMine' | 'mine' | 'suspect'>) =>
    flags.set(e.id, { ...f, alertIds: e.alertIds, ...(e.severity ? { severity: e.severity } : {}) });
  for (const e of c.suspect) put(e, { notMine: false, mine: false, suspect: true });
  for (const e of c.notMine) put(e, { notMine: true, mine: false });
  for (const e of c.mine) put(e, { notMine: false, mine: true });

  // every snapshot a record in scope came from, and every snapshot taken in scope
  const used = new Set<string>();
  for (const e of [...logins, ...orders]) for (const s of e.snapshotIds) used.add(s);
  for (const e of [...accountEvents, ...holdings]) for (const s of strings(e, 'snapshotIds', 'snapshotId')) used.add(s);
  for (const a of alerts) for (const s of strings(a.record, 'snapshotIds', 'snapshotId')) used.add(s);
  const snapshots: Snapshot[] = snapshotsAll
    .filter((s) => used.has(s.id) || inWindow(w, s.broker, s.capturedAt))
    .sort((a, b) => ms(a.capturedAt) - ms(b.capturedAt) || (a.id < b.id ? -1 : 1));

  const resolved: EvidenceScope = { ...scope };
  if (w.broker && !scope.broker) resolved.broker = w.broker as EvidenceScope['broker'];
  return {
    scope: resolved,
    logins,
    orders,
    visits,
    alerts,
    incidents,
    environments,
    accountEvents,
    holdings,
    snapshots,
    captureLog,
    flags,
    lotOrders,
    tables: db.tables.map((t) => t.name),
  };
}

/** Rows a report shows: every flagged row and `context` rows either side of it, per broker, in time order. */
export function caseRows<T extends LoginEvent | OrderEvent>(
  rows: T[],
  flags: Map<string, EventFlag>,
  context: number,
): T[] {
  // one pass: per broker, the last `context` rows seen and how many rows after a flagged one are still wanted
  const keep = new Uint8Array(rows.length);
  const perBroker = new Map<string, { recent: number[]; after: number }>();
  rows.forEach((r, i) => {
    let b = perBroker.get(r.broker);
    if (!b) perBroker.set(r.broker, (b = { recent: [], after: 0 }));
    if (isFlagged(flags, r.id)) {
      for (const j of b.recent) keep[j] = 1;
      keep[i] = 1;
      b.after = context;
    } else if (b.after > 0) {
      keep[i] = 1;
      b.after--;
    }
    b.recent.push(i);
    if (b.recent.length > context) b.recent.shift();
  });
  return rows.filter((_, i) => keep[i] === 1);
}

/** In the case: not the user's, or a suspect nobody has answered. */
export function isFlagged(flags: Map<string, EventFlag>, id: string): boolean {
  const f = flags.get(id);
  return !!f && !f.mine && (f.notMine || !!f.suspect);
}
