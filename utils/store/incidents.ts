// Incidents: related alerts grouped (same session / same day).

import { IncidentSchema, type Incident } from '../records/incident';
import { ACTIVE_INCIDENT_STATUSES, URGENT_SEVERITIES } from '../records/severity';
import type { KabuGuardDB } from './db';

export async function putIncidents(db: KabuGuardDB, incidents: Incident[]): Promise<void> {
  if (!incidents.length) return;
  await db.incidents.bulkPut(incidents.map((i) => IncidentSchema.parse(i)));
}

/** Incidents still open to new alerts: not resolved, last event on or after `since`. */
export function recentIncidents(db: KabuGuardDB, since: string): Promise<Incident[]> {
  return db.incidents.where('lastEventAt').aboveOrEqual(since).toArray();
}

/** Active incidents at medium or above, by the [status+severity] index. */
export async function urgentIncidents(db: KabuGuardDB): Promise<Incident[]> {
  const keys = ACTIVE_INCIDENT_STATUSES.flatMap((st) => URGENT_SEVERITIES.map((sv) => [st, sv]));
  const lists = await Promise.all(keys.map((k) => db.incidents.where('[status+severity]').equals(k).toArray()));
  return lists.flat();
}

export function listIncidents(db: KabuGuardDB): Promise<Incident[]> {
  return db.incidents.orderBy('lastEventAt').reverse().toArray();
}
