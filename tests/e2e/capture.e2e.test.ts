// The foundation in a real browser: the built extension (e2e build) in
// Chromium, the demo broker served under the real host names by one local
// server that every host name resolves to. One browser walks the demo like a
// user would, so the tests below run in order and build on each other.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SESSION, DEMO_URLS } from '../../demo/site/urls';
import type { AdapterHealth, CaptureLogEntry, LoginEvent, OrderEvent, Snapshot, Visit } from '../../utils/records';
import { verifyCaptureLog } from '../../utils/store/capture-log';
import { isChromiumServiceCall, startBrokerServer, type BrokerServer } from '../support/broker-server';
import { checkEvidenceZip, HOSTILE, HOSTILE_ESCAPED } from '../support/evidence-bundle';
import {
  launchWithExtension,
  readSnapshotTexts,
  readTable,
  tableCounts,
  waitFor,
  type ExtensionBrowser,
} from '../support/chromium';

const EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
const ARTIFACTS = resolve('test-artifacts');

let server: BrokerServer;
let browser: ExtensionBrowser;
let page: Page;
const dialogs: string[] = [];

const logins = async (broker: string) =>
  (await readTable<LoginEvent>(browser.sw, 'logins')).filter((l) => l.broker === broker);
const snapshots = async (broker: string) =>
  (await readTable<Snapshot>(browser.sw, 'snapshots')).filter((s) => s.broker === broker);
/** Snapshots of pages the user opened (checks between visits add `background` ones). */
const visited = async (broker: string) => (await snapshots(broker)).filter((s) => s.how === 'visit');
/** Snapshots of the login history the user opened (the home page is stored too, for its 前回ログイン日時). */
const visitedHistory = async (broker: string) => (await visited(broker)).filter((s) => s.pageKind === 'login-history');
const health = async (broker: string) =>
  (await readTable<AdapterHealth>(browser.sw, 'health')).find((h) => h.broker === broker);

