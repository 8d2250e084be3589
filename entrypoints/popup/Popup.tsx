import { useEffect, useState } from 'preact/hooks';
import { BrokerStatusCard } from '../../components/BrokerStatusCard';
import { BROKERS } from '../../utils/brokers';
import { t, uiLang } from '../../utils/i18n';
import { openDb } from '../../utils/store/db';
import { brokerSummaries, type BrokerSummary } from '../../utils/store/summary';

export function Popup() {
  const [summaries, setSummaries] = useState<BrokerSummary[] | null>(null);
  useEffect(() => {
    document.documentElement.lang = uiLang();
    brokerSummaries(openDb()).then(setSummaries, () => setSummaries([]));
  }, []);
  const lang = uiLang();
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      {summaries === null ? (
        <p>{t('popupLoading')}</p>
      ) : (
        summaries.map((s) => {
          const b = BROKERS.find((x) => x.id === s.broker)!;
          return <BrokerStatusCard key={s.broker} summary={s} label={b.label[lang]} />;
        })
      )}
      <p class="privacy" data-field="privacy">{t('popupPrivacy')}</p>
    </main>
  );
}
