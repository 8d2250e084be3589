import { useEffect, useState } from 'preact/hooks';
import { answerAlert, loadAlerts } from '../../utils/alerts/inbox';
import type { Alert } from '../../utils/records/alert';
import { t } from '../../utils/i18n';
import { AlertCard } from '../AlertCard';
import type { SectionProps } from './types';

/** The alerts inbox: the same cards and answers as the alerts page (utils/alerts/inbox.ts). */
export function AlertsSection({ db, lang, background }: SectionProps) {
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const reload = () => loadAlerts(db).then(setAlerts, () => setAlerts([]));
  useEffect(() => void reload(), []);
  const onAnswer = async (alert: Alert, verdict: 'mine' | 'not-mine') => {
    await answerAlert(db, alert, verdict);
    await background.refreshBadge();
    await reload();
  };
  return (
    <section aria-labelledby="alerts-title" class="section">
      <h2 id="alerts-title">{t('alertsTitle')}</h2>
      <p class="muted">{t('dashAlertsHelp')}</p>
      {alerts === null ? (
        <p>{t('popupLoading')}</p>
      ) : alerts.length === 0 ? (
        <p data-field="none">{t('alertsNone')}</p>
      ) : null}
      {alerts?.map((a) => (
        <AlertCard key={a.id} alert={a} lang={lang} onAnswer={(x, v) => void onAnswer(x, v)} />
      ))}
    </section>
  );
}
