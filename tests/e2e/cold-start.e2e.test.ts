// The after-the-fact victim, in a real browser: the extension is installed
// after the takeover, with the attack already in the login history and the
// order inquiry. The first capture raises a review item of medium or more at
// once; the user says 「自分ではない」 about the attacker's environment in the
// dashboard's environments list; then the dashboard's timeline (flagged only)
// and the exported report list exactly that environment's logins and the
// orders made in its sessions, and nothing of the user's own. SBI is a small
// site whose pages the test writes (as in alerts.e2e.test.ts). INVENTED data:
// an AWS Tokyo address for the attacker, an OCN home address for the user.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoSite, SiteRequest, SiteResponse } from '../../demo/site/site';
import { formatJst, toJstIso } from '../../utils/brokers/shared/dates';
import type { LoginEvent, OrderEvent } from '../../utils/records';
import type { Alert } from '../../utils/records/alert';
import type { Environment } from '../../utils/records/environment';
import { startBrokerServer, type BrokerServer } from '../support/broker-server';
import { launchWithExtension, readTable, waitFor, type ExtensionBrowser } from '../support/chromium';

const EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
const ARTIFACTS = resolve('test-artifacts');
const HOST = 'site2.sbisec.co.jp';
const HOME = `https://${HOST}/ETGate/`;
// invented control ids: the real SBI login-history and order-inquiry URLs are not public (brokers.md §2.5)
const HISTORY = `https://${HOST}/ETGate/?_ControlID=WPLETsmR001Control&_PageID=DefaultPID&getFlg=on`;
const ORDERS = `https://${HOST}/ETGate/?_ControlID=WPLETodR001Control&_PageID=DefaultPID&getFlg=on`;
const WINDOWS_CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Safari/537.36';
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MIN = 60_000;

interface Login {
  at: number;
  ip: string;
}
interface Order {
  no: string;
  ordered: number;
  executed: number;
  side: '買付' | '売付';
  code: string;
  name: string;
  market: string;
  qty: number;
  price: number;
  account: string;
}

const T0 = Date.now();
/** JST midnight of the day `days` before today, plus `h` hours. */
const jst = (days: number, h: number) => Math.floor((T0 + 9 * HOUR) / DAY) * DAY - 9 * HOUR - days * DAY + h * HOUR;
const stamp = (ms: number) => toJstIso(Math.floor(ms / 1000) * 1000);

// the user: a home PC on one OCN block, every evening for five weeks; three buys placed in the evening
const own: Login[] = [];
for (let d = 35; d >= 1; d--) own.push({ at: jst(d, 21) + ((d * 7) % 40) * MIN, ip: `153.203.4${d % 8}.${10 + d}` });
const ownOrders: Order[] = [
  { no: '00101', ordered: jst(30, 21) + 12 * MIN, executed: jst(29, 9), side: '買付', code: '7203', name: 'トヨタ自動車', market: '東証', qty: 300, price: 2790, account: '特定' },
  { no: '00102', ordered: jst(25, 21) + 20 * MIN, executed: jst(24, 9), side: '買付', code: '8306', name: '三菱ＵＦＪフィナンシャル・グループ', market: '東証', qty: 500, price: 1712, account: 'NISA成長投資枠' },
  { no: '00103', ordered: jst(20, 21) + 8 * MIN, executed: jst(19, 9), side: '買付', code: '9432', name: '日本電信電話', market: '東証', qty: 2000, price: 153, account: 'NISA成長投資枠' },
]; // prettier-ignore
// the attacker: an AWS Tokyo server with the user's own Windows Chrome, at 02:41 nine days ago and the next morning
const attack: Login[] = [
  { at: jst(9, 2) + 41 * MIN, ip: '13.112.20.5' },
  { at: jst(8, 10) + 12 * MIN, ip: '13.112.20.77' },
];
const attackOrders: Order[] = [
  { no: '00901', ordered: attack[0]!.at + 5 * MIN, executed: jst(8, 9), side: '売付', code: '7203', name: 'トヨタ自動車', market: '東証', qty: 300, price: 2745, account: '特定' },
  { no: '00902', ordered: attack[0]!.at + 6 * MIN, executed: jst(8, 9), side: '売付', code: '8306', name: '三菱ＵＦＪフィナンシャル・グループ', market: '東証', qty: 500, price: 1968, account: 'NISA成長投資枠' },
  { no: '00903', ordered: attack[0]!.at + 7 * MIN, executed: jst(8, 9), side: '売付', code: '9432', name: '日本電信電話', market: '東証', qty: 2000, price: 149, account: 'NISA成長投資枠' },
  { no: '00904', ordered: attack[1]!.at + 19 * MIN, executed: attack[1]!.at + 23 * MIN, side: '買付', code: '08327', name: '香港小型株Ａ（架空）', market: '香港', qty: 150000, price: 0.82, account: '特定' },
]; // prettier-ignore
// the user's own login now, in this browser: the first visit after installation
const now: Login = { at: T0 - 30_000, ip: '153.203.44.10' };

