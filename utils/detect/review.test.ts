import { describe, expect, it } from 'vitest';
import { envsOf, facts, homeHistory, login } from './testkit';
import { reviewEnvironments } from './review';
import { render } from './explain';

describe('reviewEnvironments', () => {
  it('lists what the baseline was built from, anything abroad or hosted first', () => {
    const home = homeHistory(30, { ip: '126.55.10.20', os: 'Windows', browser: 'Chrome 134' }, true);
    const odd = [
      facts(login('2025-01-20T03:00:00+09:00', { ip: '13.112.20.5', os: 'Windows', browser: 'Chrome 134' })),
    ];
    const r = reviewEnvironments(envsOf([...home, ...odd]));
    expect(r.items.map((i) => i.worthALook)).toEqual([true, false]);
    expect(r.items[0]!.flags).toContain('hosting');
    expect(r.items[1]!.flags).toEqual(['this-browser']);
    expect(render(r.summary)).toBe('2種類の環境から 31回のログインが見つかりました。うち 1件は確認をおすすめします');
  });
});
