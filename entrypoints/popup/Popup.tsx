import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BrokerStatusCard } from '../../components/BrokerStatusCard';
import { BROKERS } from '../../utils/brokers';
import { t, uiLang } from '../../utils/i18n';
import { openDb } from '../../utils/store/db';
import { unreviewedBaseline } from '../../utils/store/environments';
import { brokerSummaries, type BrokerSummary } from '../../utils/store/summary';

export function Popup() {
  const [summaries, setSummaries] = useState<BrokerSummary[] | null>(null);
  const [openAlerts, setOpenAlerts] = useState(0);
  const [reviewPending, setReviewPending] = useState(false);
  useEffect(() => {
    document.documentElement.lang = uiLang();
    const db = openDb();
    brokerSummaries(db).then(setSummaries, () => setSummaries([]));
    db.alerts.where('status').equals('open').filter((a) => a.severity !== 'info').count().then(setOpenAlerts, () => undefined);
    unreviewedBaseline(db).then((e) => setReviewPending(e.length > 0), () => undefined);
  }, []);
  const open = (page: string) => (e: Event) => {
    e.preventDefault();
    void browser.tabs.create({ url: browser.runtime.getURL(page as '/alerts.html') });
    window.close();
  };
  const lang = uiLang();
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      {reviewPending ? (
        <p class="alerts-line alerts-line--open" data-field="review-pending">
          <a href="alerts.html#review" onClick={open('/alerts.html#review')}>{t('popupReviewPending')}</a>
        </p>
      ) : null}
      <p class={`alerts-line${openAlerts ? ' alerts-line--open' : ''}`} data-field="open-alerts">
        <a href="alerts.html" onClick={open('/alerts.html')}>{openAlerts ? t('popupOpenAlerts', String(openAlerts)) : t('popupNoAlerts')}</a>
      </p>
      {summaries === null ? (
        <p>{t('popupLoading')}</p>
      ) : (
        summaries.map((s) => {
          const b = BROKERS.find((x) => x.id === s.broker)!;
          return <BrokerStatusCard key={s.broker} summary={s} label={b.label[lang]} />;
        })
      )}
      <nav class="popup-links">
        <a href="orders.html" onClick={open('/orders.html')}>{t('popupOrdersLink')}</a>
        <a href="evidence.html?export=now" onClick={open('/evidence.html?export=now')} data-action="export-evidence">{t('popupEvidenceLink')}</a>
      </nav>
      <p class="privacy" data-field="privacy">{t('popupPrivacy')}</p>
    </main>
  );
}
