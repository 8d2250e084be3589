// Detection in a real browser: an SBI login history that changes between
// visits, served under the real host name. A foreign login the browser did
// not make raises a notification and a red badge; "this was me" makes the
// environment known, so the next login from it stays quiet. Checks between
// visits run on a visit and on the alarm, and stop when the session ends.
// (e2e build: checks at most every 15 s, sessions idle after 30 s: .env.e2e)

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJstIso } from '../../utils/brokers/shared/dates';
import type { AdapterHealth, LoginEvent } from '../../utils/records';
import type { Alert } from '../../utils/records/alert';
import { startBrokerServer, type BrokerServer } from '../support/broker-server';
import { launchWithExtension, readTable, waitFor, type ExtensionBrowser } from '../support/chromium';
import type { DemoSite, SiteRequest, SiteResponse } from '../../demo/site/site';

const EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
const ARTIFACTS = resolve('test-artifacts');
const HOST = 'site2.sbisec.co.jp';
const HOME = `https://${HOST}/ETGate/`;
// invented control id: the real SBI login-history URL is not public (brokers.md §2.5)
const HISTORY = `https://${HOST}/ETGate/?_ControlID=WPLETsmR001Control&_PageID=DefaultPID&getFlg=on`;
const WINDOWS_CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Safari/537.36';

interface Row {
  at: number;
  ip: string;
  ua: string;
}

/** A tiny SBI: a home page, a login history whose rows the test sets, and 当日約定一覧 for the checks. */
function changingSbi(): DemoSite & { rows: Row[]; loggedIn: boolean; requests: SiteRequest[] } {
  const site = {
    rows: [] as Row[],
    loggedIn: true,
    requests: [] as SiteRequest[],
    render(): SiteResponse {
      throw new Error('not used');
    },
    handle(req: SiteRequest): SiteResponse {
      if (req.host !== HOST) return { status: 404, headers: {}, body: new Uint8Array() };
      site.requests.push(req);
      const chrome = '<a href="/ETGate/?_ControlID=WPLETlgR001Control&_ActionID=logout">ログアウト</a>';
      let body: string;
      if (!site.loggedIn) {
        body =
          '<title>SBI証券</title><p>一定時間操作がありませんでしたので、セッションが切れました。再度ログインしてください。</p><form><input type="password" name="user_password"></form>';
      } else if (req.url.includes('WPLETsmR001Control')) {
        const rows = [...site.rows]
          .sort((a, b) => b.at - a.at)
          .map(
            (r) =>
              `<tr><td>${toJstIso(r.at).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}</td><td>成功</td><td>${r.ip}</td><td>${r.ua}</td></tr>`,
          )
          .join('');
        body = `<title>ログイン履歴｜SBI証券</title>${chrome}<h2>ログイン履歴</h2><table><tr><th>ログイン日時</th><th>結果</th><th>IPアドレス</th><th>ブラウザ情報</th></tr>${rows}</table>`;
      } else if (req.url.includes('WPLETagR001Control')) {
        body = `<title>当日約定一覧｜SBI証券</title>${chrome}<h2>当日約定一覧</h2><table><tr><td>銘柄</td><td>取引</td><td>約定日</td><td>数量</td><td>単価</td></tr></table><p>現在、お客様の当日約定はございません。</p>`;
      } else {
        body = `<title>SBI証券</title>${chrome}<p>ようこそ</p><a href="${HISTORY}">ログイン履歴</a>`;
      }
      const html = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">${body.startsWith('<title>') ? '' : ''}</head><body>${body}</body></html>`;
      return {
        status: 200,
        headers: { 'content-type': 'text/html; charset=UTF-8', 'cache-control': 'no-store' },
        body: new TextEncoder().encode(html),
      };
    },
  };
  return site;
}

let server: BrokerServer;
let browser: ExtensionBrowser;
let page: Page;
const site = changingSbi();
const T0 = Date.now();
const DAY = 86_400_000;

const alerts = () => readTable<Alert>(browser.sw, 'alerts' as never);
const notificationIds = async () =>
  Object.keys(
    await browser.sw.evaluate(() => (globalThis as unknown as { chrome: any }).chrome.notifications.getAll()),
  );
const badge = () =>
  browser.sw.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    return { text: await c.action.getBadgeText({}), color: await c.action.getBadgeBackgroundColor({}) };
  });
const sbiHealth = async () => (await readTable<AdapterHealth>(browser.sw, 'health')).find((h) => h.broker === 'sbi');
const checkFetches = () => site.requests.filter((r) => r.url.includes('WPLETagR001Control')).length;

