// Alerts: stored once per anchor event (ids are stable), newest first for the UI.

import { AlertSchema, type Alert } from '../records/alert';
import { SHOWN_SEVERITIES } from '../records/severity';
import type { KabuGuardDB } from './db';

export async function putAlerts(db: KabuGuardDB, alerts: Alert[]): Promise<void> {
  if (!alerts.length) return;
  await db.alerts.bulkPut(alerts.map((a) => AlertSchema.parse(a)));
}

export function getAlerts(db: KabuGuardDB, ids: string[]): Promise<Array<Alert | undefined>> {
  return db.alerts.bulkGet(ids);
}

/** Alerts that list any of these events. */
export function alertsForEvents(db: KabuGuardDB, eventIds: string[]): Promise<Alert[]> {
  if (!eventIds.length) return Promise.resolve([]);
  return db.alerts.where('eventIds').anyOf(eventIds).distinct().toArray();
}

/** The open alerts the pages show (low or above), by the [status+severity] index: not every open one. */
export async function shownOpenAlerts(db: KabuGuardDB): Promise<Alert[]> {
  const lists = await Promise.all(
    SHOWN_SEVERITIES.map((s) => db.alerts.where('[status+severity]').equals(['open', s]).toArray()),
  );
  return lists.flat();
}

export async function listAlerts(
  db: KabuGuardDB,
  opts: { status?: Alert['status']; limit?: number } = {},
): Promise<Alert[]> {
  const all = await db.alerts.orderBy('createdAt').reverse().toArray();
  const filtered = opts.status ? all.filter((a) => a.status === opts.status) : all;
  return opts.limit ? filtered.slice(0, opts.limit) : filtered;
}
