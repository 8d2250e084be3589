// The README's main command must work: `npm run demo` walks the demo broker
// headless and reports what it captured. `npm run e2e` builds the demo variant
// first; here the walk itself runs as the user would start it.

import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe.skipIf(!existsSync(resolve('.output/chrome-mv3-demo/manifest.json')))('npm run demo (headless)', () => {
  it('walks the demo broker and captures logins from both brokers, with nothing sent elsewhere', async () => {
    const { stdout } = await run('npx', ['tsx', 'demo/run.ts', '--headless'], {
      env: { ...process.env, DISPLAY: '' },
      timeout: 240_000,
    });
    expect(stdout).toContain('株ガード デモ結果 / demo result');
    const summary = JSON.parse(readFileSync(resolve('demo-output/summary.json'), 'utf8')) as Record<string, unknown>;
    const text = JSON.stringify(summary);
    expect(summary.popupLanguage).toBe('ja');
    expect(text).toMatch(/"rakuten"/);
    expect(text).toMatch(/"sbi"/);
    expect(stdout).toMatch(/証券会社以外への送信 0 件/);
    expect(stdout).toMatch(/楽天証券: ログイン記録 [1-9]\d* 件/);
    expect(stdout).toMatch(/SBI証券: ログイン記録 [1-9]\d* 件/);
    // the story: one incident, one notification, the report's sold total, and the five pictures the README shows
    const story = summary.story as { alerts: number; notifications: number; soldTotal: string };
    expect(story.alerts).toBeGreaterThanOrEqual(3);
    expect(story.notifications).toBe(1);
    expect(story.soldTotal).toBe('1,748,000 円');
    for (const name of [
      '09-red-light',
      '10-incident-card',
      '11-popup-incident',
      '12-report-page1',
      '13-after-the-fact',
    ])
      expect(existsSync(resolve('demo-output', `${name}.png`)), name).toBe(true);
  }, 270_000);
});
