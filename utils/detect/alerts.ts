// Findings → Alerts → Incidents, pure. An alert's id comes from its broker,
// kind and anchor event, so re-reading the same rows finds the same alert and
// never repeats it; a new finding about it joins its reasons (and may raise it).

import { stableHash } from '../brokers/shared/text';
import { maxSeverity, severityRank, type Alert, type Reason, type Severity } from '../records/alert';
import type { Incident } from '../records/incident';
import { toMs } from './sessions';
import { atLeast, bump } from './severity';
import { RULE_ORDER } from './rules';
import type { Finding } from './types';

const DAY_MS = 24 * 3600_000;

/** Stable: the same anchor (or the same new thing not yet answered) is the same alert on every pass. */
export function alertId(f: Pick<Finding, 'broker' | 'kind' | 'anchor' | 'alertKey'>): string {
  return `alert_${f.broker}_${stableHash(`${f.kind}\u0000${f.alertKey ?? f.anchor.id}`)}`;
}

/** Two independent reasons of medium or more make an alert high. */
export function combinedSeverity(reasons: Reason[]): Severity {
  const top = maxSeverity(...reasons.map((r) => r.severity));
  const strong = new Set(reasons.filter((r) => atLeast(r.severity, 'medium')).map((r) => r.rule));
  return strong.size >= 2 ? bump(top) : top;
}

function mergeEvents(a: Array<{ id: string; at: string }>, b: Array<{ id: string; at: string }>) {
  const map = new Map(a.map((e) => [e.id, e.at]));
  for (const e of b) map.set(e.id, e.at);
  return [...map].map(([id, at]) => ({ id, at })).sort((x, y) => x.at.localeCompare(y.at) || x.id.localeCompare(y.id));
}

function addReason(reasons: Reason[], f: Finding): Reason[] {
  const i = reasons.findIndex((r) => r.rule === f.rule);
  const r: Reason = { rule: f.rule, severity: f.severity, explanation: f.explanation };
  if (i < 0) return [...reasons, r];
  if (severityRank(f.severity) < severityRank(reasons[i]!.severity)) return reasons;
  return reasons.map((x, j) => (j === i ? r : x));
}

/** Which reason names the alert: the most severe, then the most specific (rules/index.ts order). */
export function topReason(reasons: Reason[]): Reason {
  const order = RULE_ORDER as readonly string[];
  return reasons.reduce((x, y) => {
    const d = severityRank(y.severity) - severityRank(x.severity);
    return d > 0 || (d === 0 && order.indexOf(y.rule) < order.indexOf(x.rule)) ? y : x;
  });
}

export interface AlertChanges {
  created: Alert[];
  updated: Alert[];
  /** Stored alerts whose events' times changed (a date became a time): stored, not news. */
  quiet: Alert[];
}

/**
 * Merges findings into alerts. `existing` are stored alerts by id. An alert
 * is "updated" only when it gained events, reasons or severity.
 */
export function toAlerts(findings: Finding[], existing: Map<string, Alert>, now: string): AlertChanges {
  const work = new Map<string, { alert: Alert; isNew: boolean; changed: boolean }>();
  for (const f of findings) {
    const id = alertId(f);
    let w = work.get(id);
    if (!w) {
      const old = existing.get(id);
      w = old
        ? { alert: old, isNew: false, changed: false }
        : {
            alert: {
              v: 1,
              id,
              broker: f.broker,
              kind: f.kind,
              severity: f.severity,
              status: 'open',
              anchorEventId: f.anchor.id,
              eventIds: [],
              eventTimes: [],
              title: f.title,
              reasons: [],
              incidentId: '',
              createdAt: now,
              updatedAt: now,
            },
            isNew: true,
            changed: true,
          };
      work.set(id, w);
    }
    const a = w.alert;
    const events = mergeEvents(
      a.eventIds.map((e, i) => ({ id: e, at: a.eventTimes[i]! })),
      f.events,
    );
    const reasons = addReason(a.reasons, f);
    const sev = combinedSeverity(reasons);
    // a trade seen again on a page with its time (it was a date) moves the alert's time with it
    const moved = events.some((e, i) => a.eventIds[i] !== e.id || a.eventTimes[i] !== e.at);
    const grew = events.length !== a.eventIds.length || reasons !== a.reasons;
    if (!grew && !moved) continue;
    const top = topReason(reasons);
    w.alert = {
      ...a,
      eventIds: events.map((e) => e.id),
      eventTimes: events.map((e) => e.at),
      reasons,
      severity: severityRank(sev) > severityRank(a.severity) || w.isNew ? sev : a.severity,
      title: top.rule === f.rule ? f.title : a.title,
      updatedAt: now,
    };
    w.changed = true;
  }
  const created: Alert[] = [];
  const updated: Alert[] = [];
  const quiet: Alert[] = [];
  for (const w of work.values()) {
    if (!w.changed) continue;
    const old = existing.get(w.alert.id);
    // re-reading the same rows must not count as news: only more events or a higher severity do
    if (
      old &&
      old.eventIds.length === w.alert.eventIds.length &&
      old.severity === w.alert.severity &&
      old.reasons.length === w.alert.reasons.length
    ) {
      // nothing new to tell the user, but the times may have become precise: store them quietly
      if (old.eventTimes.some((t, i) => t !== w.alert.eventTimes[i])) quiet.push(w.alert);
      continue;
    }
    (w.isNew ? created : updated).push(w.alert);
  }
  return { created, updated, quiet };
}

/** Related alerts (same broker, within a day of each other) share an incident; the highest severity wins. */
export function assignIncidents(
  alerts: Alert[],
  incidents: Incident[],
  now: string,
): { alerts: Alert[]; incidents: Incident[] } {
  const pool = new Map(incidents.map((i) => [i.id, i]));
  const touched = new Set<string>();
  const sorted = [...alerts].sort((a, b) => a.eventTimes[0]!.localeCompare(b.eventTimes[0]!));
  const out: Alert[] = [];
  for (const a of sorted) {
    const first = a.eventTimes[0]!;
    const last = a.eventTimes[a.eventTimes.length - 1]!;
    let inc = a.incidentId ? pool.get(a.incidentId) : undefined;
    if (!inc) {
      inc = [...pool.values()].find(
        (i) =>
          i.broker === a.broker &&
          i.status !== 'resolved' &&
          toMs(first) <= toMs(i.lastEventAt) + DAY_MS &&
          toMs(last) >= toMs(i.firstEventAt) - DAY_MS,
      );
    }
    if (!inc) {
      inc = {
        v: 1,
        id: `inc_${a.id.slice(6)}`,
        broker: a.broker,
        severity: a.severity,
        status: 'open',
        alertIds: [],
        firstEventAt: first,
        lastEventAt: last,
        createdAt: now,
        updatedAt: now,
      };
    }
    const next: Incident = {
      ...inc,
      alertIds: inc.alertIds.includes(a.id) ? inc.alertIds : [...inc.alertIds, a.id],
      severity: inc.status === 'confirmed' ? 'high' : maxSeverity(inc.severity, a.severity),
      firstEventAt: first < inc.firstEventAt ? first : inc.firstEventAt,
      lastEventAt: last > inc.lastEventAt ? last : inc.lastEventAt,
      updatedAt: now,
    };
    pool.set(next.id, next);
    touched.add(next.id);
    out.push({ ...a, incidentId: next.id });
  }
  return { alerts: out, incidents: [...touched].map((id) => pool.get(id)!) };
}
