// The extension in real Firefox (Debian's firefox-esr over WebDriver BiDi,
// tests/support/firefox.ts): Firefox's e2e build, shaped like production (the
// broker hosts optional, the content scripts registered at runtime), walked
// like capture.e2e.test.ts walks Chromium: the onboarding grant, the demo
// broker under the real host names (every request through the local server,
// Firefox's proxy), the popup, the one-click evidence ZIP, and the network
// check. The tests run in order and build on each other.

import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SESSION, DEMO_URLS } from '../../demo/site/urls';
import { BROKERS } from '../../utils/brokers';
import { declarationOf } from '../../utils/brokers/registry';
import { brokerHostPatterns, hostPatterns } from '../../utils/brokers/hosts';
import { scriptFile, scriptId } from '../../utils/capture/host-access';
import type { AdapterHealth, LoginEvent, Snapshot, Visit } from '../../utils/records';
import {
  FIREFOX_SERVICE_CALLS,
  isFirefoxServiceCall,
  startBrokerServer,
  type BrokerServer,
} from '../support/broker-server';
import { readSnapshotTexts, readTable, waitFor } from '../support/chromium';
import { checkEvidenceZip, HOSTILE, HOSTILE_ESCAPED } from '../support/evidence-bundle';
import {
  chooseBrokers,
  launchFirefoxWithExtension,
  waitForDownload,
  type FirefoxExtensionBrowser,
} from '../support/firefox';

const EXTENSION_DIR = resolve('.output/firefox-mv3-e2e');
const ARTIFACTS = resolve('test-artifacts');

let server: BrokerServer;
let ff: FirefoxExtensionBrowser;
let page: Page;
const dialogs: string[] = [];

const logins = async (broker: string) =>
  (await readTable<LoginEvent>(ff.background, 'logins')).filter((l) => l.broker === broker);
const snapshots = async (broker: string) =>
  (await readTable<Snapshot>(ff.background, 'snapshots')).filter((s) => s.broker === broker);
const health = async (broker: string) =>
  (await readTable<AdapterHealth>(ff.background, 'health')).find((h) => h.broker === broker);
const registered = async () =>
  (await ff.background.evaluate(async () =>
    (await (globalThis as any).browser.scripting.getRegisteredContentScripts()).map(
      (s: { id: string; matches: string[]; js: string[]; allFrames?: boolean }) => ({
        id: s.id,
        matches: [...s.matches].sort(),
        js: s.js,
        allFrames: s.allFrames === true,
      }),
    ),
  )) as Array<{ id: string; matches: string[]; js: string[]; allFrames: boolean }>;