beforeAll(async () => {
  server = await startBrokerServer();
  browser = await launchWithExtension({ extensionDir: EXTENSION_DIR, args: server.chromiumArgs() });
  browser.context.on('page', (p) =>
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    }),
  );
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('capture in Chromium (demo broker, real host names)', () => {
  it('records a Visit on the Rakuten home page, reads its 前回ログイン日時, then re-reads the trade history and the login history with the live session', async () => {
    await page.goto(DEMO_URLS.rakutenHome);
    const visit = await waitFor('a Rakuten visit', async () =>
      (await readTable<Visit>(browser.sw, 'visits')).find((v) => v.broker === 'rakuten'),
    );
    expect(visit.url).toBe('https://member.rakuten-sec.co.jp/app/home.do?eventType=init&gmn=G&smn=00');
    expect(visit.at).toMatch(/\+09:00$/);
    // the check between visits: fetched from the tab, same-origin, with the session id put back in memory…
    const checked = await waitFor('the background check', async () => {
      const h = await health('rakuten');
      return h?.lastCheckStatus === 'ok' ? h : undefined;
    });
    expect(checked.lastCheckOkAt).toMatch(/\+09:00$/);
    const fetched = server.requests.find((r) => r.url.startsWith('/app/ass_trad_lst.do'));
    expect(fetched?.url).toBe(`/app/ass_trad_lst.do;BV_SessionID=${DEMO_SESSION}?eventType=init`);
    expect(fetched?.fetch).toMatchObject({ mode: 'cors', site: 'same-origin' });
    // …and stored without it; the home page is stored for its previous-login banner (a login observation)
    const snaps = await snapshots('rakuten');
    expect(snaps.map((s) => [s.how, s.pageKind, s.url, s.parse.status]).sort()).toEqual([
      [
        'background',
        'login-history',
        'https://member.rakuten-sec.co.jp/app/home_login_history.do?eventType=init',
        'ok',
      ],
      ['background', 'trade-history', 'https://member.rakuten-sec.co.jp/app/ass_trad_lst.do?eventType=init', 'ok'],
      ['visit', 'other', 'https://member.rakuten-sec.co.jp/app/home.do?eventType=init&gmn=G&smn=00', 'ok'],
    ]);
    const observed = await readTable<{ at: string; broker: string }>(browser.sw, 'loginObservations' as never);
    expect(observed.map((o) => [o.broker, o.at])).toEqual([['rakuten', '2026-11-20T21:14:00+09:00']]);
    const orders = (await readTable<OrderEvent>(browser.sw, 'orders')).filter((o) => o.broker === 'rakuten');
    expect(orders.map((o) => [o.at, o.side, o.symbol]).sort()).toEqual([
      ['2026-10-28T00:00:00+09:00', 'buy', '8410'],
      ['2026-11-12T00:00:00+09:00', 'buy', '7203'],
    ]);
  });

  it('stores the Rakuten login history as a snapshot (no session id) and its rows as LoginEvents', async () => {
    await page.goto(DEMO_URLS.rakutenLoginHistory);
    // the check between visits read the same 6 logins already: wait for the visit's page to be read into them
    const [snap, ...more] = await waitFor('the visited login history read', async () => {
      const kept = await visitedHistory('rakuten');
      return kept.some((s) => s.parse.status === 'ok') ? kept : undefined;
    });
    const rows = await waitFor('6 Rakuten logins from both pages', async () => {
      const all = await logins('rakuten');
      return all.length === 6 && all.every((r) => r.snapshotIds.includes(snap!.id)) ? all : undefined;
    });
    expect(more).toEqual([]);
    expect(snap).toMatchObject({
      url: 'https://member.rakuten-sec.co.jp/app/login_history.do?eventType=init',
      pageKind: 'login-history',
      how: 'visit',
      charset: 'utf-8',
      parse: { status: 'ok', records: 6 },
    });
    expect(snap!.redactions).toEqual(expect.arrayContaining(['scripts', 'session-ids']));
    expect(
      rows
        .map((r) => r.at)
        .sort()
        .reverse(),
    ).toEqual([
      '2026-11-21T08:02:15+09:00',
      '2026-11-20T21:14:03+09:00',
      '2026-11-20T06:30:00+09:00',
      '2026-11-19T02:41:55+09:00',
      '2026-11-18T12:58:40+09:00',
      '2026-11-15T19:05:12+09:00',
    ]);
    // read by the check between visits first, then from the page the user opened: both snapshots kept
    expect(rows.every((r) => r.snapshotIds.length === 2 && r.snapshotIds.includes(snap!.id))).toBe(true);
    expect(rows.find((r) => r.at === '2026-11-20T06:30:00+09:00')?.channel).toBe('他社サービスからログイン');
    const body = (await readSnapshotTexts(browser.sw)).find((b) => b.sha256 === snap!.sha256);
    expect(body?.size).toBe(snap!.size);
    expect(body?.text).toContain('ログイン履歴');
    // the live page carried the session id in every link; the snapshot does not
    expect(body?.text).not.toContain(DEMO_SESSION);
    expect(body?.text).not.toContain('BV_SessionID=');
    expect((await health('rakuten'))?.state).toBe('readable');
  });

  it('keeps hostile page text as text: stored literally, never run, never fetched', async () => {
    const hostile = (await logins('rakuten')).find((r) => r.at === '2026-11-19T02:41:55+09:00');
    expect(hostile?.userAgent).toBe(HOSTILE);
    expect(hostile?.raw['ユーザーエージェント']).toBe(HOSTILE);
    const [snap] = await visitedHistory('rakuten');
    const body = (await readSnapshotTexts(browser.sw)).find((b) => b.sha256 === snap!.sha256)!;
    expect(body.text).toContain(HOSTILE_ESCAPED);
    expect(body.text).not.toContain(HOSTILE);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(server.hostileRequests()).toEqual([]);
  });

  it('reading the same page again adds a snapshot, but no duplicate LoginEvents', async () => {
    await page.goto(DEMO_URLS.rakutenLoginHistory);
    await waitFor('the second parse', async () => {
      const v = await visitedHistory('rakuten');
      return v.length === 2 && v.every((s) => s.parse.status === 'ok');
    });
    const snaps = await visitedHistory('rakuten');
    const rows = await logins('rakuten');
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.snapshotIds.length === 3)).toBe(true);
    // same bytes, same hash: the body is stored once
    expect(snaps[0]!.sha256).toBe(snaps[1]!.sha256);
    expect((await readSnapshotTexts(browser.sw)).filter((b) => b.sha256 === snaps[0]!.sha256)).toHaveLength(1);
  });

  it('stores nothing from the session-expired page and shows Rakuten as logged out', async () => {
    const before = { snapshots: (await snapshots('rakuten')).length, logins: (await logins('rakuten')).length };
    await page.goto(DEMO_URLS.rakutenSessionExpired);
    expect(await page.title()).toBe('セッションエラー | 楽天証券');
    const h = await waitFor('Rakuten logged out', async () => {
      const x = await health('rakuten');
      return x?.state === 'logged-out' ? x : undefined;
    });
    expect(h.url).not.toContain('BV_SessionID');
    expect(h.lastCaptureAt).toBeDefined();
    expect({ snapshots: (await snapshots('rakuten')).length, logins: (await logins('rakuten')).length }).toEqual(
      before,
    );
  });

  it('checked Rakuten once, not on every page visit (checks are spaced out)', () => {
    const checks = server.requests.filter((r) => r.host === 'member.rakuten-sec.co.jp' && r.fetch?.mode === 'cors');
    // one check: the trade history and the login history (its real path, brokers.md §1.4a)
    expect(checks.map((r) => r.url.split(';')[0])).toEqual(['/app/ass_trad_lst.do', '/app/home_login_history.do']);
  });

  it('records a Visit on the SBI ETGate home (served as Shift_JIS)', async () => {
    await page.goto(DEMO_URLS.sbiHome);
    expect(await page.title()).toBe('ホーム｜SBI証券');
    await waitFor('an SBI visit', async () =>
      (await readTable<Visit>(browser.sw, 'visits')).find((v) => v.broker === 'sbi'),
    );
    // the check between visits re-reads 当日約定一覧 (Shift_JIS too): none today
    await waitFor('the SBI check', async () => (await health('sbi'))?.lastCheckStatus === 'ok');
    expect((await snapshots('sbi')).map((s) => [s.how, s.pageKind, s.charset, s.parse.status])).toEqual([
      ['background', 'executions', 'shift_jis', 'empty'],
    ]);
  });

  it('reads the Shift_JIS ETGate login history with correct Japanese', async () => {
    await page.goto(DEMO_URLS.sbiLoginHistory);
    const rows = await waitFor('5 SBI logins', async () =>
      (await logins('sbi')).length === 5 ? logins('sbi') : undefined,
    );
    const [snap] = await visited('sbi');
    expect(snap).toMatchObject({
      charset: 'shift_jis',
      storedEncoding: 'utf-8',
      pageKind: 'login-history',
      parse: { status: 'ok', records: 5 },
    });
    expect(snap!.url).toBe(DEMO_URLS.sbiLoginHistory);
    const byAt = new Map(rows.map((r) => [r.at, r]));
    expect(byAt.get('2026-11-20T21:15:40+09:00')?.channel).toBe('スマートフォン（SBI証券 株アプリ）');
    expect(byAt.get('2026-11-19T03:02:09+09:00')).toMatchObject({
      result: 'failure',
      ip: '192.0.2.199',
      userAgent: HOSTILE,
      raw: { 結果: '失敗（パスワード誤り）' },
    });
    expect(rows.filter((r) => r.result === 'success')).toHaveLength(4);
    const body = (await readSnapshotTexts(browser.sw)).find((b) => b.sha256 === snap!.sha256)!;
    expect(body.text).toContain('心当たりのないログインがある場合は');
    expect(body.text).toContain(HOSTILE_ESCAPED);
    expect(body.text).not.toContain('\ufffd');
  });

  it('reads the backup-site login history (two-digit years, IPv6) into the same broker', async () => {
    await page.goto(DEMO_URLS.sbiBackupLoginHistory);
    const rows = await waitFor('8 SBI logins', async () =>
      (await logins('sbi')).length === 8 ? logins('sbi') : undefined,
    );
    expect(rows.find((r) => r.at === '2026-11-10T19:33:00+09:00')?.ip).toBe('2001:db8:4a1:20::15');
    expect(rows.find((r) => r.at === '2026-11-16T23:47:00+09:00')?.userAgent).toBe(HOSTILE);
    expect((await health('sbi'))?.state).toBe('readable');
    expect(dialogs).toEqual([]);
    expect(server.hostileRequests()).toEqual([]);
  });

  it('keeps an unbroken capture log', async () => {
    const log = (await readTable<CaptureLogEntry>(browser.sw, 'captureLog')).sort((a, b) => a.seq - b.seq);
    const all = await readTable<Snapshot>(browser.sw, 'snapshots');
    // Rakuten: the home page, the check's two pages, the login history twice; SBI: the check's page, two histories.
    // The page stays on SBI, so a slow run may see the alarm's next SBI check: background SBI pages are one or more.
    const kinds = all.map((s) => `${s.broker} ${s.how}`);
    const count = (k: string) => kinds.filter((x) => x === k).length;
    expect([count('rakuten visit'), count('rakuten background'), count('sbi visit')]).toEqual([3, 2, 2]);
    expect(count('sbi background')).toBeGreaterThanOrEqual(1);
    expect(all.length).toBe(7 + count('sbi background'));
    // every snapshot: its capture entry, then its parse entry
    expect(log.map((e) => e.type)).toEqual(all.flatMap(() => ['capture', 'parse']));
    for (const s of all)
      expect(log.filter((e) => e.detail.snapshotId === s.id).map((e) => e.type)).toEqual(['capture', 'parse']);
    expect(await verifyCaptureLog(log)).toEqual({ ok: true });
  });

  it('shows per-broker counts and health in the popup, in Japanese', async () => {
    const popup = await browser.context.newPage();
    // a short viewport: the full-page screenshot then has the popup's own height
    await popup.setViewportSize({ width: 400, height: 120 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const rakuten = popup.locator('[data-broker="rakuten"]');
    const sbi = popup.locator('[data-broker="sbi"]');
    await expect.poll(() => rakuten.locator('[data-field="logins"]').textContent()).toBe('6');
    await expect.poll(() => sbi.locator('[data-field="logins"]').textContent()).toBe('8');
    expect(
      await popup.evaluate(() => document.documentElement.lang),
      'Chromium UI is not Japanese: install chromium-l10n',
    ).toBe('ja');
    expect(await popup.locator('h1').textContent()).toBe('株ガード（口座乗っ取り監視）');
    expect(await rakuten.locator('[data-field="health"]').textContent()).toBe('ログアウト中');
    expect(await sbi.locator('[data-field="health"]').textContent()).toBe('読み取れています');
    expect(await sbi.locator('h2').textContent()).toBe('SBI証券');
    expect(await sbi.locator('[data-field="last-capture"]').textContent()).toMatch(
      /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} JST$/,
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    await popup.screenshot({ path: resolve(ARTIFACTS, 'popup-ja.png'), fullPage: true });
    // Chrome shows at most 600 px of a popup; 14 px text (issue 10)
    expect(await popup.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('14px');
    expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
    await popup.close();
  });

  it('exports the evidence in one click from the popup: sha256sum -c passes, verify.html names a tampered file', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const opened = browser.context.waitForEvent('page');
    await popup.locator('[data-action="export-evidence"]').click();
    const evidencePage = await opened;
    const download = await evidencePage.waitForEvent('download', { timeout: 30_000 });
    const zipPath = join(mkdtempSync(join(tmpdir(), 'kg-demo-download-')), download.suggestedFilename());
    await download.saveAs(zipPath);
    const { dir, tamperedPath } = checkEvidenceZip(zipPath, await readTable<Snapshot>(browser.sw, 'snapshots'));
    const viewer = await browser.context.newPage();
    await viewer.setViewportSize({ width: 794, height: 1123 });
    await viewer.goto(`file://${join(dir, 'unpacked', 'report.html')}`);
    await viewer.screenshot({ path: resolve(ARTIFACTS, 'report-demo-ja.png'), fullPage: false });
    // verify.html from the bundle: intact, then one byte changed in one file
    await viewer.goto(`file://${join(dir, 'unpacked', 'verify.html')}`);
    await viewer.setInputFiles('#zip', zipPath);
    await viewer.locator('#result[data-status]').waitFor({ timeout: 30_000 });
    expect(await viewer.locator('#result').getAttribute('data-status')).toBe('ok');
    await viewer.reload();
    await viewer.setInputFiles('#zip', tamperedPath);
    await viewer.locator('#result[data-status]').waitFor({ timeout: 30_000 });
    expect(await viewer.locator('#result').getAttribute('data-status')).toBe('bad');
    expect(await viewer.locator('#result ul[data-group="altered"] li').allTextContents()).toEqual(['data/logins.csv']);
    await viewer.close();
    await evidencePage.close();
    await popup.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(dirname(zipPath), { recursive: true, force: true });
  });

  it('sent no request to any host but the broker hosts', async () => {
    // the classification is real: page navigations carry fetch metadata
    const nav = server.requests.find((r) => r.url.startsWith('/app/login_history.do'));
    expect(nav?.fetch?.mode).toBe('navigate');
    expect(nav?.sni).toBe('member.rakuten-sec.co.jp');
    const foreign = server.foreignRequests().filter((r) => !isChromiumServiceCall(r));
    expect(foreign).toEqual([]);
    expect(server.hostileRequests()).toEqual([]);
  });
});

describe('the network check itself', () => {
  it('would notice the extension calling a foreign host, even one shaped like a Chromium service call', async () => {
    const seen = server.requests.length;
    await browser.sw.evaluate(async () => {
      await fetch('https://accounts.google.com/ListAccounts?gpsia=1', {
        method: 'POST',
        mode: 'no-cors',
        body: 'x',
      }).catch(() => undefined);
      await fetch('https://tracker.example/collect', { method: 'POST', mode: 'no-cors', body: 'x' }).catch(
        () => undefined,
      );
    });
    const made = server.requests.slice(seen);
    expect(made.map((r) => r.host).sort()).toEqual(['accounts.google.com', 'tracker.example']);
    expect(made.filter((r) => !isChromiumServiceCall(r))).toHaveLength(2);
  });
});
