import { brokerName } from '../utils/brokers/labels';
import type { BrokerId } from '../utils/brokers/types';
import { t, uiLang } from '../utils/i18n';
import { whatToDo } from '../utils/what-to-do';

/**
 * "Do this now": the one list of steps (utils/what-to-do.ts), most urgent
 * first. Links come only from the adapter's officialUrls, which ship with the
 * extension; no phone number is shown (the broker's own site lists it).
 */
export function WhatToDoCard({
  broker,
  incidentId,
  folded,
}: {
  broker: BrokerId;
  incidentId?: string;
  /** Folded under its title (the popup, where 600 px must hold the incident first). */
  folded?: boolean;
}) {
  const evidence = `evidence.html${incidentId ? `?incident=${encodeURIComponent(incidentId)}` : ''}`;
  const headingId = `todo-${broker}-${incidentId ?? 'all'}`;
  const steps = (
    <ol>
      {whatToDo(broker, evidence).map((s) => (
        <li key={s.id} data-step={s.id}>
          {/* folded (the popup): its own primary button exports, so the step is words only */}
          {s.link === 'evidence' && !folded ? (
            <a href={s.url} data-action="export-evidence">
              {t(s.key)}
            </a>
          ) : (
            <>
              {t(s.key)}
              {s.url && s.link !== 'evidence' ? (
                <>
                  {' '}
                  <a href={s.url} target="_blank" rel="noopener noreferrer">
                    {s.url}
                  </a>
                </>
              ) : null}
            </>
          )}
        </li>
      ))}
    </ol>
  );
  const title = t('todoCardTitleFor', brokerName(broker, uiLang()));
  if (folded)
    return (
      <details class="todo-card todo-card--folded" data-broker={broker}>
        <summary>{title}</summary>
        {steps}
      </details>
    );
  return (
    <aside class="todo-card" aria-labelledby={headingId} data-broker={broker}>
      <h3 id={headingId}>{title}</h3>
      {steps}
    </aside>
  );
}
