// MV2 or MV3 for Firefox, measured: the same sources built both ways
// (`--mv2` and `--mv3`), each run in
// Debian's firefox-esr against the local demo broker, and asked what the
// extension relies on. Prints a Markdown table (README, "Firefox: MV3").
//
//   npx wxt build -b firefox --mv2 && npx wxt build -b firefox --mv3 && npx tsx scripts/firefox-mv-evidence.ts

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { DEMO_URLS } from '../demo/site/urls';
import { startBrokerServer } from '../tests/support/broker-server';
import { readTable, waitFor } from '../tests/support/chromium';
import { launchFirefoxWithExtension, waitForDownload } from '../tests/support/firefox';

const BUILDS = { MV2: '.output/firefox-mv2', MV3: '.output/firefox-mv3' } as const;
// Firefox suspends an idle MV3 background after 30 s; shortened here so the run stays short
const IDLE_MS = 4_000;

function dirSize(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true }))
    n += e.isDirectory() ? dirSize(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return n;
}

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

async function measure(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  out['build: background.js / whole build'] = `${kb(statSync(join(dir, 'background.js')).size)} / ${kb(dirSize(dir))}`;
  out['manifest: where the broker hosts are'] =
    manifest.optional_host_permissions !== undefined ? 'optional_host_permissions' : 'optional_permissions';
  const server = await startBrokerServer();
  const t0 = Date.now();
  const ff = await launchFirefoxWithExtension({
    extensionDir: resolve(dir),
    prefs: { ...server.firefoxPrefs(), 'extensions.background.idle.timeout': IDLE_MS },
  });
  out['start Firefox + install'] = `${Date.now() - t0} ms`;
  const bg = ff.background;
  try {
    const api = await bg.evaluate(() => ({
      scripting: typeof (globalThis as any).browser.scripting?.registerContentScripts === 'function',
      action: (globalThis as any).browser.action ? 'action' : 'browserAction',
    }));
    out['scripting.registerContentScripts'] = api.scripting ? 'yes' : 'no';
    out['toolbar API'] = api.action;

    // the user chooses both brokers in the onboarding (Firefox's test switch answers the prompt)
    const onb = await ff.openExtensionPage('onboarding.html');
    for (const b of ['rakuten', 'sbi']) {
      await onb.waitForSelector(`[data-broker="${b}"] [data-action="choose"]:not([disabled])`);
      await onb.click(`[data-broker="${b}"] [data-action="choose"]`);
      await onb.waitForSelector(`[data-broker="${b}"][data-choice="watching"]`, { timeout: 10_000 });
    }
    const granted = await bg.evaluate(async () => (await (globalThis as any).browser.permissions.getAll()).origins);
    out['optional hosts granted from the onboarding click'] = `${granted.length} of 8`;
    const registered = await waitFor('registrations', async () => {
      const r = await bg.evaluate(async () =>
        (globalThis as any).browser.scripting
          ? ((await (globalThis as any).browser.scripting.getRegisteredContentScripts()) as Array<{ id: string }>).map(
              (s) => s.id,
            )
          : [],
      );
      return r.length ? r : undefined;
    }).catch(() => [] as string[]);
    out['content scripts registered at runtime'] = registered.length ? registered.sort().join(', ') : 'none';

    // capture through the registered script, stored in the background's IndexedDB
    const page = await ff.browser.newPage();
    const t1 = Date.now();
    await page.goto(DEMO_URLS.rakutenLoginHistory);
    const ok = await waitFor('6 logins', async () => (await readTable(bg, 'logins')).length >= 6 || undefined)
      .then(() => `yes (${Date.now() - t1} ms from navigation)`)
      .catch(() => 'no');
    out['page read, logins in IndexedDB'] = ok;

    // background persistence: a mark on the background window, then an idle spell longer than the timeout
    await bg.evaluate(async () => {
      const w = (await (globalThis as any).browser.runtime.getBackgroundPage()) as any;
      w.__kgMark = 1;
    });
    await page.goto('about:blank');
    await new Promise((r) => setTimeout(r, IDLE_MS * 2.5));
    const kept = await bg.evaluate(() => (globalThis as any).browser.extension.getBackgroundPage()?.__kgMark === 1);
    out[`background still loaded after ${(IDLE_MS * 2.5) / 1000} s idle (timeout ${IDLE_MS / 1000} s)`] = kept
      ? 'yes (persistent)'
      : 'no (suspended, restarted on the next event)';
    // after that: the next visit still captures (the background wakes for the content script's message)
    await page.goto(DEMO_URLS.sbiLoginHistory);
    out['capture after the idle spell'] = await waitFor(
      'SBI logins',
      async () => (await readTable<{ broker: string }>(bg, 'logins')).some((l) => l.broker === 'sbi') || undefined,
    )
      .then(() => 'yes')
      .catch(() => 'no');

    // the evidence ZIP through <a download> from the evidence page
    const t2 = Date.now();
    const ev: Page = await ff.openExtensionPage('evidence.html?export=now');
    const zip = await waitForDownload(ff.downloadDir, '.zip').catch(() => undefined);
    out['evidence ZIP saved through <a download>'] = zip
      ? `yes (${kb(statSync(zip).size)}, ${Date.now() - t2} ms)`
      : 'no';
    await ev.close();
    out['foreign requests'] = String(server.foreignRequests().length);
  } finally {
    await ff.close();
    await server.close();
  }
  return out;
}

const results: Record<string, Record<string, string>> = {};
for (const [name, dir] of Object.entries(BUILDS)) results[name] = await measure(dir);
const rows = Object.keys(results.MV2!);
console.log(`| Firefox ${'(firefox-esr)'} | MV2 | MV3 |\n|---|---|---|`);
for (const r of rows) console.log(`| ${r} | ${results.MV2![r]} | ${results.MV3![r] ?? ''} |`);
