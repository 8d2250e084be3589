// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { BROKERS } from '../utils/brokers';
import type { Alert } from '../utils/records/alert';
import { AlertCard } from './AlertCard';

const hostile = '<img src=x onerror="window.__pwned=1">';
const alert = (severity: Alert['severity'], status: Alert['status'] = 'open'): Alert => ({
  v: 1,
  id: 'alert_1',
  broker: 'sbi',
  kind: 'login',
  severity,
  status,
  anchorEventId: 'login_1',
  eventIds: ['login_1'],
  eventTimes: ['2025-04-10T03:12:00+09:00'],
  title: { code: 'detTitleNewCountry', params: { country: { code: '@country', params: { cc: 'CN' } } } },
  reasons: [
    {
      rule: 'new-country',
      severity,
      explanation: {
        seen: {
          code: 'detSeenLogin',
          params: {
            time: { code: '@time', params: { iso: '2025-04-10T03:12:00+09:00' } },
            device: hostile,
            network: hostile,
          },
        },
        compared: { code: 'detComparedNoHistory' },
        harmless: [{ code: 'detHarmlessTravel' }],
        todo: [{ code: 'detTodoChangePassword' }],
      },
    },
  ],
  incidentId: 'inc_1',
  createdAt: '2025-04-10T03:20:00+09:00',
  updatedAt: '2025-04-10T03:20:00+09:00',
});

function mount(a: Alert, onAnswer = vi.fn()) {
  const root = document.createElement('div');
  render(<AlertCard alert={a} lang="ja" onAnswer={onAnswer} />, root);
  return root;
}

describe('AlertCard', () => {
  it('explains the alert in Japanese and keeps page-derived text as text', () => {
    const root = mount(alert('medium'));
    expect(root.querySelector('h2')?.textContent).toContain('SBI証券');
    expect(root.textContent).toContain('見つかったこと');
    expect(root.querySelector('[data-field="seen"]')?.textContent).toContain(hostile);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.alert__times')?.textContent).toBe('2025/04/10 03:12 JST');
  });

  it('answers "this was me" and "not me"', () => {
    const onAnswer = vi.fn();
    const a = alert('medium');
    const root = mount(a, onAnswer);
    (root.querySelector('[data-answer="mine"]') as HTMLButtonElement).click();
    (root.querySelector('[data-answer="not-mine"]') as HTMLButtonElement).click();
    expect(onAnswer.mock.calls.map((c) => c[1])).toEqual(['mine', 'not-mine']);
  });

  it("shows the what-to-do card for high alerts, linking only to the broker's official domain", () => {
    expect(mount(alert('medium')).querySelector('.todo-card')).toBeNull();
    const root = mount(alert('high'));
    const card = root.querySelector('.todo-card')!;
    expect(card.textContent).toContain('#9110');
    const official = new Set(
      BROKERS.flatMap((b) => [b.officialUrls.home, b.officialUrls.support]).map((u) => new URL(u).hostname),
    );
    for (const a of Array.from(card.querySelectorAll('a'))) {
      const href = a.getAttribute('href')!;
      if (href.startsWith('evidence.html')) continue;
      expect(official.has(new URL(href).hostname)).toBe(true);
      expect(new URL(href).hostname.endsWith('sbisec.co.jp')).toBe(true);
    }
    expect(card.textContent).not.toMatch(/0120|\d{2,4}-\d{2,4}-\d{4}/);
  });

  it('shows the answer instead of the buttons once answered', () => {
    const root = mount({ ...alert('medium', 'mine'), answeredAt: '2025-04-10T04:00:00+09:00' });
    expect(root.querySelector('button')).toBeNull();
    expect(root.querySelector('[data-field="answer"]')?.textContent).toContain('2025/04/10 04:00 JST');
  });
});
