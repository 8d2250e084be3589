import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BrokerStatusCard } from '../../components/BrokerStatusCard';
import { PageReportOffer } from '../../components/PageReportOffer';
import { TeachButton } from '../../components/TeachButton';
import { UrgentLine } from '../../components/UrgentLine';
import { brokerName } from '../../utils/brokers/labels';
import { t, uiLang } from '../../utils/i18n';
import {
  brokersInUse,
  countsPending,
  loadOverview,
  overviewFrom,
  recount,
  withCounts,
  type Overview,
} from '../../utils/dashboard/overview';
import { peekOverview } from '../../utils/dashboard/overview-peek';
import { DEFAULT_STALE_DAYS } from '../../utils/store/settings-read';

export function Popup() {
  const [overview, setOverview] = useState<Overview | null>(null);
  // a layout effect starts the reads right after the first render; useEffect would wait for the next frame
  useLayoutEffect(() => {
    document.documentElement.lang = uiLang();
    document.title = t('extName');
    // Dexie (and its open) only after the first render: the lights come from plain IndexedDB (overview-peek.ts)
    const dexie = () => import('../../utils/store/db').then((m) => m.openDb());
    // the counts are kept by the writes; a database from before them is counted once, after the first render
    peekOverview()
      .then((reads) => (reads ? overviewFrom(reads) : dexie().then((db) => loadOverview(db))))
      .then((o) => {
        setOverview(o);
        if (!countsPending(o)) return;
        return dexie()
          .then((db) => recount(db))
          .then((c) => setOverview(withCounts(o, c)));
      })
      .catch(() =>
        setOverview((o) => o ?? { brokers: [], openAlerts: 0, unreviewed: 0, staleDays: DEFAULT_STALE_DAYS }),
      );
  }, []);
  const openAlerts = overview?.openAlerts ?? 0;
  const reviewPending = (overview?.unreviewed ?? 0) > 0;
  const open = (page: string) => (e: Event) => {
    e.preventDefault();
    void browser.tabs.create({ url: browser.runtime.getURL(page as '/alerts.html') });
    window.close();
  };
  const lang = uiLang();
  const urgent = overview?.urgent;
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      {/* the most urgent thing first: the incident, then the one-time review */}
      {urgent ? <UrgentLine urgent={urgent} lang={lang} onOpen={open} /> : null}
      {reviewPending ? (
        <p class="alerts-line alerts-line--open" data-field="review-pending">
          <a href="alerts.html#review" onClick={open('/alerts.html#review')}>
            {t('popupReviewPending')}
          </a>
        </p>
      ) : null}
      {urgent ? null : (
        <p class={`alerts-line${openAlerts ? ' alerts-line--open' : ''}`} data-field="open-alerts">
          <a href="alerts.html" onClick={open('/alerts.html')}>
            {openAlerts === 1
              ? t('popupOpenAlertsOne')
              : openAlerts
                ? t('popupOpenAlerts', String(openAlerts))
                : t('popupNoAlerts')}
          </a>
        </p>
      )}
      {overview === null ? (
        <p>{t('popupLoading')}</p>
      ) : !brokersInUse(overview).length ? (
        <p class="muted" data-field="no-broker-yet">
          {t('popupNoBrokerYet')}
        </p>
      ) : (
        brokersInUse(overview).map((o) => (
          <BrokerStatusCard
            key={o.broker}
            summary={o.summary}
            label={brokerName(o.broker, lang)}
            light={{ status: o.status, openAlerts: o.openAlerts, staleDays: overview.staleDays }}
            brief={!!urgent}
            saidAbove={['review', 'open-alerts', 'high-incident'].includes(o.status.reason)}
          />
        ))
      )}
      {overview ? <PageReportOffer brokers={brokersInUse(overview)} name={(b) => brokerName(b, lang)} /> : null}
      <nav class="popup-links">
        <a href="dashboard.html" onClick={open('/dashboard.html')} data-action="open-dashboard">
          {t('popupDashboardLink')}
        </a>
        <a href="orders.html" onClick={open('/orders.html')}>
          {t('popupOrdersLink')}
        </a>
        {urgent ? null : (
          <a href="evidence.html?export=now" onClick={open('/evidence.html?export=now')} data-action="export-evidence">
            {t('popupEvidenceLink')}
          </a>
        )}
      </nav>
      {/* after the fact (issue 10 item 3), beside the teach button so that 600 px still hold the popup;
          with an incident shown, its own buttons lead */}
      {urgent ? null : (
        <div class="popup-row">
          <TeachButton />
          <a href="after.html" onClick={open('/after.html')} data-action="after" class="popup-after">
            {t('popupAfterLink')}
          </a>
        </div>
      )}
      <p class="privacy" data-field="privacy">
        {t('popupPrivacy')}
      </p>
    </main>
  );
}
