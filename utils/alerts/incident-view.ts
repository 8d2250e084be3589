// One incident as one card (issue 10: one attack was five cards, five answers
// and five notifications): its alerts grouped, its story and compact table
// told from the case (the same sentence and rows as the evidence page and the
// report's 要点), and the one answer the incident has. Rows the user said were
// theirs stay in the table, marked as theirs, so an answer can be taken back.

import { caseOf, buildCase } from '../evidence/case';
import { caseRows, type CaseRow } from '../evidence/case-rows';
import { collectEvidence } from '../evidence/collect';
import { damageStatement } from '../evidence/damage';
import { storySentence } from '../evidence/report';
import type { Lang } from '../evidence/words';
import { severityRank, type Alert } from '../records/alert';
import type { Incident } from '../records/incident';
import type { KabuGuardDB } from '../store/db';

export interface IncidentRow extends Omit<CaseRow, 'standing'> {
  standing: CaseRow['standing'] | 'mine';
}

export interface IncidentView {
  incident: Incident;
  /** Its alerts of low or more, most severe first. */
  alerts: Alert[];
  /** The one sentence (undefined when the case holds nothing of it any more). */
  story?: string;
  rows: IncidentRow[];
  /** Red: an attack the user confirmed, or a high alert waiting. */
  urgent: boolean;
  /** The incident's one answer: waiting while any alert waits; "not mine" once any alert was. */
  answer: 'open' | 'mine' | 'not-mine';
}

export function incidentAnswer(alerts: readonly Alert[]): IncidentView['answer'] {
  if (alerts.some((a) => a.status === 'not-mine')) return 'not-mine';
  if (alerts.some((a) => a.status === 'open')) return 'open';
  return 'mine';
}

export function isUrgentIncident(incident: Incident, alerts: readonly Alert[]): boolean {
  if (incident.status === 'resolved') return false;
  return (
    incident.status === 'confirmed' ||
    alerts.some((a) => a.status === 'not-mine' || (a.status === 'open' && a.severity === 'high'))
  );
}

/** Urgent first (confirmed, then the most severe), then the latest; the id settles ties. */
export function byUrgency(a: IncidentView, b: IncidentView): number {
  return (
    Number(b.urgent) - Number(a.urgent) ||
    Number(b.incident.status === 'confirmed') - Number(a.incident.status === 'confirmed') ||
    severityRank(b.incident.severity) - severityRank(a.incident.severity) ||
    b.incident.lastEventAt.localeCompare(a.incident.lastEventAt) ||
    a.incident.id.localeCompare(b.incident.id)
  );
}

/** The incident's story and rows, from the case over its period (collectEvidence's incident scope). */
export async function incidentStory(
  db: KabuGuardDB,
  incidentId: string,
  lang: Lang,
): Promise<{ story?: string; rows: IncidentRow[] }> {
  const d = await collectEvidence(db, { incidentId });
  const c = caseOf(d);
  const story = storySentence(
    c,
    damageStatement({ case: c, orders: d.lotOrders ?? d.orders, holdings: d.holdings }),
    lang,
  );
  // what the user called theirs in the same period: the same table builder, marked as theirs
  const mineIds = new Set([...d.flags].filter(([, f]) => f.mine).map(([id]) => id));
  const mine = caseRows(buildCase(d, { notMine: mineIds, suspect: new Set() }, c.basis), lang).map(
    (r): IncidentRow => ({ ...r, standing: 'mine' }),
  );
  const rows: IncidentRow[] = [...caseRows(c, lang), ...mine].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { ...(story ? { story } : {}), rows };
}

/**
 * Every incident that has an alert of medium or more among `alerts`, as one
 * view each, most urgent first. Alerts of incidents below medium are left to
 * their own cards.
 */
export async function incidentViews(db: KabuGuardDB, alerts: readonly Alert[], lang: Lang): Promise<IncidentView[]> {
  const groups = new Map<string, Alert[]>();
  for (const a of alerts) {
    if (severityRank(a.severity) < severityRank('low')) continue;
    groups.set(a.incidentId, [...(groups.get(a.incidentId) ?? []), a]);
  }
  const ids = [...groups]
    .filter(([, list]) => list.some((a) => severityRank(a.severity) >= severityRank('medium')))
    .map(([id]) => id);
  const incidents = (await db.incidents.bulkGet(ids)).filter((i): i is Incident => !!i);
  const views: IncidentView[] = [];
  for (const incident of incidents) {
    const list = [...groups.get(incident.id)!].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
    const told = await incidentStory(db, incident.id, lang).catch(() => ({ rows: [] as IncidentRow[] }));
    views.push({
      incident,
      alerts: list,
      ...told,
      urgent: isUrgentIncident(incident, list),
      answer: incidentAnswer(list),
    });
  }
  return views.sort(byUrgency);
}
