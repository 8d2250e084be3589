// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { BrokerStatusCard } from './BrokerStatusCard';

describe('BrokerStatusCard', () => {
  it('shows counts, JST times and renders page-derived text as text', () => {
    const root = document.createElement('div');
    const hostile = '<img src=x onerror="window.__pwned=1">';
    render(
      <BrokerStatusCard
        label="楽天証券"
        summary={{
          broker: 'rakuten',
          logins: 12,
          orders: 3,
          foreignOrders: 1,
          lastOrderCaptureAt: undefined,
          snapshots: 3,
          lastLoginAt: '2025-03-29T02:41:00+09:00',
          health: {
            v: 1,
            broker: 'rakuten',
            state: 'unreadable',
            pageKind: 'login-history',
            at: '2025-03-29T03:00:00+09:00',
            lastCaptureAt: '2025-03-28T18:00:00Z',
            message: hostile,
          },
        }}
      />,
      root,
    );
    expect(root.querySelector('[data-field="logins"]')?.textContent).toBe('12');
    expect(root.querySelector('[data-field="last-capture"]')?.textContent).toBe('2025/03/29 03:00 JST');
    expect(root.querySelector('[data-field="message"]')?.textContent).toBe(hostile);
    expect(root.querySelector('img')).toBeNull();
  });
});

describe('BrokerStatusCard labels', () => {
  it('speaks Japanese by default', () => {
    const root = document.createElement('div');
    render(
      <BrokerStatusCard
        label="SBI証券"
        summary={{
          broker: 'sbi',
          logins: 0,
          orders: 0,
          foreignOrders: 0,
          lastOrderCaptureAt: undefined,
          snapshots: 0,
          lastLoginAt: undefined,
          health: undefined,
        }}
      />,
      root,
    );
    expect(root.textContent).toContain('ログイン記録');
    expect(root.querySelector('[data-field="last-capture"]')?.textContent).toBe('まだありません');
  });
});
