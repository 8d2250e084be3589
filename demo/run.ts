// `npm run demo`: the built extension (.output/chrome-mv3-demo) in a real Chromium,
// against the local demo broker (demo/site/) served under the real broker host
// names. With a display it opens a normal browser window on the demo and stays
// until Ctrl-C; without one (or with --headless) it walks the demo pages like a
// user, then writes screenshots and a summary to demo-output/.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
const STEPS: Step[] = [
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
      what: '6 Rakuten login records',
      check: async (b) => (await count<LoginEvent>(b, 'logins', 'rakuten')) === 6,
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

async function walk(b: ExtensionBrowser, server: BrokerServer, chromePath: string): Promise<void> {
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const dialogs: string[] = [];
  const page = await b.context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const pages: Array<{ step: string; title: string; url: string; pageTitle: string; screenshot: string }> = [];
  for (const step of STEPS) {
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
  await waitFor(
    'the popup',
    async () => (await popup.locator('[data-broker="sbi"] [data-field="logins"]').textContent()) === '8',
  );
  await popup.screenshot({ path: join(OUT_DIR, '08-popup.png'), fullPage: true });
  const popupLang = await popup.evaluate(() => document.documentElement.lang);

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
  try {
    server = await startBrokerServer();
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
    } else await walk(b, server, chromePath);
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
