// The alerts inbox, shared by the alerts page and the dashboard: which alerts
// to show, in which order, and what answering one does.

import type { BrokerId } from '../brokers/types';
import type { Alert } from '../records/alert';
import { appendLog } from '../store/capture-log';
import type { KabuGuardDB } from '../store/db';

const RANK = { high: 3, medium: 2, low: 1, info: 0 } as const;

/** Open alerts first (most severe first), then answered ones, newest first. */
export async function loadAlerts(db: KabuGuardDB, limit = 200): Promise<Alert[]> {
  const recent = await db.alerts.orderBy('createdAt').reverse().limit(limit).toArray();
  return recent
    .filter((a) => a.severity !== 'info')
    .sort(
      (a, b) =>
        Number(b.status === 'open') - Number(a.status === 'open') ||
        RANK[b.severity] - RANK[a.severity] ||
        b.createdAt.localeCompare(a.createdAt),
    );
}

/** "This was me" / "not me": feedback to the detector, logged in the capture log. */
export async function answerAlert(db: KabuGuardDB, alert: Alert, verdict: 'mine' | 'not-mine'): Promise<void> {
  // the engine (with the IP tables) loads only when the user answers, not with the page
  const { applyFeedback } = await import('../detect/engine');
  await applyFeedback(db, alert.id, verdict);
  await appendLog(db, { type: 'feedback', detail: { alertId: alert.id, verdict, eventIds: alert.eventIds } });
}

/** Extension pages tell the background the badge may have changed (entrypoints/background/messaging.ts). */
export { REFRESH_BADGE_MESSAGE } from '../messaging/page-messages';

/** One answer for a whole incident (its card on the alerts page), logged like an alert's. */
export async function answerIncident(db: KabuGuardDB, incidentId: string, verdict: 'mine' | 'not-mine'): Promise<void> {
  const { applyIncidentFeedback } = await import('../detect/engine');
  const { alerts } = await applyIncidentFeedback(db, incidentId, verdict);
  await appendLog(db, {
    type: 'feedback',
    detail: { incidentId, verdict, alertIds: alerts.map((a) => a.id), eventIds: alerts.flatMap((a) => a.eventIds) },
  });
}

/** One row of an incident told otherwise than the incident (「これは自分です」 on one login or order). */
export async function answerEvents(
  db: KabuGuardDB,
  broker: BrokerId,
  events: Array<{ id: string; at: string }>,
  verdict: 'mine' | 'not-mine',
): Promise<void> {
  const { applyEventFeedback } = await import('../detect/engine');
  await applyEventFeedback(db, broker, events, verdict);
  await appendLog(db, { type: 'feedback', detail: { verdict, eventIds: events.map((e) => e.id) } });
}
