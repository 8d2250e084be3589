import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AlertCard } from '../../components/AlertCard';
import { IncidentCard } from '../../components/IncidentCard';
import { EnvironmentReview } from '../../components/EnvironmentReview';
import { WhatToDoCard } from '../../components/WhatToDoCard';
import type { Environment } from '../../utils/records/environment';
import { pendingReview, reviewEnvironment } from '../../utils/dashboard/environments';
import { answerAlert, answerEvents, answerIncident, loadAlerts, REFRESH_BADGE_MESSAGE } from '../../utils/alerts/inbox';
import { incidentViews, type IncidentRow, type IncidentView } from '../../utils/alerts/incident-view';
import { t, uiLang } from '../../utils/i18n';
import type { Alert } from '../../utils/records/alert';
import { openDb, type KabuGuardDB } from '../../utils/store/db';

export function AlertsPage({ db = openDb() }: { db?: KabuGuardDB }) {
  const lang = uiLang();
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [views, setViews] = useState<IncidentView[]>([]);
  const [review, setReview] = useState<Environment[]>([]);
  const [rejected, setRejected] = useState<Environment[]>([]);
  const focus = decodeURIComponent(location.hash.slice(1));
  const loadInbox = async () => {
    const list = await loadAlerts(db).catch(() => [] as Alert[]);
    // one card per incident (issue 10): its story and table are read before the alerts are shown
    setViews(await incidentViews(db, list, lang).catch(() => []));
    setAlerts(list);
  };
  const reload = async () => {
    await loadInbox();
    const pending = await pendingReview(db);
    // keep answered ones on screen while the review is open
    setReview(
      (shown) =>
        (shown.length
          ? db.environments.bulkGet(shown.map((e) => e.id)).then((x) => x.filter((e): e is Environment => !!e))
          : pending) as never,
    );
    setRejected(await db.environments.where('status').equals('rejected').toArray());
  };
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('alertsTitle');
    void reload();
  }, []);
  useEffect(() => {
    // opened for one incident or alert (popup, notification): keyboard focus starts on its card, not at the top
    if (!focus || alerts === null) return;
    const id = CSS.escape(focus);
    const card = document.querySelector<HTMLElement>(
      `[data-incident-id="${id}"], [data-alert-ids~="${id}"], [data-alert-id="${id}"]`,
    );
    card?.scrollIntoView();
    card?.focus();
  }, [alerts]);
  const refreshBadge = () => browser.runtime.sendMessage(REFRESH_BADGE_MESSAGE).catch(() => undefined);
  const onReview = async (env: Environment, verdict: 'mine' | 'not-mine') => {
    await reviewEnvironment(db, env.id, verdict);
    setReview((await db.environments.bulkGet(review.map((e) => e.id))).filter((e): e is Environment => !!e));
    setRejected(await db.environments.where('status').equals('rejected').toArray());
    await loadInbox();
    await refreshBadge();
  };
  const onReviewDone = async () => {
    for (const e of await pendingReview(db)) await reviewEnvironment(db, e.id, 'seen');
    setReview([]);
  };
  const onAnswer = async (alert: Alert, verdict: 'mine' | 'not-mine') => {
    await answerAlert(db, alert, verdict);
    await refreshBadge();
    await reload();
  };
  // the incident's one answer goes to the same answers store the case reads (utils/detect/engine.ts)
  const onIncident = async (view: IncidentView, verdict: 'mine' | 'not-mine') => {
    await answerIncident(db, view.incident.id, verdict);
    await refreshBadge();
    await reload();
  };
  const onRow = async (view: IncidentView, row: IncidentRow, verdict: 'mine' | 'not-mine') => {
    await answerEvents(
      db,
      view.incident.broker,
      row.ids.map((id) => ({ id, at: row.at })),
      verdict,
    );
    await refreshBadge();
    await reload();
  };
  // urgent incidents first (issue 10), each one card with its one what-to-do list; then the review;
  // then incidents to check, then alerts of no incident card
  const inCards = new Set(views.flatMap((v) => v.alerts.map((a) => a.id)));
  const urgentViews = views.filter((v) => v.urgent);
  const otherViews = views.filter((v) => !v.urgent);
  const otherAlerts = (alerts ?? []).filter((a) => !inCards.has(a.id));
  // an environment rejected in the review or the list, with no urgent card of its broker: its steps still show
  const todoFor = rejected
    .map((e) => e.broker)
    .filter((b, i, all) => all.indexOf(b) === i && !urgentViews.some((v) => v.incident.broker === b));
  const incidentCard = (v: IncidentView) => (
    <IncidentCard
      key={v.incident.id}
      view={v}
      lang={lang}
      focused={v.incident.id === focus || v.alerts.some((a) => a.id === focus)}
      onAnswer={onIncident}
      onRow={onRow}
    />
  );
  return (
    <main class="alerts">
      <h1>{t('alertsTitle')}</h1>
      {urgentViews.map(incidentCard)}
      {todoFor.map((b) => (
        <WhatToDoCard key={b} broker={b} />
      ))}
      {review.length ? (
        <EnvironmentReview environments={review} lang={lang} onAnswer={onReview} onDone={onReviewDone} />
      ) : null}
      {alerts === null ? (
        <p>{t('popupLoading')}</p>
      ) : alerts.length === 0 ? (
        <p data-field="none">{t('alertsNone')}</p>
      ) : null}
      {otherViews.map(incidentCard)}
      {otherAlerts.map((a) => (
        <AlertCard key={a.id} alert={a} lang={lang} focused={a.id === focus} onAnswer={onAnswer} />
      ))}
    </main>
  );
}
