// `npm run demo`: the built extension (.output/chrome-mv3-demo) in a real Chromium,
// against the local demo broker (demo/site/) served under the real broker host
// names. With a display it opens a normal browser window on the demo and stays
// until Ctrl-C; without one (or with --headless) it walks the demo pages like a
// user — a normal morning, then the takeover of demo/site/story.ts while the user
// is away — and writes screenshots and a summary to demo-output/: the red light,
// the incident card, the popup, the first page of the report, the after-the-fact page.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { BROKERS } from '../utils/brokers';
import { stripSessionIds } from '../utils/brokers/shared/url';
import type { AdapterHealth, LoginEvent, OrderEvent, Snapshot, Visit } from '../utils/records';
import { isChromiumServiceCall, startBrokerServer, type BrokerServer } from '../tests/support/broker-server';
import {
  findChromium,
  INSTALL_HINT,
  launchWithExtension,
  readSnapshotTexts,
  readTable,
  waitFor,
  type ExtensionBrowser,
} from '../tests/support/chromium';
import { STORY_URLS, storyChanges, storyOrders, visitStoryPage, walkAttack } from '../tests/support/story-walk';
import { createDemoSite } from './site/site';
import { createStory, type Story } from './site/story';
import { DEMO_URLS } from './site/urls';

// the demo build keeps the broker hosts granted at install (like the e2e build): the
// headless walk cannot answer Chrome's permission prompt (wxt.config.ts)
const EXTENSION_DIR = resolve('.output/chrome-mv3-demo');
const OUT_DIR = resolve('demo-output');
const HOSTILE = '<img src=x onerror=alert(1)>';

class DemoError extends Error {}

interface Step {
  name: string;
  title: string;
  go(page: Page): Promise<unknown>;
  /** What the extension must have recorded after this page (the demo fails otherwise). */
  until?: { what: string; check(b: ExtensionBrowser): Promise<boolean> };
}

const count = async <T extends { broker: string }>(
  b: ExtensionBrowser,
  table: 'logins' | 'visits' | 'snapshots' | 'orders',
  broker: string,
  where: (r: T) => boolean = () => true,
) => (await readTable<T>(b.sw, table)).filter((r) => r.broker === broker && where(r)).length;
const healthOf = async (b: ExtensionBrowser, broker: string) =>
  (await readTable<AdapterHealth>(b.sw, 'health')).find((h) => h.broker === broker);

// A user's morning: the Rakuten session from last night has expired, they log
// in again, look at the login history, then do the same at SBI.
const steps = (story: Story): Step[] => [
  {
    name: '01-rakuten-session-expired',
    title: '楽天証券: セッション切れ（記録なし、状態は「ログアウト中」）',
    go: (p) => p.goto(DEMO_URLS.rakutenSessionExpired),
    until: {
      what: 'Rakuten shown as logged out',
      check: async (b) => (await healthOf(b, 'rakuten'))?.state === 'logged-out',
    },
  },
  {
    name: '02-rakuten-login',
    title: '楽天証券: ログイン画面（拡張機能はここでは動きません）',
    go: (p) => p.goto(DEMO_URLS.rakutenLogin),
  },
  {
    name: '03-rakuten-home',
    title: '楽天証券: ログイン後のホーム（閲覧を記録）',
    go: (p) => Promise.all([p.waitForURL(/\/app\/home\.do;BV_SessionID=/), p.click('#login-btn')]),
    until: { what: 'a Rakuten visit', check: async (b) => (await count<Visit>(b, 'visits', 'rakuten')) > 0 },
  },
  {
    name: '04-rakuten-login-history',
    title: '楽天証券: 「前回ログイン日時」からログイン履歴へ',
    go: (p) => Promise.all([p.waitForURL(/login_history\.do/), p.click('#async_logindatetime a')]),
    until: {
      // the page's six fixed rows, the story's night login from China, and this login
      what: `${6 + story.logins.length} Rakuten login records`,
      check: async (b) => (await count<LoginEvent>(b, 'logins', 'rakuten')) === 6 + story.logins.length,
    },
  },
  {
    name: '05-sbi-home',
    title: 'SBI証券: ETGate ホーム（Shift_JIS）',
    go: (p) => p.goto(DEMO_URLS.sbiHome),
    until: { what: 'an SBI visit', check: async (b) => (await count<Visit>(b, 'visits', 'sbi')) > 0 },
  },
  {
    name: '06-sbi-login-history',
    title: 'SBI証券: ログイン履歴（Shift_JIS）',
    go: (p) => Promise.all([p.waitForURL(/WPLETsmR001Control/), p.click('text=ログイン履歴を確認する')]),
    until: { what: '5 SBI login records', check: async (b) => (await count<LoginEvent>(b, 'logins', 'sbi')) === 5 },
  },
  {
    name: '07-sbi-backup-login-history',
    title: 'SBI証券: バックアップサイトのログイン履歴',
    go: async (p) => {
      await p.goto(DEMO_URLS.sbiBackupMenu);
      await Promise.all([p.waitForURL(/loginHistory\.do/), p.click('a[href="/bsite/member/loginHistory.do"]')]);
    },
    until: { what: '8 SBI login records', check: async (b) => (await count<LoginEvent>(b, 'logins', 'sbi')) === 8 },
  },
];

