import { brokerName } from '../utils/brokers/labels';
import type { BrokerId } from '../utils/brokers/types';
import { t, uiLang } from '../utils/i18n';
import { whatToDo } from '../utils/what-to-do';

/**
 * "Do this now": the one list of steps (utils/what-to-do.ts), most urgent
 * first. Links come only from the adapter's officialUrls, which ship with the
 * extension; no phone number is shown (the broker's own site lists it).
 */
export function WhatToDoCard({ broker, incidentId }: { broker: BrokerId; incidentId?: string }) {
  const evidence = `evidence.html${incidentId ? `?incident=${encodeURIComponent(incidentId)}` : ''}`;
  const headingId = `todo-${broker}-${incidentId ?? 'all'}`;
  return (
    <aside class="todo-card" aria-labelledby={headingId} data-broker={broker}>
      <h3 id={headingId}>{t('todoCardTitleFor', brokerName(broker, uiLang()))}</h3>
      <ol>
        {whatToDo(broker, evidence).map((s) => (
          <li key={s.id} data-step={s.id}>
            {s.link === 'evidence' ? (
              <a href={s.url} data-action="export-evidence">
                {t(s.key)}
              </a>
            ) : (
              <>
                {t(s.key)}
                {s.url ? (
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
    </aside>
  );
}
