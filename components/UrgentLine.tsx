import { brokerName } from '../utils/brokers/labels';
import { formatJst } from '../utils/brokers/shared/dates';
import { isUrgent, type UrgentIncident } from '../utils/dashboard/urgent';
import type { BrokerId } from '../utils/brokers/types';
import { t } from '../utils/i18n';
import { WhatToDoCard } from './WhatToDoCard';

const KIND_KEYS = { login: 'popupKindLogin', orders: 'popupKindOrders', account: 'popupKindAccount' } as const;

/** `11/29 10:17`; the date again only when the incident spans days. */
function span(from: string, to: string): [string, string] {
  const a = formatJst(from);
  const b = formatJst(to);
  if (a === b) return [a.slice(5), ''];
  return [a.slice(5), a.slice(0, 10) === b.slice(0, 10) ? b.slice(11) : b.slice(5)];
}

/** 「楽天証券で 11/29 10:17〜10:20 に、自分ではない可能性が高いログインと取引がありました。」 */
export function urgentSentence(u: UrgentIncident, lang: 'ja' | 'en'): string {
  const kinds = u.kinds.map((k) => t(KIND_KEYS[k]));
  let what = t('popupKindAny');
  if (kinds.length) {
    try {
      what = new Intl.ListFormat(lang, { type: 'conjunction' }).format(kinds);
    } catch {
      what = kinds.join(lang === 'ja' ? '・' : ', ');
    }
  }
  const [from, to] = span(u.from, u.to);
  const key = u.confirmed ? 'popupConfirmedWhat' : 'popupUrgentWhat';
  return t(
    to ? key : `${key}At`,
    [brokerName(u.broker, lang), from, to, what].filter((x, i) => to || i !== 2),
  );
}

/**
 * The first thing the popup says when something happened: what, when, and
 * the one thing to do (export the evidence of that incident), then the answer.
 */
export function UrgentLine({
  urgent,
  lang,
  onOpen,
}: {
  urgent: UrgentIncident;
  lang: 'ja' | 'en';
  onOpen(page: string): (e: Event) => void;
}) {
  const red = isUrgent(urgent);
  const evidence = `/evidence.html?incident=${encodeURIComponent(urgent.id)}&export=now`;
  const alerts = `/alerts.html${urgent.firstOpenAlertId ? `#${encodeURIComponent(urgent.firstOpenAlertId)}` : ''}`;
  return (
    <section
      class={`urgent urgent--${red ? 'red' : 'amber'}`}
      data-field="urgent"
      data-incident={urgent.id}
      aria-labelledby="urgent-title"
    >
      <h2 id="urgent-title" class="urgent__title">
        <span class="urgent__dot" aria-hidden="true" />
        {t(red ? 'popupUrgentTitle' : 'popupCheckTitle')}
      </h2>
      <p class="urgent__what" data-field="urgent-what">
        {urgentSentence(urgent, lang)}
      </p>
      {urgent.unanswered ? (
        <p class="urgent__waiting">
          {urgent.unanswered === 1 ? t('popupUnansweredOne') : t('popupUnansweredOther', String(urgent.unanswered))}
        </p>
      ) : null}
      <div class="urgent__actions">
        <a
          class="button button--primary"
          href={evidence.slice(1)}
          onClick={onOpen(evidence)}
          data-action="export-evidence"
        >
          {t('popupExportIncident')}
        </a>
        <a class="button" href={alerts.slice(1)} onClick={onOpen(alerts)} data-action="answer-alerts">
          {t('popupAnswerAlerts')}
        </a>
      </div>
      {red ? <WhatToDoCard broker={urgent.broker as BrokerId} incidentId={urgent.id} folded /> : null}
    </section>
  );
}
