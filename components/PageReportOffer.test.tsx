// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { AdapterHealth } from '../utils/records';
import { PageReportOffer } from './PageReportOffer';

const health = (state: AdapterHealth['state'], snapshotId?: string): AdapterHealth => ({
  v: 1,
  broker: 'sbi',
  state,
  pageKind: 'executions',
  at: '2025-03-29T03:00:00+09:00',
  ...(snapshotId ? { snapshotId } : {}),
});

describe('PageReportOffer', () => {
  it.each([
    [[], 0],
    [[{ broker: 'sbi' as const, summary: { health: health('readable', 's1') } }], 0],
    [[{ broker: 'sbi' as const, summary: { health: health('unreadable') } }], 0],
    [[{ broker: 'sbi' as const, summary: { health: undefined } }], 0],
    [
      [
        { broker: 'sbi' as const, summary: { health: health('unreadable', 's1') } },
        { broker: 'rakuten' as const, summary: { health: health('logged-out', 's2') } },
      ],
      1,
    ],
  ])('offers a report for each broker whose last page was unreadable (%#)', (brokers, offers) => {
    const root = document.createElement('div');
    render(<PageReportOffer brokers={brokers} name={(b) => b} />, root);
    expect(root.querySelectorAll('[data-action="page-report"]').length).toBe(offers);
  });

  it("opens the report page for that broker's kept snapshot", () => {
    const root = document.createElement('div');
    const opened: string[] = [];
    render(
      <PageReportOffer
        brokers={[{ broker: 'sbi', summary: { health: health('unreadable', 'snap/1') } }]}
        name={() => 'SBI証券'}
        open={(id) => opened.push(id)}
      />,
      root,
    );
    (root.querySelector('[data-action="page-report"]') as HTMLElement).click();
    expect(opened).toEqual(['snap/1']);
    expect(root.querySelector('a')?.getAttribute('href')).toBe('report.html#snap%2F1');
  });
});
