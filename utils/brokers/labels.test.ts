import { describe, expect, it } from 'vitest';
import { BROKERS } from './index';
import { BROKER_IDS, BROKER_LABELS, brokerLabelOf, brokerName } from './labels';

describe('broker labels (the parser-free list the UI uses)', () => {
  it('names the same brokers as the registry, in the same order', () => {
    expect(BROKER_IDS).toEqual(BROKERS.map((b) => b.id));
  });

  it.each(BROKERS.map((b) => [b.id, b] as const))('%s: same label and official pages as its adapter', (id, adapter) => {
    expect(brokerLabelOf(id)).toEqual({ id: adapter.id, label: adapter.label, officialUrls: adapter.officialUrls });
    expect(BROKER_LABELS.find((b) => b.id === id)).toBe(brokerLabelOf(id));
  });

  it.each([
    ['rakuten', 'ja', '楽天証券'],
    ['sbi', 'en', 'SBI Securities'],
    ['monex', 'ja', 'マネックス証券'],
    ['exampleco', 'ja', 'exampleco'],
  ] as const)('brokerName(%s, %s) is %s', (id, lang, name) => {
    expect(brokerName(id, lang)).toBe(name);
  });
});
