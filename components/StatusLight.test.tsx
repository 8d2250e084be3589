// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { StatusLight as Status } from '../utils/dashboard/status-light';
import { StatusLight } from './StatusLight';

describe('StatusLight', () => {
  it.each([
    [{ light: 'green', reason: 'ok' }, '問題なし', '最近確認しました'],
    [{ light: 'amber', reason: 'open-alerts' }, '確認してください', '回答を待っている警告が2件あります'],
    [{ light: 'amber', reason: 'not-checked' }, '確認してください', '7日以上確認できていません'],
    [{ light: 'red', reason: 'high-incident' }, 'すぐに確認してください', '自分ではない可能性が高い'],
  ] as const)('%j: a word and a reason, not only a colour', (s, word, reason) => {
    const root = document.createElement('div');
    render(<StatusLight status={{ ...s, lastOkAt: undefined } as Status} openAlerts={2} staleDays={7} />, root);
    expect(root.querySelector('.light')?.getAttribute('data-light')).toBe(s.light);
    expect(root.querySelector('.light__word')?.textContent).toBe(word);
    expect(root.querySelector('.light__reason')?.textContent).toContain(reason);
    expect(root.querySelector('.light__dot')?.getAttribute('aria-hidden')).toBe('true');
  });
});