const ymdhm = (ms: number) => toJstIso(ms).slice(0, 16).replace('T', ' ').replace(/-/g, '/');

function sbi(): DemoSite & { requests: SiteRequest[] } {
  const page = (title: string, body: string): SiteResponse => ({
    status: 200,
    headers: { 'content-type': 'text/html; charset=UTF-8', 'cache-control': 'no-store' },
    body: new TextEncoder().encode(
      `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${title}｜SBI証券</title></head><body><a href="/ETGate/?_ControlID=WPLETlgR001Control&_ActionID=logout">ログアウト</a>${body}</body></html>`,
    ),
  });
  const site = {
    requests: [] as SiteRequest[],
    render(): SiteResponse {
      throw new Error('not used');
    },
    handle(req: SiteRequest): SiteResponse {
      if (req.host !== HOST) return { status: 404, headers: {}, body: new Uint8Array() };
      site.requests.push(req);
      if (req.url.includes('WPLETsmR001Control')) {
        const rows = [...own, ...attack, now]
          .sort((a, b) => b.at - a.at)
          .map(
            (r) =>
              `<tr><td>${toJstIso(r.at).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}</td><td>成功</td><td>${r.ip}</td><td>${WINDOWS_CHROME}</td></tr>`,
          )
          .join('');
        return page(
          'ログイン履歴',
          `<h2>ログイン履歴</h2><table><tr><th>ログイン日時</th><th>結果</th><th>IPアドレス</th><th>ブラウザ情報</th></tr>${rows}</table>`,
        );
      }
      if (req.url.includes('WPLETodR001Control')) {
        const rows = [...ownOrders, ...attackOrders]
          .sort((a, b) => b.ordered - a.ordered)
          .map(
            (o) =>
              `<tr><td>${o.no}</td><td>${ymdhm(o.ordered)}</td><td>${ymdhm(o.executed)}</td><td>${o.code}</td><td>${o.name}</td><td>${o.market}</td><td>現物${o.side}</td><td>${o.account}</td><td>${o.qty}</td><td>${o.price}</td><td>約定済</td></tr>`,
          )
          .join('');
        return page(
          '注文照会',
          `<h2>注文照会</h2><table><tr><th>注文番号</th><th>注文日時</th><th>約定日時</th><th>銘柄コード</th><th>銘柄</th><th>市場</th><th>取引</th><th>預り</th><th>約定数量</th><th>約定単価</th><th>状態</th></tr>${rows}</table>`,
        );
      }
      if (req.url.includes('WPLETagR001Control'))
        return page('当日約定一覧', '<h2>当日約定一覧</h2><p>現在、お客様の当日約定はございません。</p>');
      return page('ホーム', `<p>ようこそ</p><a href="${HISTORY}">ログイン履歴</a>`);
    },
  };
  return site;
}

let server: BrokerServer;
let browser: ExtensionBrowser;
let page: Page;
const site = sbi();

const alerts = () => readTable<Alert>(browser.sw, 'alerts' as never);
const logins = () => readTable<LoginEvent>(browser.sw, 'logins');
const orders = () => readTable<OrderEvent>(browser.sw, 'orders');
const environments = () => readTable<Environment>(browser.sw, 'environments' as never);

