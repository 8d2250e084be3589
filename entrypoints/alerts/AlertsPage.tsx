import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AlertCard } from '../../components/AlertCard';
import { EnvironmentReview } from '../../components/EnvironmentReview';
import { WhatToDoCard } from '../../components/WhatToDoCard';
import type { Environment } from '../../utils/records/environment';
import { pendingReview, reviewEnvironment } from '../../utils/dashboard/environments';
import { answerAlert, loadAlerts, REFRESH_BADGE_MESSAGE } from '../../utils/alerts/inbox';
import { t, uiLang } from '../../utils/i18n';
import type { Alert } from '../../utils/records/alert';
import { openDb, type KabuGuardDB } from '../../utils/store/db';

export function AlertsPage({ db = openDb() }: { db?: KabuGuardDB }) {
  const lang = uiLang();
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [review, setReview] = useState<Environment[]>([]);
  const [rejected, setRejected] = useState<Environment[]>([]);
  const focus = decodeURIComponent(location.hash.slice(1));
  const reload = async () => {
    await loadAlerts(db).then(setAlerts, () => setAlerts([]));
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
    // opened for one alert (popup, notification): keyboard focus starts on it, not at the top
    const card = focus ? document.querySelector<HTMLElement>(`[data-alert-id="${CSS.escape(focus)}"]`) : null;
    card?.scrollIntoView();
    card?.focus();
  }, [alerts]);
  const onReview = async (env: Environment, verdict: 'mine' | 'not-mine') => {
    await reviewEnvironment(db, env.id, verdict);
    setReview((await db.environments.bulkGet(review.map((e) => e.id))).filter((e): e is Environment => !!e));
    setRejected(await db.environments.where('status').equals('rejected').toArray());
    await loadAlerts(db).then(setAlerts, () => setAlerts([]));
    await browser.runtime.sendMessage(REFRESH_BADGE_MESSAGE).catch(() => undefined);
  };
  const onReviewDone = async () => {
    for (const e of await pendingReview(db)) await reviewEnvironment(db, e.id, 'seen');
    setReview([]);
  };
  const onAnswer = async (alert: Alert, verdict: 'mine' | 'not-mine') => {
    await answerAlert(db, alert, verdict);
    await browser.runtime.sendMessage(REFRESH_BADGE_MESSAGE).catch(() => undefined);
    await reload();
  };
  // urgent first (issue 10): what to do, once per broker, then the urgent cards, then the review, then the rest
  const isUrgentAlert = (a: Alert) => a.status === 'not-mine' || (a.status === 'open' && a.severity === 'high');
  const urgentAlerts = (alerts ?? []).filter(isUrgentAlert);
  const otherAlerts = (alerts ?? []).filter((a) => !isUrgentAlert(a));
  const todoFor = [...urgentAlerts.map((a) => a.broker), ...rejected.map((e) => e.broker)].filter(
    (b, i, all) => all.indexOf(b) === i,
  );
  const card = (a: Alert) => (
    <AlertCard key={a.id} alert={a} lang={lang} focused={a.id === focus} todo={false} onAnswer={onAnswer} />
  );
  return (
    <main class="alerts">
      <h1>{t('alertsTitle')}</h1>
      {todoFor.map((b) => (
        <WhatToDoCard key={b} broker={b} incidentId={urgentAlerts.find((a) => a.broker === b)?.incidentId ?? ''} />
      ))}
      {urgentAlerts.map(card)}
      {review.length ? (
        <EnvironmentReview environments={review} lang={lang} onAnswer={onReview} onDone={onReviewDone} />
      ) : null}
      {alerts === null ? (
        <p>{t('popupLoading')}</p>
      ) : alerts.length === 0 ? (
        <p data-field="none">{t('alertsNone')}</p>
      ) : null}
      {otherAlerts.map(card)}
    </main>
  );
}
