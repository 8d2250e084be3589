import { useLayoutEffect, useState } from 'preact/hooks';
import { brokerName } from '../../utils/brokers/labels';
import { formatJst } from '../../utils/brokers/shared/dates';
import {
  brokersInUse,
  countsPending,
  loadOverview,
  recount,
  withCounts,
  type Overview,
} from '../../utils/dashboard/overview';
import { t } from '../../utils/i18n';
import { DEFAULT_STALE_DAYS } from '../../utils/store/settings-read';
import { lastCheckedText, StatusLight } from '../StatusLight';
import { UrgentLine } from '../UrgentLine';
import type { SectionProps } from './types';

/** The calm first view: one light per broker, and the way to whatever needs a look. */
export function OverviewSection({ db, lang, go }: SectionProps) {
  const [overview, setOverview] = useState<Overview | null>(null);
  // a layout effect starts the reads right after the first render; useEffect would wait for the next frame
  useLayoutEffect(() => {
    // the counts are kept by the writes; a database from before them is counted once, after the first render
    loadOverview(db)
      .then((o) => {
        setOverview(o);
        if (countsPending(o)) return recount(db).then((c) => setOverview(withCounts(o, c)));
      })
      .catch(() =>
        setOverview((o) => o ?? { brokers: [], openAlerts: 0, unreviewed: 0, staleDays: DEFAULT_STALE_DAYS }),
      );
  }, []);
  if (!overview) return <p>{t('popupLoading')}</p>;
  return (
    <section aria-labelledby="overview-title" class="section">
      <h2 id="overview-title">{t('dashOverviewTitle')}</h2>
      {/* the incident first, as in the popup; its links open in this tab */}
      {overview.urgent ? <UrgentLine urgent={overview.urgent} lang={lang} onOpen={() => () => undefined} /> : null}
      <div class="cards">
        {brokersInUse(overview).length ? null : (
          <p class="muted" data-field="no-broker-yet">
            {t('popupNoBrokerYet')}
          </p>
        )}
        {brokersInUse(overview).map((o) => {
          const h = o.summary.health;
          return (
            <article
              key={o.broker}
              class={`card card--${o.status.light}`}
              data-broker={o.broker}
              aria-labelledby={`ov-${o.broker}`}
            >
              <h3 id={`ov-${o.broker}`}>{brokerName(o.broker, lang)}</h3>
              <StatusLight status={o.status} openAlerts={o.openAlerts} staleDays={overview.staleDays} />
              {o.enabled ? null : (
                <p class="muted" data-field="disabled">
                  {t('dashBrokerDisabled')}
                </p>
              )}
              <dl>
                <dt>{t('dashLastChecked')}</dt>
                <dd data-field="last-checked">{lastCheckedText(o.status)}</dd>
                <dt>{t('popupLastCapture')}</dt>
                <dd data-field="last-capture">
                  {h?.lastCaptureAt ? `${formatJst(h.lastCaptureAt)} JST` : t('popupNever')}
                </dd>
                <dt>{t('popupLoginRecords')}</dt>
                <dd data-field="logins" aria-busy={o.summary.countsPending ? 'true' : undefined}>
                  {String(o.summary.logins)}
                </dd>
                <dt>{t('popupOrderRecords')}</dt>
                <dd data-field="orders" aria-busy={o.summary.countsPending ? 'true' : undefined}>
                  {t('popupOrderCounts', [String(o.summary.orders ?? 0), String(o.summary.foreignOrders ?? 0)])}
                </dd>
                <dt>{t('dashSnapshots')}</dt>
                <dd data-field="snapshots" aria-busy={o.summary.countsPending ? 'true' : undefined}>
                  {String(o.summary.snapshots)}
                </dd>
              </dl>
              {h?.state === 'unreadable' && h.message ? (
                <p class="card__message" data-field="message">
                  {h.message}
                </p>
              ) : null}
              {o.openAlerts ? (
                <p>
                  <button type="button" class="primary" data-action="to-alerts" onClick={() => go('alerts')}>
                    {t('dashAnswerAlerts')}
                  </button>
                </p>
              ) : null}
            </article>
          );
        })}
      </div>
      {overview.unreviewed ? (
        <p class="notice" data-field="review-pending">
          <a href="alerts.html#review">{t('popupReviewPending')}</a>
        </p>
      ) : null}
      <nav class="actions" aria-label={t('dashToolsTitle')}>
        <h3>{t('dashToolsTitle')}</h3>
        <ul>
          <li>
            <a href="evidence.html" data-action="evidence">
              {t('dashEvidenceLink')}
            </a>{' '}
            <span class="muted">{t('dashEvidenceHelp')}</span>
          </li>
          <li>
            <a href="orders.html" data-action="import">
              {t('dashImportLink')}
            </a>{' '}
            <span class="muted">{t('dashImportHelp')}</span>
          </li>
          <li>
            <a href="onboarding.html" data-action="onboarding">
              {t('dashOnboardingLink')}
            </a>
          </li>
        </ul>
      </nav>
    </section>
  );
}