beforeAll(async () => {
  server = await startBrokerServer();
  ff = await launchFirefoxWithExtension({ extensionDir: EXTENSION_DIR, prefs: server.firefoxPrefs() });
  page = await ff.browser.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

describe('capture in Firefox (demo broker, real host names)', () => {
  it('reads nothing before the user chooses a broker: no host is granted at install, no script registered', async () => {
    expect(
      (
        (await ff.background.evaluate(async () => (globalThis as any).browser.permissions.getAll())) as {
          origins: string[];
        }
      ).origins,
    ).toEqual([]);
    expect(await registered()).toEqual([]);
    await page.goto(DEMO_URLS.rakutenLoginHistory);
    expect(await page.title()).toContain('ログイン履歴');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await readTable(ff.background, 'snapshots')).toEqual([]);
    expect(await readTable(ff.background, 'visits')).toEqual([]);
  });

  it('choosing the brokers in the onboarding grants their hosts and registers each content script on exactly them', async () => {
    // every declared broker, so that every host is granted and every script registered
    await chooseBrokers(
      ff,
      BROKERS.map((b) => b.id),
    );
    const origins = (
      (await ff.background.evaluate(async () => (globalThis as any).browser.permissions.getAll())) as {
        origins: string[];
      }
    ).origins;
    expect(origins.sort()).toEqual(brokerHostPatterns().sort());
    expect(await registered()).toEqual(
      // in every frame for a frame-set broker only (松井)
      BROKERS.map((b) => ({
        id: scriptId(b.id),
        matches: hostPatterns(b).sort(),
        js: [scriptFile(b.id)],
        allFrames: declarationOf(b.id)?.frames === true,
      })),
    );
  });

  it('records a Visit on the Rakuten home page, keeps it for its banner, then re-reads the trade history and the login history with the live session', async () => {
    await page.goto(DEMO_URLS.rakutenHome);
    const visit = await waitFor('a Rakuten visit', async () =>
      (await readTable<Visit>(ff.background, 'visits')).find((v) => v.broker === 'rakuten'),
    );
    expect(visit.url).toBe('https://member.rakuten-sec.co.jp/app/home.do?eventType=init&gmn=G&smn=00');
    expect(visit.at).toMatch(/\+09:00$/);
    await waitFor('the background check', async () => (await health('rakuten'))?.lastCheckStatus === 'ok');
    const fetched = server.requests.find((r) => r.url.startsWith('/app/ass_trad_lst.do'));
    expect(fetched?.url).toBe(`/app/ass_trad_lst.do;BV_SessionID=${DEMO_SESSION}?eventType=init`);
    expect(fetched?.fetch).toMatchObject({ mode: 'cors', site: 'same-origin' });
    // the login history's real path is checked too, and the home page is kept for its previous-login banner
    expect((await snapshots('rakuten')).map((s) => [s.how, s.pageKind, s.url, s.parse.status]).sort()).toEqual([
      [
        'background',
        'login-history',
        'https://member.rakuten-sec.co.jp/app/home_login_history.do?eventType=init',
        'ok',
      ],
      ['background', 'trade-history', 'https://member.rakuten-sec.co.jp/app/ass_trad_lst.do?eventType=init', 'ok'],
      ['visit', 'other', 'https://member.rakuten-sec.co.jp/app/home.do?eventType=init&gmn=G&smn=00', 'ok'],
    ]);
  });

  it('stores the Rakuten login history as a snapshot (no session id) and its rows as LoginEvents', async () => {
    await page.goto(DEMO_URLS.rakutenLoginHistory);
    // the check between visits read the same 6 logins already: wait for the visit's page to be read into them
    const [snap, ...more] = await waitFor('the visited login history read', async () => {
      const kept = (await snapshots('rakuten')).filter((s) => s.how === 'visit' && s.pageKind === 'login-history');
      return kept.some((s) => s.parse.status === 'ok') ? kept : undefined;
    });
    const rows = await waitFor('6 Rakuten logins from both pages', async () => {
      const all = await logins('rakuten');
      return all.length === 6 && all.every((r) => r.snapshotIds.includes(snap!.id)) ? all : undefined;
    });
    expect(more).toEqual([]);
    expect(snap).toMatchObject({ pageKind: 'login-history', charset: 'utf-8', parse: { status: 'ok', records: 6 } });
    expect(rows.map((r) => r.at).sort()).toEqual([
      '2026-11-15T19:05:12+09:00',
      '2026-11-18T12:58:40+09:00',
      '2026-11-19T02:41:55+09:00',
      '2026-11-20T06:30:00+09:00',
      '2026-11-20T21:14:03+09:00',
      '2026-11-21T08:02:15+09:00',
    ]);
    const body = (await readSnapshotTexts(ff.background)).find((b) => b.sha256 === snap!.sha256);
    expect(body?.text).toContain('ログイン履歴');
    expect(body?.text).not.toContain(DEMO_SESSION);
    expect((await health('rakuten'))?.state).toBe('readable');
  });

  it('keeps hostile page text as text: stored literally, never run, never fetched', async () => {
    const hostile = (await logins('rakuten')).find((r) => r.at === '2026-11-19T02:41:55+09:00');
    expect(hostile?.userAgent).toBe(HOSTILE);
    const [snap] = (await snapshots('rakuten')).filter((s) => s.how === 'visit' && s.pageKind === 'login-history');
    const body = (await readSnapshotTexts(ff.background)).find((b) => b.sha256 === snap!.sha256)!;
    expect(body.text).toContain(HOSTILE_ESCAPED);
    expect(body.text).not.toContain(HOSTILE);
    expect(await page.$$eval('img', (imgs) => imgs.length)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(server.hostileRequests()).toEqual([]);
  });

  it('reads the Shift_JIS ETGate login history with correct Japanese', async () => {
    await page.goto(DEMO_URLS.sbiLoginHistory);
    expect(await page.title()).toBe('ログイン履歴｜SBI証券');
    const rows = await waitFor('5 SBI logins', async () =>
      (await logins('sbi')).length === 5 ? logins('sbi') : undefined,
    );
    const [snap] = (await snapshots('sbi')).filter((s) => s.how === 'visit');
    expect(snap).toMatchObject({ charset: 'shift_jis', storedEncoding: 'utf-8', parse: { status: 'ok', records: 5 } });
    expect(rows.find((r) => r.at === '2026-11-20T21:15:40+09:00')?.channel).toBe('スマートフォン（SBI証券 株アプリ）');
    const body = (await readSnapshotTexts(ff.background)).find((b) => b.sha256 === snap!.sha256)!;
    expect(body.text).toContain('心当たりのないログインがある場合は');
    expect(body.text).not.toContain('\ufffd');
  });

  it('shows per-broker counts and health in the popup, in Japanese', async () => {
    const popup = await ff.browser.newPage();
    await popup.setViewport({ width: 360, height: 120 });
    await ff.gotoExtensionPage(popup, 'popup.html');
    const text = (sel: string) => popup.$eval(sel, (e) => e.textContent).catch(() => null);
    await waitFor('the counts', async () => (await text('[data-broker="rakuten"] [data-field="logins"]')) === '6');
    expect(await text('[data-broker="sbi"] [data-field="logins"]')).toBe('5');
    expect(await popup.evaluate(() => document.documentElement.lang), 'install firefox-esr-l10n-ja').toBe('ja');
    expect(await text('h1')).toBe('株ガード（口座乗っ取り監視）');
    expect(await text('[data-broker="sbi"] h2')).toBe('SBI証券');
    await popup.screenshot({ path: resolve(ARTIFACTS, 'popup-firefox-ja.png'), fullPage: true });
    await popup.close();
  });

  it('exports the evidence in one click from the popup: a ZIP through <a download>, sha256sum -c passes', async () => {
    const popup = await ff.browser.newPage();
    await ff.gotoExtensionPage(popup, 'popup.html');
    await popup.waitForSelector('[data-action="export-evidence"]');
    await popup.click('[data-action="export-evidence"]');
    const zipPath = await waitForDownload(ff.downloadDir, '.zip');
    const { dir, tamperedPath } = checkEvidenceZip(zipPath, await readTable<Snapshot>(ff.background, 'snapshots'));
    // verify.html from the bundle, opened in Firefox: intact, then one byte changed in one file
    const viewer = await ff.browser.newPage();
    await viewer.goto(`file://${join(dir, 'unpacked', 'verify.html')}`);
    const verify = async (zip: string) => {
      await viewer.reload();
      const input = await viewer.waitForSelector('#zip');
      await (input as any).uploadFile(zip);
      await viewer.waitForSelector('#result[data-status]', { timeout: 30_000 });
      return viewer.$eval('#result', (e) => e.getAttribute('data-status'));
    };
    expect(await verify(zipPath)).toBe('ok');
    expect(await verify(tamperedPath)).toBe('bad');
    expect(
      await viewer.$$eval('#result ul[data-group="altered"] li', (lis) => lis.map((li) => li.textContent)),
    ).toEqual(['data/logins.csv']);
    await viewer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sent no request to any host but the broker hosts', async () => {
    // the classification is real: page navigations went through the proxy under their real names
    const nav = server.requests.find((r) => r.url.startsWith('/app/login_history.do'));
    expect(nav?.fetch?.mode).toBe('navigate');
    expect(nav?.sni).toBe('member.rakuten-sec.co.jp');
    expect(server.tunnels.map((t) => t.host)).toContain('member.rakuten-sec.co.jp');
    const foreign = server.foreignRequests().filter((r) => !isFirefoxServiceCall(r));
    expect(foreign).toEqual([]);
    expect(server.hostileRequests()).toEqual([]);
  });
});

describe('the network check itself (Firefox)', () => {
  it('would notice the extension calling a foreign host, even one shaped like a Firefox service call', async () => {
    const seen = { requests: server.requests.length, tunnels: server.tunnels.length };
    // from the extension's background page itself
    await ff.background.evaluate(async () => {
      const bg = (await (globalThis as any).browser.runtime.getBackgroundPage()) as typeof globalThis;
      await bg
        .fetch('https://firefox.settings.services.mozilla.com/v1/', { method: 'GET', mode: 'no-cors' })
        .catch(() => undefined);
      await bg
        .fetch('https://tracker.example/collect', { method: 'POST', mode: 'no-cors', body: 'x' })
        .catch(() => undefined);
    });
    const made = server.requests.slice(seen.requests);
    expect(made.map((r) => r.host).sort()).toEqual(['firefox.settings.services.mozilla.com', 'tracker.example']);
    expect(
      server.tunnels
        .slice(seen.tunnels)
        .map((t) => t.host)
        .sort(),
    ).toEqual(['firefox.settings.services.mozilla.com', 'tracker.example']);
    expect(made.filter((r) => !isFirefoxServiceCall(r))).toHaveLength(2);
    // and what is excluded is listed, each entry with its reason
    for (const c of FIREFOX_SERVICE_CALLS) expect(c.what).not.toBe('');
  });
});
