// What each severity does, as the issue defines it:
//   info: logged only; low: inbox and badge; medium: a notification;
//   high: a notification that stays, a red badge, an immediate re-read of the
//   order and login pages, and the "what to do now" card.
// Notifications have a daily cap so the extension cannot train users to ignore
// it the way the brokers' e-mails did; high alerts are never held back.

import { severityRank, type Alert, type Severity } from '../records/alert';

export const DAILY_NOTIFICATION_CAP = 3;

export interface NotificationPlan {
  alert: Alert;
  requireInteraction: boolean;
}

/** One notification per incident (issue 10: one attack made five): its alerts, most severe first. */
export interface IncidentNotificationPlan {
  incidentId: string;
  alerts: Alert[];
  requireInteraction: boolean;
}

/**
 * `sentToday`: notifications already shown today (JST); returns the ones to show now.
 * `level`: the user's setting: `high` silences medium alerts (they stay in the inbox and badge).
 */
export function planNotifications(
  alerts: Alert[],
  sentToday: number,
  level: 'medium' | 'high' = 'medium',
): NotificationPlan[] {
  const plans: NotificationPlan[] = [];
  let sent = sentToday;
  const ordered = [...alerts].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  for (const alert of ordered) {
    if (alert.status !== 'open') continue;
    if (alert.severity === 'high') {
      plans.push({ alert, requireInteraction: true });
      sent++;
    } else if (alert.severity === 'medium' && level === 'medium' && sent < DAILY_NOTIFICATION_CAP) {
      plans.push({ alert, requireInteraction: false });
      sent++;
    }
  }
  return plans;
}

/**
 * The notifications to show now, one per incident: `alerts` are the alerts
 * raised or raised in severity by this pass (and not notified at it yet),
 * `sentToday` counts incidents notified today. An incident already shown is
 * shown again under the same id (the browser replaces it) when it grows.
 */
export function planIncidentNotifications(
  alerts: Alert[],
  sentToday: number,
  level: 'medium' | 'high' = 'medium',
): IncidentNotificationPlan[] {
  const byIncident = new Map<string, Alert[]>();
  for (const a of alerts) byIncident.set(a.incidentId, [...(byIncident.get(a.incidentId) ?? []), a]);
  // each incident is judged by its most severe alert, against the same cap as single alerts
  const heads = [...byIncident.values()].map(
    (list) => [...list].sort((a, b) => severityRank(b.severity) - severityRank(a.severity))[0]!,
  );
  return planNotifications(heads, sentToday, level).map((p) => ({
    incidentId: p.alert.incidentId,
    alerts: [...byIncident.get(p.alert.incidentId)!]
      .filter((a) => a.status === 'open')
      .sort((a, b) => severityRank(b.severity) - severityRank(a.severity)),
    requireInteraction: p.requireInteraction,
  }));
}

export interface BadgeState {
  text: string;
  color: string;
}

/** The badge counts open alerts of low and above; red while any open alert is high. */
export function badgeFor(open: Array<Pick<Alert, 'severity' | 'status'>>): BadgeState {
  const shown = open.filter((a) => a.status === 'open' && severityRank(a.severity) >= severityRank('low'));
  if (!shown.length) return { text: '', color: '#1b7f3b' };
  const top: Severity = shown.some((a) => a.severity === 'high')
    ? 'high'
    : shown.some((a) => a.severity === 'medium')
      ? 'medium'
      : 'low';
  return {
    text: shown.length > 99 ? '99+' : String(shown.length),
    color: top === 'high' ? '#b3261e' : top === 'medium' ? '#b35c00' : '#6b5500',
  };
}

/** An alert that needs the pages re-read at once (high: capture the evidence while the session lives). */
export function needsImmediateCapture(alerts: Alert[]): boolean {
  return alerts.some((a) => a.status !== 'mine' && a.severity === 'high');
}
