// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { mostUrgent } from '../utils/dashboard/urgent';
import type { Alert } from '../utils/records/alert';
import type { Incident } from '../utils/records/incident';
import { UrgentLine, urgentSentence } from './UrgentLine';

const incident = (id: string, severity: Incident['severity'], status: Incident['status'], last: string): Incident => ({
  v: 1,
  id,
  broker: 'rakuten',
  severity,
  status,
  alertIds: [`${id}-a1`, `${id}-a2`],
  firstEventAt: '2025-11-29T10:17:55+09:00',
  lastEventAt: last,
  createdAt: last,
  updatedAt: last,
});
const alert = (id: string, incidentId: string, kind: Alert['kind'], at: string): Alert =>
  ({ id, incidentId, kind, status: 'open', eventTimes: [at], broker: 'rakuten', severity: 'high' }) as Alert;

describe('the most urgent incident', () => {
  it.each([
    // [incidents, expected id]
    [
      [
        incident('m', 'medium', 'open', '2025-11-30T09:00:00+09:00'),
        incident('h', 'high', 'open', '2025-11-29T10:20:00+09:00'),
      ],
      'h',
    ],
    [
      [
        incident('h', 'high', 'open', '2025-11-29T10:20:00+09:00'),
        // "not me" makes an incident high and confirmed (utils/records/incident.ts): it goes first
        incident('c', 'high', 'confirmed', '2025-11-28T10:00:00+09:00'),
      ],
      'c',
    ],
    [
      [
        incident('old', 'high', 'open', '2025-11-20T10:00:00+09:00'),
        incident('new', 'high', 'open', '2025-11-29T10:20:00+09:00'),
      ],
      'new',
    ],
    [[incident('low', 'low', 'open', '2025-11-29T10:20:00+09:00')], undefined],
    // same severity and time: settled by id, whatever order the store lists them in
    [
      [
        incident('b', 'high', 'open', '2025-11-29T10:20:00+09:00'),
        incident('a', 'high', 'open', '2025-11-29T10:20:00+09:00'),
      ],
      'a',
    ],
    [[incident('done', 'high', 'resolved', '2025-11-29T10:20:00+09:00')], undefined],
  ] as const)('%#: %j', (incidents, id) => {
    expect(mostUrgent(incidents as unknown as Incident[], [])?.id).toBe(id);
  });

  it('says what happened in one sentence, logins before trades', () => {
    const u = mostUrgent(
      [incident('h', 'high', 'open', '2025-11-29T10:20:00+09:00')],
      [alert('x2', 'h', 'orders', '2025-11-29T10:18:20+09:00'), alert('x1', 'h', 'login', '2025-11-29T10:17:55+09:00')],
    )!;
    expect(u).toMatchObject({ kinds: ['login', 'orders'], unanswered: 2, alerts: 2, firstOpenAlertId: 'x1' });
    expect(urgentSentence(u, 'ja')).toBe(
      '楽天証券で 11/29 10:17〜10:20 に、自分ではない可能性が高いログイン、取引がありました。',
    );
  });

  it('starts at the first timed event where a date-only trade (取引履歴) put the incident at midnight', () => {
    const i = {
      ...incident('h', 'high', 'open', '2025-11-29T16:05:55+09:00'),
      firstEventAt: '2025-11-29T00:00:00+09:00',
    };
    const u = mostUrgent(
      [i],
      [
        {
          ...alert('x2', 'h', 'orders', '2025-11-29T00:00:00+09:00'),
          eventTimes: ['2025-11-29T00:00:00+09:00', '2025-11-29T16:05:43+09:00'],
        },
        alert('x1', 'h', 'login', '2025-11-29T16:05:25+09:00'),
      ],
    )!;
    expect(urgentSentence(u, 'ja')).toBe(
      '楽天証券で 11/29 16:05 に、自分ではない可能性が高いログイン、取引がありました。',
    );
  });

  it('shows the export button first and the answer second, no second export link', () => {
    const u = mostUrgent([incident('h', 'high', 'confirmed', '2025-11-29T10:20:00+09:00')], [])!;
    const root = document.createElement('div');
    render(<UrgentLine urgent={u} lang="ja" onOpen={() => vi.fn()} />, root);
    expect(root.querySelector('h2')?.textContent).toBe('すぐに確認してください');
    expect(root.querySelector('[data-field="urgent-what"]')?.textContent).toBe(
      '楽天証券で 11/29 10:17〜10:20 に、自分ではない操作がありました。',
    );
    const buttons = Array.from(root.querySelectorAll('a.button'));
    expect(buttons.map((b) => b.textContent)).toEqual(['証拠を書き出す', '警告を見て答える']);
    expect(buttons[0]!.getAttribute('href')).toBe('evidence.html?incident=h&export=now');
    expect(root.querySelectorAll('[data-action="export-evidence"]').length).toBe(1);
  });
});