beforeAll(async () => {
  server = await startBrokerServer({ site });
  browser = await launchWithExtension({ extensionDir: EXTENSION_DIR, args: server.chromiumArgs() });
  page = await browser.context.newPage();
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('installed after the attack (cold start)', () => {
  it('the first capture judges the history already there: a review item of medium or more at once', async () => {
    await page.goto(HOME);
    await page.goto(HISTORY);
    await waitFor(
      'the login history stored',
      async () => (await logins()).length === own.length + attack.length + 1 || undefined,
    );
    await page.goto(ORDERS);
    await waitFor(
      'the order inquiry stored',
      async () => (await orders()).length === ownOrders.length + attackOrders.length || undefined,
    );
    const review = await waitFor('a review item about the attacker', async () =>
      (await alerts()).find(
        (a) =>
          a.eventTimes.includes(stamp(attack[0]!.at)) &&
          (a.severity === 'medium' || a.severity === 'high') &&
          a.reasons.some((r) => r.rule === 'history-review'),
      ),
    );
    expect(review.status).toBe('open');
    // the user's own history raised nothing of medium or more
    const ownTimes = new Set([...own, now].map((l) => stamp(l.at)));
    for (const a of await alerts())
      if (a.severity === 'medium' || a.severity === 'high')
        expect(a.eventTimes.some((t) => ownTimes.has(t))).toBe(false);
    // the alerts page shows the review, the attacker's environment first
    const alertsPage = await browser.context.newPage();
    await alertsPage.setViewportSize({ width: 900, height: 1200 });
    await alertsPage.goto(`chrome-extension://${browser.extensionId}/alerts.html`);
    await alertsPage.locator('#review li.review__item').first().waitFor();
    const attackerEnv = (await environments()).find((e) => e.network.provider === 'Amazon Web Services')!;
    expect(await alertsPage.locator('#review li.review__item').first().getAttribute('data-env-id')).toBe(
      attackerEnv.id,
    );
    await alertsPage.screenshot({ path: resolve(ARTIFACTS, 'cold-start-review-ja.png'), fullPage: true });
    await alertsPage.close();
  }, 60_000);

  it("「自分ではない」 on the attacker's environment in the environments list", async () => {
    const attackerEnv = (await environments()).find((e) => e.network.provider === 'Amazon Web Services')!;
    const dash = await browser.context.newPage();
    await dash.setViewportSize({ width: 1100, height: 1200 });
    await dash.goto(`chrome-extension://${browser.extensionId}/dashboard.html#environments`);
    const row = dash.locator(`li.env[data-env-id="${attackerEnv.id}"]`);
    await row.locator('[data-action="reject"]').waitFor();
    await row.locator('[data-action="reject"]').click();
    await waitFor(
      'the environment rejected',
      async () => (await environments()).find((e) => e.id === attackerEnv.id && e.status === 'rejected') ?? undefined,
    );
    await dash.screenshot({ path: resolve(ARTIFACTS, 'cold-start-environments-ja.png'), fullPage: true });
    // the orders made in its sessions are now high
    const attackTimes = new Set(attackOrders.map((o) => stamp(o.executed)));
    await waitFor(
      'the attack orders at high',
      async () =>
        (await alerts()).some(
          (a) => a.severity === 'high' && a.kind === 'orders' && a.eventTimes.some((t) => attackTimes.has(t)),
        ) || undefined,
    );
    await dash.close();
  }, 60_000);

  it("the dashboard lists exactly that environment's logins and the orders made in its sessions", async () => {
    const storedLogins = await logins();
    const storedOrders = await orders();
    const want = new Set([
      ...storedLogins.filter((l) => attack.some((a) => stamp(a.at) === l.at)).map((l) => l.id),
      ...storedOrders.filter((o) => attackOrders.some((a) => a.no === o.orderNumber)).map((o) => o.id),
    ]);
    expect(want.size).toBe(attack.length + attackOrders.length);
    const dash = await browser.context.newPage();
    await dash.setViewportSize({ width: 1100, height: 1000 });
    await dash.goto(`chrome-extension://${browser.extensionId}/dashboard.html#timeline`);
    await dash.locator('table.timeline tbody tr').first().waitFor();
    await dash.check('input[name="flagged"]');
    const shown = await waitFor('only the case', async () => {
      const rows = await dash
        .locator('table.timeline tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-event-id'), tr.getAttribute('data-attribution')]));
      return rows.length === want.size ? rows : undefined;
    });
    expect(new Set(shown.map(([id]) => id))).toEqual(want);
    expect(shown.every(([, attribution]) => attribution === 'not-mine')).toBe(true);
    await dash.screenshot({ path: resolve(ARTIFACTS, 'cold-start-timeline-ja.png'), fullPage: true });
    await dash.close();
  }, 60_000);

  it("the exported report marks exactly that environment's logins and the orders made in its sessions", async () => {
    const evidence = await browser.context.newPage();
    await evidence.goto(`chrome-extension://${browser.extensionId}/evidence.html`);
    const [download] = await Promise.all([
      evidence.waitForEvent('download', { timeout: 60_000 }),
      evidence.locator('[data-field="export"]').click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'kabu-guard-cold-start-'));
    const zipPath = join(dir, download.suggestedFilename());
    await download.saveAs(zipPath);
    const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
    writeFileSync(join(dir, 'report.html'), files['report.html']!);
    const viewer = await browser.context.newPage();
    await viewer.goto(`file://${join(dir, 'report.html')}`);
    // every row the report marks (not mine, or a suspect), per table: logins carry an IP column; the case's own
    // tables (not mine, unanswered) and the rows-around-them section (section.break) are read apart
    const marked = await viewer.evaluate(() => {
      const out = {
        case: { logins: [] as string[], orders: [] as string[] },
        context: { logins: [] as string[], orders: [] as string[] },
      };
      for (const table of Array.from(document.querySelectorAll('table.rows'))) {
        const heads = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent ?? '');
        const kind = heads.some((h) => /IP/.test(h))
          ? 'logins'
          : heads.some((h) => /売買/.test(h))
            ? 'orders'
            : undefined;
        if (!kind) continue;
        const part = table.closest('section.break') ? 'context' : 'case';
        for (const tr of Array.from(table.querySelectorAll('tbody tr.flag')))
          out[part][kind].push(tr.querySelector('td .jst')?.textContent ?? '');
      }
      return out;
    });
    const wantLogins = attack.map((a) => formatJst(stamp(a.at), true)).sort();
    const wantOrders = attackOrders.map((o) => formatJst(stamp(o.executed), true)).sort();
    for (const part of [marked.case, marked.context]) {
      expect(part.logins.sort()).toEqual(wantLogins);
      expect(part.orders.sort()).toEqual(wantOrders);
    }
    await viewer.screenshot({ path: resolve(ARTIFACTS, 'cold-start-report-ja.png'), fullPage: true });
    await viewer.close();
    await evidence.close();
  }, 90_000);
});