function chromiumVersion(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

async function walk(b: ExtensionBrowser, server: BrokerServer, chromePath: string, story: Story): Promise<void> {
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const dialogs: string[] = [];
  const page = await b.context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const pages: Array<{ step: string; title: string; url: string; pageTitle: string; screenshot: string }> = [];
  for (const step of steps(story)) {
    try {
      await step.go(page);
      await page.waitForLoadState('load');
    } catch (err) {
      throw new DemoError(`could not open the demo page for "${step.name}": ${String(err).split('\n')[0]}`);
    }
    if (step.until) {
      const until = step.until;
      await waitFor(until.what, async () => until.check(b)).catch(() => {
        throw new DemoError(`the extension did not record ${until.what} on ${step.name} within 15 s`);
      });
    }
    const file = `${step.name}.png`;
    await page.screenshot({ path: join(OUT_DIR, file), fullPage: true });
    pages.push({
      step: step.name,
      title: step.title,
      url: stripSessionIds(page.url()),
      pageTitle: await page.title(),
      screenshot: file,
    });
    console.log(`  ✓ ${step.title}`);
  }

  const popup = await b.context.newPage();
  await popup.setViewportSize({ width: 360, height: 120 });
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
  // the night login from China already in the history is a review item: the popup's first line, amber
  await popup.locator('[data-broker="sbi"]').waitFor();
  await popup.locator('[data-broker="rakuten"]').waitFor();
  await popup.screenshot({ path: join(OUT_DIR, '08-popup.png'), fullPage: true });
  const popupLang = await popup.evaluate(() => document.documentElement.lang);
  await popup.close();
  const told = await tellTheStory(b, page, story, pages);

  const [logins, snapshots, orders, health, bodies] = await Promise.all([
    readTable<LoginEvent>(b.sw, 'logins'),
    readTable<Snapshot>(b.sw, 'snapshots'),
    readTable<OrderEvent>(b.sw, 'orders'),
    readTable<AdapterHealth>(b.sw, 'health'),
    readSnapshotTexts(b.sw),
  ]);
  const hostileRows = logins.filter((l) => l.userAgent === HOSTILE);
  const foreign = server.foreignRequests().filter((r) => !isChromiumServiceCall(r));
  const summary = {
    generatedAt: new Date().toISOString(),
    chromium: chromiumVersion(chromePath),
    extensionId: b.extensionId,
    popupLanguage: popupLang,
    pages,
    story: told,
    brokers: BROKERS.map((adapter) => {
      const h = health.find((x) => x.broker === adapter.id);
      const mine = logins.filter((l) => l.broker === adapter.id);
      const snaps = snapshots.filter((s) => s.broker === adapter.id);
      return {
        broker: adapter.id,
        label: adapter.label.ja,
        health: h?.state ?? 'unknown',
        logins: mine.length,
        failedLogins: mine.filter((l) => l.result === 'failure').length,
        newestLoginAt:
          mine
            .map((l) => l.at)
            .sort()
            .at(-1) ?? null,
        snapshots: {
          visit: snaps.filter((s) => s.how === 'visit').length,
          background: snaps.filter((s) => s.how === 'background').length,
        },
        orders: orders.filter((o) => o.broker === adapter.id).length,
        lastCheck: h?.lastCheckStatus ?? null,
      };
    }),
    safety: {
      hostileRowsStoredAsText: hostileRows.length,
      hostileMarkupInSnapshots: bodies.filter((x) => x.text.includes(HOSTILE)).length,
      dialogs: dialogs.length,
      requestsForHostileImage: server.hostileRequests().length,
      sessionIdsInStoredUrls: snapshots.filter((s) => s.url.includes('BV_SessionID')).length,
      requests: server.requests.length,
      requestsToNonBrokerHosts: foreign.map((r) => `${r.method} ${r.host}${r.url}`),
      chromiumOwnServiceCalls: server.foreignRequests().length - foreign.length,
    },
  };
  writeFileSync(join(OUT_DIR, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);

  console.log('\n株ガード デモ結果 / demo result');
  for (const s of summary.brokers) {
    console.log(
      `  ${s.label}: ログイン記録 ${s.logins} 件（失敗 ${s.failedLogins}）, スナップショット ${s.snapshots.visit} + 定期確認 ${s.snapshots.background}, 約定 ${s.orders} 件, 状態 ${s.health}`,
    );
  }
  const safe = summary.safety;
  console.log(
    `  悪意ある文字列: ${safe.hostileRowsStoredAsText} 行を文字として保存、実行 ${safe.dialogs} 回、画像の読み込み ${safe.requestsForHostileImage} 回`,
  );
  console.log(
    `  通信: ${safe.requests} 件、証券会社以外への送信 ${safe.requestsToNonBrokerHosts.length} 件（Chromium 自身の通信 ${safe.chromiumOwnServiceCalls} 件は除く）`,
  );
  console.log(
    `  乗っ取りの再現: 警告 ${told.alerts} 件 → 1 つの出来事、通知 ${told.notifications} 件、報告書の売却額 ${told.soldTotal}`,
  );
  console.log(`  出力: ${OUT_DIR}/ (summary.json, ${pages.length + 1} 枚の画面)`);
  if (popupLang !== 'ja')
    console.log('  注意: Chromium の表示言語が日本語ではありません（Debian: apt-get install chromium-l10n）');

  const problems = [
    safe.dialogs > 0 && 'a dialog fired (hostile text ran)',
    safe.requestsForHostileImage > 0 && 'the hostile <img> was fetched',
    safe.hostileMarkupInSnapshots > 0 && 'hostile markup appears unescaped in a snapshot',
    safe.sessionIdsInStoredUrls > 0 && 'a stored URL keeps a session id',
    safe.requestsToNonBrokerHosts.length > 0 &&
      `requests to non-broker hosts: ${safe.requestsToNonBrokerHosts.join(', ')}`,
  ].filter(Boolean);
  if (problems.length) throw new DemoError(problems.join('; '));
}

type Shot = { step: string; title: string; url: string; pageTitle: string; screenshot: string };

async function shoot(
  pages: Shot[],
  p: Page,
  name: string,
  title: string,
  opts: { fullPage?: boolean } = { fullPage: true },
): Promise<void> {
  const file = `${name}.png`;
  await p.screenshot({ path: join(OUT_DIR, file), ...opts });
  pages.push({ step: name, title, url: stripSessionIds(p.url()), pageTitle: await p.title(), screenshot: file });
  console.log(`  ✓ ${title}`);
}

/**
 * The story of issue 10 (demo/site/story.ts): the rest of the normal visit,
 * then the takeover while the user is away, then what the extension shows:
 * the red light, the one incident card, the popup, the report's first page
 * and the after-the-fact page.
 */
async function tellTheStory(b: ExtensionBrowser, page: Page, story: Story, pages: Shot[]) {
  const ext = (path: string) => `chrome-extension://${b.extensionId}/${path}`;
  const open = async (path: string, width: number, height: number) => {
    const p = await b.context.newPage();
    await p.setViewportSize({ width, height });
    await p.goto(ext(path));
    return p;
  };
  for (const url of [STORY_URLS.trades, STORY_URLS.holdings, STORY_URLS.changes]) await visitStoryPage(b, page, url);
  await waitFor('the trade history and the changes', async () =>
    (await storyOrders(b)).length === story.orders.length && (await storyChanges(b)).length === story.changes.length
      ? true
      : undefined,
  ).catch(() => {
    throw new DemoError('the extension did not record the Rakuten trade history and account changes within 15 s');
  });
  console.log('  … 乗っ取りを再現します（30 秒、利用者は不在）');
  const attack = await walkAttack(b, page, story).catch((err: unknown) => {
    throw new DemoError(`the staged attack did not become one incident: ${String(err)}`);
  });
  const notifications = Object.keys(
    (await b.sw.evaluate(() => (globalThis as unknown as { chrome: any }).chrome.notifications.getAll())) as object,
  ).filter((id) => id === `incident:${attack.incident.id}`).length;

  const overview = await open('dashboard.html#overview', 1000, 700);
  await overview.locator('[data-field="urgent"]').first().waitFor();
  await shoot(pages, overview, '09-red-light', '赤いランプ: ダッシュボードの最初の行が乗っ取りを伝える');
  await overview.close();

  const alerts = await open(`alerts.html#${encodeURIComponent(attack.incident.id)}`, 900, 1200);
  await alerts.locator(`article.incident[data-incident-id="${attack.incident.id}"] [data-field="story"]`).waitFor();
  await shoot(
    pages,
    alerts,
    '10-incident-card',
    '1 つの出来事 = 1 枚のカード（一文の説明・表・1 つの回答・いますぐ行うこと）',
  );

  const popup = await open('popup.html', 380, 120);
  await popup.locator('[data-field="urgent"] [data-field="urgent-what"]').waitFor();
  await shoot(pages, popup, '11-popup-incident', 'ポップアップ: 最初の行が乗っ取り、ボタンは「証拠を書き出す」');
  await popup.close();

  // the user answers once for the whole incident, then exports from the popup's button
  await alerts
    .locator(`article.incident[data-incident-id="${attack.incident.id}"] [data-answer="not-mine"]`)
    .first()
    .click();
  await alerts.waitForFunction(
    (id) =>
      document.querySelector(`article.incident[data-incident-id="${id}"]`)?.getAttribute('data-answer-state') ===
      'not-mine',
    attack.incident.id,
  );
  await alerts.close();
  const evidence = await b.context.newPage();
  const [download] = await Promise.all([
    evidence.waitForEvent('download', { timeout: 90_000 }),
    evidence.goto(ext(`evidence.html?incident=${encodeURIComponent(attack.incident.id)}&export=now`)),
  ]);
  const zipPath = join(OUT_DIR, 'evidence.zip');
  await download.saveAs(zipPath);
  await evidence.locator('[data-field="done"]').waitFor();
  await evidence.close();
  const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
  writeFileSync(join(OUT_DIR, 'report.html'), files['report.html']!);
  const report = await b.context.newPage();
  // one A4 page at 96 dpi
  await report.setViewportSize({ width: 794, height: 1123 });
  await report.goto(`file://${join(OUT_DIR, 'report.html')}`);
  await shoot(pages, report, '12-report-page1', '証拠資料の報告書 1 ページ目（要点）', { fullPage: false });
  const soldTotal = await report.evaluate(
    () =>
      /無断で売却された保有株（売却時の価格）: ([\d,]+ 円)/.exec(
        document.querySelector('#key-points')?.textContent ?? '',
      )?.[1] ?? '',
  );
  await report.close();

  const after = await open('after.html', 900, 1200);
  await after.locator('[data-step="case"] [data-field="story"]').waitFor();
  await shoot(
    pages,
    after,
    '13-after-the-fact',
    '「すでに被害にあった」: ログイン環境と取引を平易な言葉で、結果、書き出し',
  );
  await after.close();
  return { incident: attack.incident.id, alerts: attack.alerts.length, notifications, soldTotal };
}

async function stayOpen(b: ExtensionBrowser): Promise<void> {
  const page = await b.context.newPage();
  await page.goto(DEMO_URLS.rakutenLogin);
  const sbi = await b.context.newPage();
  await sbi.goto(DEMO_URLS.sbiHome);
  await page.bringToFront();
  console.log('\nデモのブラウザを開きました / the demo browser is open.');
  console.log(
    '  楽天のログイン画面から「ログイン」→「前回ログイン日時」→ ログイン履歴、SBI のタブでは「ログイン履歴を確認する」。',
  );
  console.log('  各ページ下の黄色いバーからすべてのデモページへ移動できます。');
  console.log(`  記録の確認（ポップアップ）: 拡張機能アイコン、または chrome-extension://${b.extensionId}/popup.html`);
  console.log('  終了するには Ctrl-C / press Ctrl-C to quit.');
  await new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
    b.context.once('close', () => done());
  });
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const headed = !argv.includes('--headless') && Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const chromePath = findChromium();
  if (!chromePath) {
    console.error(INSTALL_HINT);
    return 2;
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(
      `The extension is not built (${EXTENSION_DIR}). Run: npm run demo (it builds first) or npx wxt build --mode demo.`,
    );
    return 2;
  }
  console.log(`株ガード デモ: ${chromePath} (${chromiumVersion(chromePath)}), ${headed ? 'headed' : 'headless'}`);
  let server: BrokerServer | undefined;
  let b: ExtensionBrowser | undefined;
  let story: Story;
  try {
    story = createStory(Date.now());
    server = await startBrokerServer({ site: createDemoSite(undefined, story) });
    console.log(
      `  demo broker server on 127.0.0.1:${server.port} (every host name resolves there; TLS and HTTP on one port)`,
    );
    b = await launchWithExtension({
      extensionDir: EXTENSION_DIR,
      args: server.chromiumArgs(),
      headless: !headed,
      executablePath: chromePath,
      handleSignals: !headed,
    });
    if (headed) {
      await stayOpen(b);
      console.log('デモを終了します / closing the demo.');
    } else await walk(b, server, chromePath, story);
    return 0;
  } catch (err) {
    console.error(
      `\nデモ失敗 / demo failed: ${err instanceof DemoError ? err.message : String((err as Error)?.stack ?? err)}`,
    );
    return 1;
  } finally {
    await b?.close();
    await server?.close();
  }
}

process.exitCode = await main();
