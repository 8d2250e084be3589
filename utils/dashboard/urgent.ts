// The most urgent thing, for the first line of the popup and the top of the
// alerts page (issue 10: the one-time review came first and the attack said
// only one vague sentence). An incident the user confirmed ("not me") comes
// first, then the most severe, then the latest. Data only: the pages put it
// into words.

import type { Alert } from '../records/alert';
import type { Incident } from '../records/incident';
import { severityRank } from '../records/severity';

export type UrgentKind = 'login' | 'orders' | 'account';

export interface UrgentIncident {
  id: string;
  broker: string;
  severity: Incident['severity'];
  /** The user answered "not me" on one of its alerts. */
  confirmed: boolean;
  from: string;
  to: string;
  /** What its open alerts are about, in this order. */
  kinds: UrgentKind[];
  /** Alerts in the incident, and how many still wait for an answer. */
  alerts: number;
  unanswered: number;
  /** The first open alert, for the "answer" link. */
  firstOpenAlertId?: string;
}

const KIND_ORDER: UrgentKind[] = ['login', 'orders', 'account'];

export function mostUrgent(incidents: readonly Incident[], openAlerts: readonly Alert[]): UrgentIncident | undefined {
  const active = incidents.filter(
    (i) => (i.status === 'open' || i.status === 'confirmed') && severityRank(i.severity) >= severityRank('medium'),
  );
  // a confirmed attack, then the most severe, then the latest; the id settles ties (the two readers of the
  // popup, plain IndexedDB and Dexie, list incidents in different orders)
  active.sort(
    (a, b) =>
      Number(b.status === 'confirmed') - Number(a.status === 'confirmed') ||
      severityRank(b.severity) - severityRank(a.severity) ||
      b.lastEventAt.localeCompare(a.lastEventAt) ||
      a.id.localeCompare(b.id),
  );
  const top = active[0];
  if (!top) return undefined;
  const open = openAlerts
    .filter((a) => a.incidentId === top.id)
    .sort((a, b) => a.eventTimes[0]!.localeCompare(b.eventTimes[0]!));
  const kinds = KIND_ORDER.filter((k) => open.some((a) => a.kind === k));
  return {
    id: top.id,
    broker: top.broker,
    severity: top.severity,
    confirmed: top.status === 'confirmed',
    from: timedFrom(top.firstEventAt, open),
    to: top.lastEventAt,
    kinds,
    alerts: top.alertIds.length,
    unanswered: open.length,
    ...(open[0] ? { firstOpenAlertId: open[0].id } : {}),
  };
}

const MIDNIGHT = 'T00:00:00+09:00';

/**
 * A trade the page showed by its date alone (取引履歴) stands at midnight, and
 * made an attack at 16:05 read 「00:00〜16:05」 in the popup: the incident
 * starts at the first timed event of that day its alerts know, where there is one.
 */
function timedFrom(first: string, alerts: readonly Alert[]): string {
  if (!first.endsWith(MIDNIGHT)) return first;
  const day = first.slice(0, 10);
  const timed = alerts
    .flatMap((a) => a.eventTimes)
    .filter((t) => t.startsWith(day) && !t.endsWith(MIDNIGHT))
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return timed[0] ?? first;
}

/** Whether it is the red kind (act now) rather than amber (take a look). */
export const isUrgent = (u: UrgentIncident | undefined): u is UrgentIncident =>
  !!u && (u.confirmed || u.severity === 'high');
