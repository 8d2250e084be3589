import { formatJst } from '../utils/brokers/shared/dates';
import type { StatusLight as Status } from '../utils/dashboard/status-light';
import { t } from '../utils/i18n';

const LIGHT_KEYS = { green: 'lightGreen', amber: 'lightAmber', red: 'lightRed' } as const;
const REASON_KEYS = {
  'high-incident': 'lightReasonHighIncident',
  'open-alerts': 'lightReasonOpenAlerts',
  unreadable: 'lightReasonUnreadable',
  review: 'lightReasonReview',
  'never-checked': 'lightReasonNeverChecked',
  'not-checked': 'lightReasonNotChecked',
  ok: 'lightReasonOk',
} as const;

export function reasonText(status: Status, openAlerts: number, staleDays: number): string {
  if (status.reason === 'open-alerts')
    return openAlerts === 1 ? t('lightReasonOpenAlertsOne') : t(REASON_KEYS[status.reason], String(openAlerts));
  if (status.reason === 'not-checked') return t(REASON_KEYS[status.reason], String(staleDays));
  return t(REASON_KEYS[status.reason]);
}

/**
 * The traffic light: a coloured dot AND a word (colour is never the only
 * signal), then why, in one calm sentence.
 */
export function StatusLight({
  status,
  openAlerts,
  staleDays,
  compact,
  noReason,
}: {
  status: Status;
  openAlerts: number;
  staleDays: number;
  compact?: boolean;
  /** The reason is said elsewhere on the page (the popup's incident line). */
  noReason?: boolean;
}) {
  return (
    <div
      class={`light light--${status.light}${compact ? ' light--compact' : ''}`}
      data-light={status.light}
      data-reason={status.reason}
    >
      <span class="light__dot" aria-hidden="true" />
      <strong class="light__word">{t(LIGHT_KEYS[status.light])}</strong>
      {noReason ? null : <span class="light__reason">{reasonText(status, openAlerts, staleDays)}</span>}
    </div>
  );
}

export function lastCheckedText(status: Status): string {
  return status.lastOkAt ? `${formatJst(status.lastOkAt)} JST` : t('popupNever');
}
