// What happens after every capture, in the background: one detection pass over
// the new events, then the effects each severity asks for (notify-policy.ts).
// Effects are injected so the same sequence runs under test.

import { toJstIso } from '../brokers/shared/dates';
import { BROKERS } from '../brokers';
import type { BrokerId } from '../brokers/types';
import { runDetection, type DetectionRun } from '../detect/engine';
import { alertTitle, render, type Lang } from '../detect/explain';
import { severityRank, type Alert } from '../records/alert';
import { alertsForEvents, shownOpenAlerts } from '../store/alerts';
import type { KabuGuardDB } from '../store/db';
import { kvGet, kvSet } from '../store/kv';
import { visible } from '../text/visible';
import { t } from '../i18n';
import { joinList } from '../evidence/words';
import { loadSettings } from '../store/settings';
import {
  badgeFor,
  needsImmediateCapture,
  planIncidentNotifications,
  type BadgeState,
  type IncidentNotificationPlan,
} from './notify-policy';

export interface AlertEffects {
  /** One notification per incident: shown under the incident's id, so a second call replaces the first. */
  notify(plan: IncidentNotificationPlan, text: { title: string; message: string }): Promise<void>;
  setBadge(badge: BadgeState): Promise<void>;
  /** Ask an open tab of the broker to re-read its order and login pages now. */
  captureNow(broker: BrokerId): Promise<void>;
}

/** Texts of a notification: plain text only (notifications never render HTML), broker text's controls shown. */
export function notificationText(alert: Alert, lang: Lang): { title: string; message: string } {
  const broker = BROKERS.find((b) => b.id === alert.broker)?.label[lang] ?? alert.broker;
  const top = [...alert.reasons].sort((a, b) => severityRank(b.severity) - severityRank(a.severity))[0]!;
  return {
    title: visible(`${broker}: ${alertTitle(alert, lang)}`),
    message: visible(render(top.explanation.seen, lang)),
  };
}

/**
 * The text of an incident's one notification: the most severe alert's title
 * and what was seen; with more alerts, how many and of which kinds, so the
 * user reads one attack as one thing (issue 10).
 */
export function incidentNotificationText(alerts: Alert[], lang: Lang): { title: string; message: string } {
  // the most severe first, the earliest of those leading (the first login, not the last buy)
  const sorted = [...alerts].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || a.eventTimes[0]!.localeCompare(b.eventTimes[0]!),
  );
  const head = notificationText(sorted[0]!, lang);
  if (sorted.length < 2) return head;
  const kinds = (['login', 'orders', 'account'] as const).filter((k) => sorted.some((a) => a.kind === k));
  const words = joinList(
    kinds.map((k) => t(KIND_KEYS[k])),
    lang,
  );
  return { title: head.title, message: `${head.message}\n${t('notifyIncidentMore', [String(sorted.length), words])}` };
}

const KIND_KEYS = { login: 'notifyKindLogin', orders: 'notifyKindOrders', account: 'notifyKindAccount' } as const;

export async function refreshBadge(db: KabuGuardDB, effects: Pick<AlertEffects, 'setBadge'>): Promise<void> {
  await effects.setBadge(badgeFor(await shownOpenAlerts(db)));
}

export async function afterCapture(
  db: KabuGuardDB,
  newEventIds: string[],
  effects: AlertEffects,
  lang: Lang,
  now: number = Date.now(),
  /** The earliest new login per broker (utils/capture/ingest.ts loginsFrom). */
  loginsFrom: Partial<Record<BrokerId, string>> = {},
): Promise<DetectionRun> {
  const run = await runDetection(db, { newEventIds, loginsFrom, now: toJstIso(now) });
  // an alert is notified once per severity it reaches (a later capture may raise it to high)
  const notified = await kvGet<Record<string, string>>(db, 'notified', {});
  // a pass finishing work a stopped worker left (utils/alerts/pending.ts) finds its alerts stored already:
  // the open alerts on these events that were never notified at their severity are notified now
  const stored = (await alertsForEvents(db, newEventIds)).filter((a) => a.status === 'open');
  const raised = new Map([...stored, ...run.newAlerts, ...run.updatedAlerts].map((a) => [a.id, a]));
  const candidates = [...raised.values()].filter((a) => {
    const before = notified[a.id];
    return !before || severityRank(a.severity) > severityRank(before as Alert['severity']);
  });
  const dayKey = `notify-count:${toJstIso(now).slice(0, 10)}`;
  const sentToday = await kvGet<number>(db, dayKey, 0);
  const plans = planIncidentNotifications(candidates, sentToday, (await loadSettings(db)).notifyLevel);
  for (const plan of plans) {
    // the notification tells the whole incident as it stands, not only what this pass added
    const open = (await db.alerts.where('incidentId').equals(plan.incidentId).toArray()).filter(
      (a) => a.status === 'open' && severityRank(a.severity) >= severityRank('medium'),
    );
    await effects.notify(plan, incidentNotificationText(open.length ? open : plan.alerts, lang));
    for (const a of plan.alerts) notified[a.id] = a.severity;
  }
  if (plans.length) {
    await kvSet(db, 'notified', notified);
    await kvSet(db, dayKey, sentToday + plans.length);
  }
  await refreshBadge(db, effects);
  const urgent = [...run.newAlerts, ...run.updatedAlerts, ...candidates];
  for (const broker of new Set([
    ...urgent.filter((a) => needsImmediateCapture([a])).map((a) => a.broker),
    // the previous-login banner showed a login this browser did not make: read the login history now
    ...run.needsLoginHistory,
  ]))
    await effects.captureNow(broker);
  return run;
}
