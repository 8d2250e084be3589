import { useState } from 'preact/hooks';
import type { IncidentRow, IncidentView } from '../utils/alerts/incident-view';
import { brokerName } from '../utils/brokers/labels';
import { formatJst } from '../utils/brokers/shared/dates';
import { alertTitle, renderExplanation, type Lang } from '../utils/detect/explain';
import { t } from '../utils/i18n';
import { IncidentSummary } from './IncidentSummary';
import { WhatToDoCard } from './WhatToDoCard';

export interface IncidentCardProps {
  view: IncidentView;
  lang: Lang;
  focused?: boolean;
  /** The one answer for the whole incident. */
  onAnswer(view: IncidentView, verdict: 'mine' | 'not-mine'): Promise<void> | void;
  /** One row told otherwise than the incident. */
  onRow(view: IncidentView, row: IncidentRow, verdict: 'mine' | 'not-mine'): Promise<void> | void;
}

const SEVERITY_KEYS = {
  info: 'severityInfo',
  low: 'severityLow',
  medium: 'severityMedium',
  high: 'severityHigh',
} as const;

/**
 * One incident, one card (issue 10): the story in one sentence, the compact
 * table of its logins, orders and account changes, one answer for all of it
 * (each row can still be told otherwise), then the one what-to-do list. Why
 * each alert was raised stays one click away, under the table.
 */
export function IncidentCard({ view, lang, focused, onAnswer, onRow }: IncidentCardProps) {
  const [busy, setBusy] = useState(false);
  const { incident, alerts } = view;
  const headingId = `incident-${incident.id}-title`;
  const severity = view.urgent ? 'high' : incident.severity;
  const run = async (f: () => Promise<void> | void) => {
    setBusy(true);
    try {
      await f();
    } finally {
      setBusy(false);
    }
  };
  // the table's times where it has them: a trade the page dated only (取引履歴) puts the incident at 00:00
  const timed = view.rows.filter((r) => r.standing !== 'mine').map((r) => r.at);
  const from = formatJst(timed[0] ?? incident.firstEventAt);
  const to = formatJst(timed.at(-1) ?? incident.lastEventAt);
  return (
    <article
      class={`alert incident alert--${severity}${focused ? ' alert--focused' : ''}`}
      data-incident-id={incident.id}
      data-alert-ids={alerts.map((a) => a.id).join(' ')}
      data-severity={severity}
      data-answer-state={view.answer}
      aria-labelledby={headingId}
      aria-busy={busy}
      tabIndex={-1}
    >
      <header>
        <span class="alert__severity">
          {t(view.answer === 'not-mine' ? 'incidentConfirmed' : SEVERITY_KEYS[incident.severity])}
        </span>
        <h2 id={headingId}>
          {t(view.urgent ? 'incidentTitleUrgent' : 'incidentTitle', brokerName(incident.broker, lang))}
        </h2>
        <p class="alert__times">
          {from === to ? `${from} JST` : `${from} 〜 ${from.slice(0, 10) === to.slice(0, 10) ? to.slice(11) : to} JST`}
        </p>
      </header>
      {view.story ? (
        <IncidentSummary
          story={view.story}
          rows={view.rows}
          busy={busy}
          onRow={(row, verdict) => void run(() => onRow(view, row, verdict))}
        />
      ) : (
        <p data-field="story">{alerts.map((a) => alertTitle(a, lang)).join(' / ')}</p>
      )}
      <footer class="alert__answers incident__answer" data-field="incident-answer">
        {view.answer === 'open' ? (
          <>
            <p class="incident__question">{t('incidentQuestion')}</p>
            <div class="incident__buttons">
              <button
                type="button"
                data-answer="not-mine"
                class="danger"
                disabled={busy}
                onClick={() => void run(() => onAnswer(view, 'not-mine'))}
              >
                {t('incidentAnswerNotMine')}
              </button>
              <button
                type="button"
                data-answer="mine"
                disabled={busy}
                onClick={() => void run(() => onAnswer(view, 'mine'))}
              >
                {t('incidentAnswerMine')}
              </button>
            </div>
          </>
        ) : (
          <p data-field="answer">
            {t(view.answer === 'mine' ? 'incidentAnsweredMine' : 'incidentAnsweredNotMine', answeredAt(view))}
          </p>
        )}
      </footer>
      {view.urgent || view.answer === 'not-mine' ? (
        <WhatToDoCard broker={incident.broker} incidentId={incident.id} />
      ) : null}
      <details class="incident__why">
        <summary>{alerts.length === 1 ? t('incidentWhyOne') : t('incidentWhyOther', String(alerts.length))}</summary>
        <ul>
          {alerts.map((a) => {
            const top = renderExplanation(a.reasons[0]!.explanation, lang);
            return (
              <li key={a.id} data-alert-id={a.id} data-severity={a.severity}>
                <strong>{alertTitle(a, lang)}</strong>
                <span>
                  {lang === 'ja' ? `（${t(SEVERITY_KEYS[a.severity])}）` : ` (${t(SEVERITY_KEYS[a.severity])})`}
                </span>
                <p>{top.seen}</p>
                <p class="incident__compared">{top.compared}</p>
              </li>
            );
          })}
        </ul>
      </details>
    </article>
  );
}

function answeredAt(view: IncidentView): string {
  const at = view.alerts
    .map((a) => a.answeredAt)
    .filter((x): x is string => !!x)
    .sort()
    .at(-1);
  return at ? `${formatJst(at)} JST` : '';
}
