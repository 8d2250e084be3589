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
      timeout: 120_000,
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
  }, 150_000);
});
