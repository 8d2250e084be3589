import { formatJst } from '../utils/brokers/shared/dates';
import type { BrokerSummary } from '../utils/store/summary';
import type { StatusLight as Status } from '../utils/dashboard/status-light';
import { t } from '../utils/i18n';
import { StatusLight } from './StatusLight';

const HEALTH_KEYS: Record<string, string> = {
  readable: 'healthReadable',
  unreadable: 'healthUnreadable',
  'logged-out': 'healthLoggedOut',
  maintenance: 'healthMaintenance',
  unknown: 'healthUnknown',
};

function lastCheckText(summary: BrokerSummary): string {
  const h = summary.health;
  if (!h?.lastCheckAt || !h.lastCheckStatus) return t('popupNever');
  const when = `${formatJst(h.lastCheckAt)} JST`;
  if (h.lastCheckStatus === 'ok') return t('checkOk', when);
  // logged out is the normal end of a session, said neutrally
  if (h.lastCheckStatus === 'logged-out') return t('checkLoggedOut', when);
  return t('checkFailed', [when, h.lastCheckError ?? '']);
}

/** Everything here is rendered as text: page-derived strings never become HTML. */
export function BrokerStatusCard({
  summary,
  label,
  light,
  brief,
  saidAbove,
}: {
  summary: BrokerSummary;
  label: string;
  light?: { status: Status; openAlerts: number; staleDays: number };
  /** Only the state: the popup while an incident is shown above (it must fit in 600 px). */
  brief?: boolean;
  /** The light's reason is said once at the top of the page (review, alerts, incident): not again per broker. */
  saidAbove?: boolean;
}) {
  const state = summary.health?.state ?? 'unknown';
  return (
    <section
      class={`broker broker--${state}${light ? ` broker--light-${light.status.light}` : ''}`}
      data-broker={summary.broker}
      aria-label={label}
    >
      <h2>{label}</h2>
      {light ? (
        <StatusLight
          status={light.status}
          openAlerts={light.openAlerts}
          staleDays={light.staleDays}
          compact
          {...(brief || saidAbove ? { noReason: true } : {})}
        />
      ) : null}
      <dl>
        <dt>{t('popupHealth')}</dt>
        <dd data-field="health">{t(HEALTH_KEYS[state] ?? 'healthUnknown')}</dd>
        {brief ? null : (
          <>
            <dt>{t('popupLastCapture')}</dt>
            <dd data-field="last-capture">
              {summary.health?.lastCaptureAt ? `${formatJst(summary.health.lastCaptureAt)} JST` : t('popupNever')}
            </dd>
            <dt>{t('popupLoginRecords')}</dt>
            <dd data-field="logins" aria-busy={summary.countsPending ? 'true' : undefined}>
              {String(summary.logins)}
            </dd>
            {/* a check that did not read the page says why; an ordinary one is the last capture above */}
            {summary.health?.lastCheckStatus && summary.health.lastCheckStatus !== 'ok' ? (
              <>
                <dt>{t('popupLastCheck')}</dt>
                <dd data-field="last-check">{lastCheckText(summary)}</dd>
              </>
            ) : null}
          </>
        )}
        {summary.orders === undefined || brief ? null : (
          <>
            <dt>{t('popupOrderRecords')}</dt>
            <dd data-field="orders" aria-busy={summary.countsPending ? 'true' : undefined}>
              {t('popupOrderCounts', [String(summary.orders), String(summary.foreignOrders ?? 0)])}
            </dd>
          </>
        )}
      </dl>
      {state === 'unreadable' && summary.health?.message ? (
        <p class="broker__message" data-field="message">
          {summary.health.message}
        </p>
      ) : null}
    </section>
  );
}
