// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { TimelineFilter, TimelineItem, TimelinePage } from '../../utils/dashboard/timeline';
import { KabuGuardDB } from '../../utils/store/db';
import type { SectionProps } from './types';
import { until } from '../../tests/support/until';

// Each read of the timeline waits until the test lets it finish, so the order in which reads end can be chosen.
const reads: { filter: TimelineFilter; finish: (page: TimelinePage) => void }[] = [];
vi.mock('../../utils/dashboard/timeline', async (actual) => ({
  ...(await actual<typeof import('../../utils/dashboard/timeline')>()),
  loadTimelinePage: (_db: unknown, filter: TimelineFilter) =>
    new Promise<TimelinePage>((finish) => reads.push({ filter, finish })),
}));
const { TimelineSection } = await import('./TimelineSection');

const order = (id: string, broker: 'rakuten' | 'sbi'): TimelineItem => ({
  kind: 'order',
  id,
  broker,
  at: '2026-11-20T10:00:00+09:00',
  event: {
    id,
    broker,
    side: 'sell',
    status: 'executed',
    symbol: '7203',
    quantity: 100,
    at: '2026-11-20T10:00:00+09:00',
    snapshotIds: ['s'],
  } as never,
});

describe('TimelineSection', () => {
  it('shows the rows of the newest filter even when an older read finishes after it', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const props = { db: new KabuGuardDB(`test-${Math.random()}`), lang: 'ja' } as SectionProps;
    render(<TimelineSection {...props} />, root);
    await until(() => reads.length === 1);
    reads[0]!.finish({ items: [order('all-1', 'rakuten'), order('all-2', 'sbi')] });
    await until(() => root.querySelectorAll('tbody tr').length === 2);

    const select = root.querySelector('select[name="broker"]') as HTMLSelectElement;
    select.value = 'sbi';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => reads.length === 2);
    select.value = 'rakuten';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => reads.length === 3);
    expect(reads.map((r) => r.filter.brokers)).toEqual([
      expect.arrayContaining(['rakuten', 'sbi']),
      ['sbi'],
      ['rakuten'],
    ]);

    // the Rakuten read (the newest) ends first, then the SBI read it replaced
    reads[2]!.finish({ items: [order('rakuten-1', 'rakuten')] });
    await until(() => root.querySelector('tbody tr[data-event-id="rakuten-1"]'));
    reads[1]!.finish({ items: [order('sbi-1', 'sbi')] });
    await new Promise((r) => setTimeout(r, 50));
    expect([...root.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-event-id'))).toEqual(['rakuten-1']);
  });
});
