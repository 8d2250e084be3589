import { useEffect, useState } from 'preact/hooks';
import { answerAlert, answerEvents, answerIncident, loadAlerts } from '../../utils/alerts/inbox';
import { incidentViews, type IncidentRow, type IncidentView } from '../../utils/alerts/incident-view';
import type { Alert } from '../../utils/records/alert';
import { t } from '../../utils/i18n';
import { AlertCard } from '../AlertCard';
import { IncidentCard } from '../IncidentCard';
import type { SectionProps } from './types';

/** The alerts inbox: the same cards and answers as the alerts page (one card per incident, then the rest). */
export function AlertsSection({ db, lang, background }: SectionProps) {
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [views, setViews] = useState<IncidentView[]>([]);
  const reload = async () => {
    const list = await loadAlerts(db).catch(() => [] as Alert[]);
    setViews(await incidentViews(db, list, lang).catch(() => []));
    setAlerts(list);
  };
  useEffect(() => void reload(), []);
  const after = async () => {
    await background.refreshBadge();
    await reload();
  };
  const onAnswer = async (alert: Alert, verdict: 'mine' | 'not-mine') => {
    await answerAlert(db, alert, verdict);
    await after();
  };
  const onIncident = async (view: IncidentView, verdict: 'mine' | 'not-mine') => {
    await answerIncident(db, view.incident.id, verdict);
    await after();
  };
  const onRow = async (view: IncidentView, row: IncidentRow, verdict: 'mine' | 'not-mine') => {
    await answerEvents(
      db,
      view.incident.broker,
      row.ids.map((id) => ({ id, at: row.at })),
      verdict,
    );
    await after();
  };
  const inCards = new Set(views.flatMap((v) => v.alerts.map((a) => a.id)));
  return (
    <section aria-labelledby="alerts-title" class="section">
      <h2 id="alerts-title">{t('alertsTitle')}</h2>
      <p class="muted">{t('dashAlertsHelp')}</p>
      {alerts === null ? (
        <p>{t('popupLoading')}</p>
      ) : alerts.length === 0 ? (
        <p data-field="none">{t('alertsNone')}</p>
      ) : null}
      {views.map((v) => (
        <IncidentCard key={v.incident.id} view={v} lang={lang} onAnswer={onIncident} onRow={onRow} />
      ))}
      {alerts
        ?.filter((a) => !inCards.has(a.id))
        .map((a) => (
          <AlertCard key={a.id} alert={a} lang={lang} onAnswer={(x, v) => void onAnswer(x, v)} />
        ))}
    </section>
  );
}
