// Real Chromium with the built extension (shared by the e2e tests, the demo and
// the benchmark). playwright-core drives the system Chromium; nothing is
// downloaded. Flags as measured for this toolchain (new headless, no
// sandbox, no background services). Every profile is fresh.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import type { ScenarioBrowser } from './alert-scenario';

export const DB_NAME = 'kabu-guard';
export const TABLES = ['snapshots', 'snapshotBodies', 'logins', 'orders', 'visits', 'health', 'captureLog'] as const;
export type TableName = (typeof TABLES)[number];

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** CHROME_PATH, then /usr/bin/chromium, then the usual names on PATH. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of CANDIDATES) {
      const p = join(dir, name);
      if (dir && existsSync(p)) return p;
    }
  }
  return undefined;
}

export const INSTALL_HINT =
  'No Chrome/Chromium found. Install Google Chrome, or on Debian/Ubuntu: ' +
  'sudo apt-get install -y chromium chromium-l10n fonts-ipafont-gothic ' +
  '(chromium-l10n gives the Japanese browser UI the extension follows; the font makes Japanese text readable), ' +
  'or set CHROME_PATH=/path/to/chrome.';

export interface ExtensionBrowser {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The built extension folder (made absolute here: --load-extension needs it). */
  extensionDir: string;
  /** Extra flags, e.g. the broker server's host-resolver rules. */
  args?: string[];
  headless?: boolean;
  executablePath?: string;
  /** The caller handles Ctrl-C itself (the headed demo), so Playwright must not exit first. */
  handleSignals?: boolean;
  /** Browser UI language, which chrome.i18n follows (default ja). */
  lang?: 'ja' | 'en';
}

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const executablePath = options.executablePath ?? findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const extensionDir = resolve(options.extensionDir);
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`no built extension at ${extensionDir} (run the build first)`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'kabu-guard-profile-'));
  const lang = options.lang ?? 'ja';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless ?? true,
    ...(options.handleSignals === false ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {}),
    locale: lang === 'en' ? 'en-US' : 'ja-JP',
    viewport: { width: 1200, height: 900 },
    // chrome.i18n follows the browser's UI language, which Chromium on Linux takes from the environment
    env: { ...process.env, LANGUAGE: lang, LANG: lang === 'en' ? 'en_US.UTF-8' : 'ja_JP.UTF-8' },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--lang=${lang}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-domain-reliability',
      '--disable-client-side-phishing-detection',
      // fewer of Chromium's own background calls (the rest: CHROMIUM_SERVICE_CALLS in broker-server.ts)
      '--disable-features=OptimizationHints,OptimizationHintsFetching,OptimizationGuideModelDownloading,OptimizationTargetPrediction,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,NetworkTimeServiceQuerying',
      ...(options.args ?? []),
    ],
  });
  try {
    const sw =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(sw.url()).host;
    return {
      context,
      sw,
      extensionId,
      close: async () => {
        await context.close().catch(() => undefined);
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Where code runs with the extension's origin: Chromium's service worker
 * (Playwright `Worker`), or an extension page in Firefox (Puppeteer `Page`,
 * tests/support/firefox.ts). Both share the extension's IndexedDB.
 */
export interface ExtensionContext {
  evaluate(fn: (arg: any) => unknown, arg?: any): Promise<unknown>;
}

/**
 * All rows of one table of the extension's database, read with raw IndexedDB
 * inside the extension (no test hook in the app). A database that does
 * not exist yet reads as empty and is not created by reading it. 'logins' are
 * stored a broker's day to a record (utils/records/login-day.ts, schema 4):
 * they are unpacked here, so a test reads LoginEvent rows as before.
 */
export async function readTable<T = Record<string, unknown>>(
  sw: ExtensionContext,
  table: TableName,
  dbName: string = DB_NAME,
): Promise<T[]> {
  return sw.evaluate(
    async ({ dbName, table }: { dbName: string; table: string }) => {
      const db = await new Promise<IDBDatabase | null>((resolve) => {
        const req = indexedDB.open(dbName);
        // only fires when the database does not exist: do not create it
        req.onupgradeneeded = () => req.transaction?.abort();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => resolve(null);
      });
      if (!db) return [];
      try {
        const packed = table === 'logins' && db.objectStoreNames.contains('loginDays');
        const store = packed ? 'loginDays' : table;
        if (!db.objectStoreNames.contains(store)) return [];
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const r = db.transaction(store, 'readonly').objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        return packed ? (rows as Array<{ rows: unknown[] }>).flatMap((d) => d.rows) : rows;
      } finally {
        db.close();
      }
    },
    { dbName, table },
  ) as Promise<T[]>;
}

/** Snapshot bodies as text (snapshots from page visits are stored as UTF-8). */
export async function readSnapshotTexts(
  sw: ExtensionContext,
  dbName: string = DB_NAME,
): Promise<Array<{ sha256: string; size: number; text: string }>> {
  return sw.evaluate(async (dbName: string) => {
    const db = await new Promise<IDBDatabase | null>((resolve) => {
      const req = indexedDB.open(dbName);
      req.onupgradeneeded = () => req.transaction?.abort();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
    });
    if (!db) return [];
    try {
      const rows = await new Promise<Array<{ sha256: string; bytes: Uint8Array }>>((resolve, reject) => {
        const r = db.transaction('snapshotBodies', 'readonly').objectStore('snapshotBodies').getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      return rows.map((b) => ({
        sha256: b.sha256,
        size: b.bytes.byteLength,
        text: new TextDecoder('utf-8').decode(b.bytes),
      }));
    } finally {
      db.close();
    }
  }, dbName) as Promise<Array<{ sha256: string; size: number; text: string }>>;
}

export type DbCounts = Record<TableName, number>;

export async function tableCounts(sw: ExtensionContext, dbName: string = DB_NAME): Promise<DbCounts> {
  const out = {} as DbCounts;
  for (const t of TABLES) out[t] = (await readTable(sw, t, dbName)).length;
  return out;
}

/** Polls until `check` returns a value (not undefined/false) or the time is up. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The shared scenarios' view of a Chromium with the extension (tests/support/alert-scenario.ts). */
export async function chromiumScenarioBrowser(b: ExtensionBrowser): Promise<ScenarioBrowser> {
  const tab = await b.context.newPage();
  return {
    ext: b.sw,
    visit: async (url) => void (await tab.goto(url)),
    openExtensionPage: async (path, size) => {
      const page = await b.context.newPage();
      await page.setViewportSize(size);
      await page.goto(`chrome-extension://${b.extensionId}/${path}`);
      return {
        waitFor: async (selector) => void (await page.locator(selector).waitFor()),
        click: (selector) => page.locator(selector).click(),
        screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
        evaluate: (fn) => page.evaluate(fn),
        close: () => page.close(),
      };
    },
    close: () => b.close(),
  };
}
