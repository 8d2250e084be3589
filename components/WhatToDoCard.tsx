import { brokerLabelOf } from '../utils/brokers/labels';
import type { BrokerId } from '../utils/brokers/types';
import { t } from '../utils/i18n';

/**
 * The "what to do now" card of a high alert. Links come only from the
 * adapter's officialUrls, which ship with the extension; no phone number is
 * shown (the broker's own site lists its official number).
 */
export function WhatToDoCard({ broker, incidentId }: { broker: BrokerId; incidentId: string }) {
  const adapter = brokerLabelOf(broker)!;
  const evidence = `evidence.html?incident=${encodeURIComponent(incidentId)}`;
  return (
    <aside class="todo-card" aria-label={t('todoCardTitle')}>
      <h3>{t('todoCardTitle')}</h3>
      <ol>
        <li>
          {t('todoCardPassword')}{' '}
          <a href={adapter.officialUrls.home} target="_blank" rel="noopener noreferrer">
            {adapter.officialUrls.home}
          </a>
        </li>
        <li>
          {t('todoCardCallBroker')}{' '}
          <a href={adapter.officialUrls.support} target="_blank" rel="noopener noreferrer">
            {adapter.officialUrls.support}
          </a>
        </li>
        <li>{t('todoCardLock')}</li>
        <li>
          <a href={evidence} data-action="export-evidence">
            {t('todoCardEvidence')}
          </a>
        </li>
        <li>{t('todoCardPolice')}</li>
      </ol>
    </aside>
  );
}
