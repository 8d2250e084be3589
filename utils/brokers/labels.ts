// What the popup and the dashboard need to name a broker: id, label, official
// pages. No parsers and no zod, so a page that only shows names does not load
// the readers (issue 6: the popup's first render). The adapters stay the
// source of truth; labels.test.ts keeps this list in step with BROKERS.

import type { BrokerAdapter, BrokerId } from './types';

export type BrokerLabel = Pick<BrokerAdapter, 'id' | 'label' | 'officialUrls'>;

/** Same brokers, same order as the registry (utils/brokers/index.ts). */
export const BROKER_LABELS: readonly BrokerLabel[] = [
  {
    id: 'rakuten',
    label: { ja: '楽天証券', en: 'Rakuten Securities' },
    officialUrls: { home: 'https://www.rakuten-sec.co.jp/', support: 'https://www.rakuten-sec.co.jp/web/support/' },
  },
  {
    id: 'sbi',
    label: { ja: 'SBI証券', en: 'SBI Securities' },
    officialUrls: {
      home: 'https://www.sbisec.co.jp/',
      support: 'https://www.sbisec.co.jp/ETGate/?_ControlID=WPLEThmR001Control&_PageID=DefaultPID&_ActionID=DefaultAID',
    },
  },
];

export const BROKER_IDS: readonly BrokerId[] = BROKER_LABELS.map((b) => b.id);

export function brokerLabelOf(id: string): BrokerLabel | undefined {
  return BROKER_LABELS.find((b) => b.id === id);
}

/** The broker's name in the UI language; an unknown id is shown as it is. */
export function brokerName(id: string, lang: 'ja' | 'en'): string {
  return brokerLabelOf(id)?.label[lang] ?? id;
}
