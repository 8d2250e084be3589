// Incidents: related alerts grouped (same session / same day).

import { IncidentSchema, type Incident } from '../records/incident';
import type { KabuGuardDB } from './db';

export async function putIncidents(db: KabuGuardDB, incidents: Incident[]): Promise<void> {
  if (!incidents.length) return;
  await db.incidents.bulkPut(incidents.map((i) => IncidentSchema.parse(i)));
}

/** Incidents still open to new alerts: not resolved, last event on or after `since`. */
export function recentIncidents(db: KabuGuardDB, since: string): Promise<Incident[]> {
  return db.incidents.where('lastEventAt').aboveOrEqual(since).toArray();
}

export function listIncidents(db: KabuGuardDB): Promise<Incident[]> {
  return db.incidents.orderBy('lastEventAt').reverse().toArray();
}
