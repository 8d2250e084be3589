import { BROKER_LABELS } from '../utils/brokers/labels';
import { formatJst } from '../utils/brokers/shared/dates';
import { alertTitle, renderExplanation, type Lang } from '../utils/detect/explain';
import type { Alert } from '../utils/records/alert';
import { t } from '../utils/i18n';
import { WhatToDoCard } from './WhatToDoCard';

export interface AlertCardProps {
  alert: Alert;
  lang: Lang;
  focused?: boolean;
  /** False where the page shows the what-to-do list once above the cards (the alerts page). */
  todo?: boolean;
  onAnswer(alert: Alert, verdict: 'mine' | 'not-mine'): void;
}

const SEVERITY_KEYS = {
  info: 'severityInfo',
  low: 'severityLow',
  medium: 'severityMedium',
  high: 'severityHigh',
} as const;

/**
 * One alert, explained: what was seen, what it was compared with, harmless
 * explanations, what to do now, and the two answers. All text is rendered as
 * text (Preact escapes it); nothing from a broker page becomes markup.
 */
export function AlertCard({ alert, lang, focused, todo = true, onAnswer }: AlertCardProps) {
  const broker = BROKER_LABELS.find((b) => b.id === alert.broker)!;
  const reasons = alert.reasons.map((r) => ({ rule: r.rule, ...renderExplanation(r.explanation, lang) }));
  const headingId = `alert-${alert.id}-title`;
  // one list of steps per card: the shared what-to-do list when it is urgent or answered
  // "not me" (utils/what-to-do.ts); the rule's own advice only for the calmer ones
  const urgent = alert.severity === 'high' || alert.status === 'not-mine';
  return (
    <article
      class={`alert alert--${alert.severity}${focused ? ' alert--focused' : ''}`}
      data-alert-id={alert.id}
      data-severity={alert.severity}
      aria-labelledby={headingId}
      tabIndex={focused ? -1 : undefined}
    >
      <header>
        <span class="alert__severity">{t(SEVERITY_KEYS[alert.severity])}</span>
        <h2 id={headingId}>{`${broker.label[lang]}: ${alertTitle(alert, lang)}`}</h2>
        <p class="alert__times">{alert.eventTimes.map((x) => `${formatJst(x)} JST`).join(' / ')}</p>
      </header>
      {reasons.map((r) => (
        <section class="alert__reason" data-rule={r.rule} key={r.rule}>
          <h3>{t('alertSeen')}</h3>
          <p data-field="seen">{r.seen}</p>
          <h3>{t('alertCompared')}</h3>
          <p data-field="compared">{r.compared}</p>
          {r.harmless.length ? (
            <>
              <h3>{t('alertHarmless')}</h3>
              <ul>
                {r.harmless.map((h) => (
                  <li key={h}>{h}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
      {urgent ? (
        todo ? (
          <WhatToDoCard broker={alert.broker} incidentId={alert.incidentId} />
        ) : null
      ) : (
        <section class="alert__todo">
          <h3>{t('alertTodo')}</h3>
          <ol>
            {reasons[0]!.todo.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ol>
        </section>
      )}
      <footer class="alert__answers">
        {alert.status === 'open' ? (
          <>
            <button type="button" data-answer="mine" onClick={() => onAnswer(alert, 'mine')}>
              {t('alertAnswerMine')}
            </button>
            <button type="button" data-answer="not-mine" class="danger" onClick={() => onAnswer(alert, 'not-mine')}>
              {t('alertAnswerNotMine')}
            </button>
          </>
        ) : (
          <p data-field="answer">
            {t(
              alert.status === 'mine' ? 'alertAnsweredMine' : 'alertAnsweredNotMine',
              alert.answeredAt ? `${formatJst(alert.answeredAt)} JST` : '',
            )}
          </p>
        )}
      </footer>
    </article>
  );
}
