// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { Environment } from '../utils/records/environment';
import { EnvironmentReview } from './EnvironmentReview';

const env = (id: string, country: string, count: number, extra: Partial<Environment> = {}): Environment => ({
  v: 1,
  id,
  broker: 'sbi',
  deviceKey: 'pc|windows|chrome',
  device: { channel: 'pc', os: 'Windows', browser: 'Chrome' },
  networkKey: `v4:${id}`,
  network: { wide: '153.203.0.0/16', country },
  firstAt: '2025-03-01T20:00:00+09:00',
  lastAt: '2025-04-01T20:00:00+09:00',
  count,
  thisBrowser: 0,
  elsewhere: 0,
  hours: Array(24).fill(0),
  alerted: 0,
  preInstall: count,
  status: 'baseline',
  sampleEventIds: [],
  updatedAt: '2025-04-01T20:00:00+09:00',
  ...extra,
});

describe('EnvironmentReview', () => {
  it('lists environments abroad first, marked, and passes the answers on', () => {
    const onAnswer = vi.fn();
    const root = document.createElement('div');
    render(
      <EnvironmentReview
        environments={[env('home', 'JP', 40), env('abroad', 'CN', 1)]}
        lang="ja"
        onAnswer={onAnswer}
        onDone={() => undefined}
      />,
      root,
    );
    const items = Array.from(root.querySelectorAll('[data-env-id]'));
    expect(items.map((i) => i.getAttribute('data-env-id'))).toEqual(['abroad', 'home']);
    expect(items[0]!.textContent).toContain('中国');
    expect(items[0]!.querySelector('.review__flag')).not.toBeNull();
    expect(items[1]!.querySelector('.review__flag')).toBeNull();
    (items[0]!.querySelector('[data-answer="not-mine"]') as HTMLButtonElement).click();
    expect(onAnswer).toHaveBeenCalledWith(expect.objectContaining({ id: 'abroad' }), 'not-mine');
  });
});
