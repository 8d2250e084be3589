// The alerts end-to-end scenario, written once and run in each browser
// (tests/e2e/alerts.e2e.test.ts in Chromium, firefox-alerts.e2e.test.ts in
// Firefox): an SBI login history that changes between visits, served under
// the real host name. A foreign login the browser did not make raises a
// notification and a red badge; "this was me" makes the environment known, so
// the next login from it stays quiet. Checks between visits run on a visit and
// on the alarm, and stop when the session ends.
// (e2e builds: checks at most every 15 s, sessions idle after 30 s: .env.e2e)

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdapterHealth, LoginEvent } from '../../utils/records';
import type { Alert } from '../../utils/records/alert';
import { startBrokerServer, type BrokerServer, type LoggedRequest } from './broker-server';
import { changingSbi, HISTORY, HOME, seedOwnHistory, shownAt, WINDOWS_CHROME } from './changing-sbi';
import { readTable, waitFor, type ExtensionContext } from './chromium';

/** One of the extension's pages open in a tab. */
export interface ScenarioPage {
  waitFor(selector: string): Promise<void>;
  click(selector: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** Runs a function in the page (its DOM, computed styles). */
  evaluate<T>(fn: () => T): Promise<T>;
  close(): Promise<void>;
}

/** What the scenario needs from a browser driver. */
export interface ScenarioBrowser {
  /** Runs code with the extension's origin (its IndexedDB, `browser.action`, `browser.notifications`). */
  ext: ExtensionContext;
  /** Loads a URL in the one broker tab. */
  visit(url: string): Promise<void>;
  /** Opens one of the extension's pages (`alerts.html#…`) in a new tab of this size. */
  openExtensionPage(path: string, size: { width: number; height: number }): Promise<ScenarioPage>;
  close(): Promise<void>;
}

export interface AlertScenarioOptions {
  name: 'Chromium' | 'Firefox';
  /** Starts the browser with the built extension, sending every host to the server. */
  launch(server: BrokerServer): Promise<ScenarioBrowser>;
  /** Screenshot of the alerts page. */
  screenshot: string;
  /** The browser's own service calls, the only requests allowed to a host that is not a broker's. */
  isOwnServiceCall(r: LoggedRequest): boolean;
}

const ARTIFACTS = resolve('test-artifacts');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function describeAlertScenario(options: AlertScenarioOptions): void {
  const site = changingSbi();
  const T0 = Date.now();
  let server: BrokerServer;
  let b: ScenarioBrowser;

  const alerts = () => readTable<Alert>(b.ext, 'alerts' as never);
  const notificationIds = async () =>
    Object.keys(
      (await b.ext.evaluate(async () => {
        const g = globalThis as unknown as { browser?: any; chrome?: any };
        return (g.browser ?? g.chrome).notifications.getAll();
      })) as Record<string, unknown>,
    );
  const badge = () =>
    b.ext.evaluate(async () => {
      const g = globalThis as unknown as { browser?: any; chrome?: any };
      const c = g.browser ?? g.chrome;
      return { text: await c.action.getBadgeText({}), color: await c.action.getBadgeBackgroundColor({}) };
    }) as Promise<{ text: string; color: number[] }>;
  const sbiHealth = async () => (await readTable<AdapterHealth>(b.ext, 'health')).find((h) => h.broker === 'sbi');
  const checkFetches = () => site.requests.filter((r) => r.url.includes('WPLETagR001Control')).length;

  beforeAll(async () => {
    seedOwnHistory(site, T0);
    server = await startBrokerServer({ site });
    b = await options.launch(server);
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  describe(`alerts in ${options.name}`, () => {
    it('learns the environments already in the history at the first capture, without alerting', async () => {
      await b.visit(HOME);
      await b.visit(HISTORY);
      await waitFor(
        'the first capture',
        async () => (await readTable<LoginEvent>(b.ext, 'logins')).length === site.rows.length || undefined,
      );
      await sleep(1000);
      expect((await alerts()).filter((a) => a.severity !== 'info')).toEqual([]);
      expect(await notificationIds()).toEqual([]);
    });

    it('raises a notification and a red badge for a login from China that this browser did not make', async () => {
      // the attacker at T0+1s, then the user's own login just now (this browser's)
      site.rows.push({ at: T0 + 1000, ip: '36.110.14.22', ua: WINDOWS_CHROME });
      site.rows.push({ at: Date.now(), ip: '153.203.44.10', ua: WINDOWS_CHROME });
      await b.visit(HISTORY);
      const foreign = await waitFor('an alert about the foreign login', async () =>
        (await alerts()).find((a) => a.eventTimes.includes(shownAt(T0 + 1000))),
      );
      expect(['medium', 'high']).toContain(foreign.severity);
      const ids = await waitFor('a notification', async () =>
        (await notificationIds()).length ? notificationIds() : undefined,
      );
      // one notification per incident (issue 10), under the incident's id
      expect(ids).toEqual([`incident:${foreign.incidentId}`]);
      // the badge is set after the notification (utils/alerts/after-capture.ts): wait for it as for the notification
      const shown = await waitFor('the badge', async () => {
        const b = await badge();
        return Number(b.text) >= 1 ? b : undefined;
      });
      expect(Number(shown.text)).toBeGreaterThanOrEqual(1);
      if (foreign.severity === 'high') expect(shown.color.slice(0, 3)).toEqual([179, 38, 30]);
    });

    it('the popup says it first, with 証拠を書き出す as its button, within 600 px at 14 px text', async () => {
      // a short viewport: the page's own height is what the browser's popup would need
      const popup = await b.openExtensionPage('popup.html', { width: 380, height: 100 });
      await popup.waitFor('[data-field="urgent"] [data-field="urgent-what"]');
      await popup.screenshot(resolve(ARTIFACTS, `popup-incident-${options.name.toLowerCase()}-ja.png`));
      const seen = await popup.evaluate(() => {
        const urgent = document.querySelector('[data-field="urgent"]')!;
        const primary = urgent.querySelector('a.button--primary');
        return {
          // the incident comes right after the title, before the one-time review and the brokers
          afterTitle: document.querySelector('main > h1 + *')?.getAttribute('data-field'),
          what: urgent.querySelector('[data-field="urgent-what"]')?.textContent,
          button: primary?.textContent,
          href: primary?.getAttribute('href'),
          exports: document.querySelectorAll('[data-action="export-evidence"]').length,
          fontSize: getComputedStyle(document.body).fontSize,
          height: document.documentElement.scrollHeight,
          text: document.querySelector('main')?.textContent ?? '',
        };
      });
      expect(seen.afterTitle).toBe('urgent');
      expect(seen.what).toMatch(
        /^SBI証券で \d{2}\/\d{2} \d{2}:\d{2}(〜[\d/: ]+)? に、自分ではない可能性が高いログイン.*がありました。$/,
      );
      expect(seen.button).toBe('証拠を書き出す');
      expect(seen.href).toMatch(/^evidence\.html\?incident=.+&export=now$/);
      expect(seen.exports).toBe(1);
      expect(seen.fontSize).toBe('14px');
      expect(seen.height).toBeLessThanOrEqual(600);
      // no 「確認済み」 beside the red light
      expect(seen.text).not.toContain('確認済み');
      await popup.close();
    });

    it('the evidence page shows the open incident, from the case, and would export it', async () => {
      const evidence = await b.openExtensionPage('evidence.html', { width: 820, height: 900 });
      await evidence.waitFor('[data-field="open-incident"] [data-field="story"]');
      await evidence.screenshot(resolve(ARTIFACTS, `evidence-incident-${options.name.toLowerCase()}-ja.png`));
      const seen = await evidence.evaluate(() => {
        const box = document.querySelector('[data-field="open-incident"]')!;
        const select = document.querySelector<HTMLSelectElement>('select[aria-label="書き出す警告のまとまり"]');
        return {
          story: box.querySelector('[data-field="story"]')?.textContent,
          firstLogin: box.querySelector('tbody tr[data-kind="login"]')?.textContent,
          enabled: select ? !select.disabled : false,
          chosen: select?.selectedOptions[0]?.textContent,
        };
      });
      expect(seen.story).toMatch(/中国から 1 回ログインされ/);
      expect(seen.firstLogin).toContain('36.110.14.22');
      // the incident is the scope chosen, named in words
      expect(seen.enabled).toBe(true);
      expect(seen.chosen).toMatch(/^SBI証券 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}.*（(緊急|要確認)）$/);
      await evidence.close();
    });

    it('"this was me" on the alerts page makes the environment known: the next login from it stays quiet', async () => {
      const foreign = (await alerts()).find((a) => a.severity !== 'info' && a.status === 'open')!;
      const page = await b.openExtensionPage(`alerts.html#${encodeURIComponent(foreign.id)}`, {
        width: 820,
        height: 1100,
      });
      // the alert's incident is one card; its one answer covers the alert
      const mine = `[data-alert-ids~="${foreign.id}"] [data-answer="mine"]`;
      await page.waitFor(mine);
      await page.screenshot(resolve(ARTIFACTS, options.screenshot));
      const badgeBefore = Number((await badge()).text);
      await page.click(mine);
      await waitFor('the answer stored', async () =>
        (await alerts()).find((a) => a.id === foreign.id && a.status === 'mine'),
      );
      // the answered alert leaves the badge count
      await waitFor('the badge updated', async () => Number((await badge()).text || 0) < badgeBefore || undefined);
      await page.close();
      const before = await notificationIds();

      const later = Date.now();
      site.rows.push({ at: later, ip: '36.110.14.30', ua: WINDOWS_CHROME });
      site.rows.push({ at: later + 1000, ip: '153.203.44.10', ua: WINDOWS_CHROME });
      await b.visit(HISTORY);
      await waitFor(
        'the new rows captured',
        async () => (await readTable<LoginEvent>(b.ext, 'logins')).some((l) => l.ip === '36.110.14.30') || undefined,
      );
      await sleep(1500);
      const about = (await alerts()).filter((a) => a.eventTimes.includes(shownAt(later)));
      expect(about.filter((a) => a.severity === 'medium' || a.severity === 'high')).toEqual([]);
      expect(await notificationIds()).toEqual(before);
    });

    it('checks between visits on the alarm, and stops when the broker session ends', async () => {
      const h = await sbiHealth();
      expect(h?.lastCheckStatus).toBe('ok');
      const fetchesBefore = checkFetches();
      // stay on the site: the alarm (every 3 s in this build) re-checks once 15 s have passed
      await b.visit(HOME);
      await waitFor('a check on the alarm', async () => checkFetches() > fetchesBefore || undefined, 40_000);
      // the session ends: the next check finds the logged-out page and stops
      site.loggedIn = false;
      await waitFor(
        'a check that found the session over',
        async () => (await sbiHealth())?.lastCheckStatus === 'logged-out' || undefined,
        40_000,
      );
      const stoppedAt = checkFetches();
      await sleep(20_000);
      expect(checkFetches()).toBe(stoppedAt);
    }, 120_000);

    it('sent no request to any host but the broker hosts, over the whole run', () => {
      expect(server.tunnels.length + server.requests.length).toBeGreaterThan(0);
      expect(server.foreignRequests().filter((r) => !options.isOwnServiceCall(r))).toEqual([]);
    });
  });
}
