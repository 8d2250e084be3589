// The demo's story (demo/site/story.ts) walked as a user would, in Chromium
// with the extension: shared by `npm run demo` and tests/e2e/incident.e2e.test.ts.
// Before: the user logs in and looks at the login history, the trade history,
// the holdings and the account changes (the China night login is already in the
// history). The attack: 30 s while the user is away; then the user comes back
// and opens the same pages, the order inquiry and the China trade history.

import type { Page } from 'playwright-core';
import { ATTACK_MS, type Story } from '../../demo/site/story';
import { DEMO_SESSION, DEMO_URLS } from '../../demo/site/urls';
import type { AccountEvent, LoginEvent, OrderEvent, Snapshot } from '../../utils/records';
import type { Alert } from '../../utils/records/alert';
import type { Incident } from '../../utils/records/incident';
import { readTable, waitFor, type ExtensionBrowser } from './chromium';

const app = (page: string) =>
  `https://member.rakuten-sec.co.jp/app/${page};BV_SessionID=${DEMO_SESSION}?eventType=init`;

export const STORY_URLS = {
  loginHistory: app('home_login_history.do'),
  orderInquiry: app('ord_jp_stk_req_lst.do'),
  trades: app('ass_trad_lst.do'),
  chinaTrades: app('ass_trad_ch_lst.do'),
  changes: app('acc_info_change_lst.do'),
  holdings: app('ass_all_possess_lst.do'),
} as const;

const rakuten = <T extends { broker: string }>(rows: T[]) => rows.filter((r) => r.broker === 'rakuten');
export const storyLogins = async (b: ExtensionBrowser) => rakuten(await readTable<LoginEvent>(b.sw, 'logins'));
export const storyOrders = async (b: ExtensionBrowser) => rakuten(await readTable<OrderEvent>(b.sw, 'orders'));
export const storyChanges = async (b: ExtensionBrowser) =>
  rakuten(await readTable<AccountEvent>(b.sw, 'accountEvents' as never));
export const storyAlerts = async (b: ExtensionBrowser) => rakuten(await readTable<Alert>(b.sw, 'alerts' as never));
export const storyIncidents = async (b: ExtensionBrowser) =>
  rakuten(await readTable<Incident>(b.sw, 'incidents' as never));

/** Opens a story page and waits until the extension has stored its snapshot (leaving at once may cut a capture). */
export async function visitStoryPage(b: ExtensionBrowser, page: Page, url: string): Promise<void> {
  const path = /\/app\/([\w.]+\.do)/.exec(url)![1]!;
  const since = Date.now() - 1000;
  await page.goto(url);
  await page.waitForLoadState('load');
  await waitFor(
    `the snapshot of ${path}`,
    async () =>
      (await readTable<Snapshot>(b.sw, 'snapshots')).some(
        (x) => x.url.includes(path) && x.how === 'visit' && Date.parse(x.capturedAt) >= since,
      ) || undefined,
  );
}

/** The user's normal visit: logs in (a row of their own), then the history pages. */
export async function walkBefore(b: ExtensionBrowser, page: Page, story: Story): Promise<void> {
  await page.goto(DEMO_URLS.rakutenLogin);
  await Promise.all([page.waitForURL(/\/app\/home\.do;BV_SessionID=/), page.click('#login-btn')]);
  await visitStoryPage(b, page, STORY_URLS.loginHistory);
  await waitFor(
    'the login history',
    async () => (await storyLogins(b)).length === story.logins.length + 6 || undefined,
  );
  await visitStoryPage(b, page, STORY_URLS.trades);
  await waitFor('the trade history', async () => (await storyOrders(b)).length === story.orders.length || undefined);
  await visitStoryPage(b, page, STORY_URLS.holdings);
  await visitStoryPage(b, page, STORY_URLS.changes);
  await waitFor(
    'the account changes',
    async () => (await storyChanges(b)).length === story.changes.length || undefined,
  );
}

export interface AttackSeen {
  /** When the attack began (the China login). */
  at: number;
  incident: Incident;
  alerts: Alert[];
}

/**
 * The takeover, 30 s while the user is away; then the user comes back and
 * opens the pages; resolves when every attack record is stored and the
 * incident holds the alerts about the logins, the orders and the changes.
 */
export async function walkAttack(b: ExtensionBrowser, page: Page, story: Story): Promise<AttackSeen> {
  const at = Math.floor(Date.now() / 1000) * 1000 + 1000;
  story.attack(at);
  await new Promise((r) => setTimeout(r, at + ATTACK_MS + 1500 - Date.now()));
  await visitStoryPage(b, page, STORY_URLS.loginHistory);
  await waitFor(
    'the attack logins',
    async () => (await storyLogins(b)).length === story.logins.length + 6 || undefined,
  );
  await visitStoryPage(b, page, STORY_URLS.orderInquiry);
  await visitStoryPage(b, page, STORY_URLS.trades);
  await visitStoryPage(b, page, STORY_URLS.chinaTrades);
  // one trade seen on the order inquiry and on the trade history is one record (utils/store/orders.ts)
  await waitFor('the attack trades', async () => (await storyOrders(b)).length === story.orders.length || undefined);
  await visitStoryPage(b, page, STORY_URLS.changes);
  await waitFor('the changes', async () => (await storyChanges(b)).length === story.changes.length || undefined);
  await visitStoryPage(b, page, STORY_URLS.holdings);
  const seen = await waitFor(
    'one incident about the logins, the orders and the changes',
    async () => {
      const alerts = (await storyAlerts(b)).filter(
        (a) => a.severity === 'high' && a.eventTimes.some((t) => Date.parse(t) >= at),
      );
      const kinds = new Set(alerts.map((a) => a.kind));
      if (!(kinds.has('login') && kinds.has('orders') && kinds.has('account'))) return undefined;
      const incident = (await storyIncidents(b)).find((i) => i.id === alerts[0]!.incidentId);
      return incident ? { at, incident, alerts } : undefined;
    },
    30_000,
  );
  return seen;
}
