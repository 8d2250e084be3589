// What the popup and the dashboard need to name a broker: id, label, official
// pages, derived from the declarations (registry.ts). No parsers and no zod, so
// a page that only shows names does not load the readers (issue 6: the popup's
// first render).

import { DECLARATIONS, type BrokerId } from './registry';

export interface BrokerLabel {
  id: BrokerId;
  label: { ja: string; en: string };
  officialUrls: { home: string; support: string };
}

/** Same brokers, same order as the registry. */
export const BROKER_LABELS: readonly BrokerLabel[] = DECLARATIONS.map((d) => ({
  id: d.id,
  label: d.label,
  officialUrls: d.officialUrls,
}));

export { BROKER_IDS } from './registry';

export function brokerLabelOf(id: string): BrokerLabel | undefined {
  return BROKER_LABELS.find((b) => b.id === id);
}

/** The broker's name in the UI language; an unknown id is shown as it is. */
export function brokerName(id: string, lang: 'ja' | 'en'): string {
  return brokerLabelOf(id)?.label[lang] ?? id;
}