beforeAll(async () => {
  // the user's own history: a home PC on one Japanese ISP, Chrome on Windows, for weeks
  for (let d = 30; d >= 2; d -= 2)
    site.rows.push({ at: T0 - d * DAY + 20 * 3600_000, ip: `153.203.4${d % 8}.${10 + d}`, ua: WINDOWS_CHROME });
  server = await startBrokerServer({ site });
  browser = await launchWithExtension({ extensionDir: EXTENSION_DIR, args: server.chromiumArgs() });
  page = await browser.context.newPage();
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('alerts in Chromium', () => {
  it('learns the environments already in the history at the first capture, without alerting', async () => {
    await page.goto(HOME);
    await page.goto(HISTORY);
    await waitFor(
      'the first capture',
      async () => (await readTable<LoginEvent>(browser.sw, 'logins')).length === site.rows.length || undefined,
    );
    await page.waitForTimeout(1000);
    expect((await alerts()).filter((a) => a.severity !== 'info')).toEqual([]);
    expect(await notificationIds()).toEqual([]);
  });

  it('raises a notification and a red badge for a login from China that this browser did not make', async () => {
    // the attacker at T0+1s, then the user's own login just now (this browser's)
    site.rows.push({ at: T0 + 1000, ip: '36.110.14.22', ua: WINDOWS_CHROME });
    site.rows.push({ at: Date.now(), ip: '153.203.44.10', ua: WINDOWS_CHROME });
    await page.goto(HISTORY);
    const foreign = await waitFor('an alert about the foreign login', async () =>
      (await alerts()).find((a) => a.eventTimes.includes(toJstIso(Math.floor((T0 + 1000) / 1000) * 1000))),
    );
    expect(['medium', 'high']).toContain(foreign.severity);
    const ids = await waitFor('a notification', async () =>
      (await notificationIds()).length ? notificationIds() : undefined,
    );
    expect(ids).toContain(`alert:${foreign.id}`);
    const b = await badge();
    expect(Number(b.text)).toBeGreaterThanOrEqual(1);
    if (foreign.severity === 'high') expect(b.color.slice(0, 3)).toEqual([179, 38, 30]);
  });

  it('"this was me" on the alerts page makes the environment known: the next login from it stays quiet', async () => {
    const foreign = (await alerts()).find((a) => a.severity !== 'info' && a.status === 'open')!;
    const alertsPage = await browser.context.newPage();
    await alertsPage.setViewportSize({ width: 820, height: 1100 });
    await alertsPage.goto(`chrome-extension://${browser.extensionId}/alerts.html#${encodeURIComponent(foreign.id)}`);
    const card = alertsPage.locator(`[data-alert-id="${foreign.id}"]`);
    await card.locator('[data-answer="mine"]').waitFor();
    await alertsPage.screenshot({ path: resolve(ARTIFACTS, 'alerts-ja.png'), fullPage: true });
    const badgeBefore = Number((await badge()).text);
    await card.locator('[data-answer="mine"]').click();
    await waitFor('the answer stored', async () =>
      (await alerts()).find((a) => a.id === foreign.id && a.status === 'mine'),
    );
    // the answered alert leaves the badge count
    await waitFor('the badge updated', async () => Number((await badge()).text || 0) < badgeBefore || undefined);
    await alertsPage.close();
    const before = await notificationIds();

    const later = Date.now();
    site.rows.push({ at: later, ip: '36.110.14.30', ua: WINDOWS_CHROME });
    site.rows.push({ at: later + 1000, ip: '153.203.44.10', ua: WINDOWS_CHROME });
    await page.goto(HISTORY);
    await waitFor(
      'the new rows captured',
      async () => (await readTable<LoginEvent>(browser.sw, 'logins')).some((l) => l.ip === '36.110.14.30') || undefined,
    );
    await page.waitForTimeout(1500);
    const about = (await alerts()).filter((a) => a.eventTimes.includes(toJstIso(Math.floor(later / 1000) * 1000)));
    expect(about.filter((a) => a.severity === 'medium' || a.severity === 'high')).toEqual([]);
    expect(await notificationIds()).toEqual(before);
  });

  it('checks between visits on the alarm, and stops when the broker session ends', async () => {
    const h = await sbiHealth();
    expect(h?.lastCheckStatus).toBe('ok');
    const fetchesBefore = checkFetches();
    // stay on the site: the alarm (every 3 s in this build) re-checks once 15 s have passed
    await page.goto(HOME);
    await waitFor('a check on the alarm', async () => checkFetches() > fetchesBefore || undefined, 40_000);
    // the session ends: the next check finds the logged-out page and stops
    site.loggedIn = false;
    await waitFor(
      'a check that found the session over',
      async () => (await sbiHealth())?.lastCheckStatus === 'logged-out' || undefined,
      40_000,
    );
    const stoppedAt = checkFetches();
    await page.waitForTimeout(20_000);
    expect(checkFetches()).toBe(stoppedAt);
  }, 120_000);
});
