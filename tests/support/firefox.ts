// Real Firefox with the built extension (the Firefox e2e tests). Debian's
// firefox-esr driven over WebDriver BiDi by puppeteer-core: nothing is
// downloaded (puppeteer-core has no install script and is given the
// executable). Every profile is fresh; all http and https traffic goes
// through the local broker server as the proxy (broker-server.ts
// `firefoxPrefs()`), which answers under the real host names with the
// test-only certificate: `acceptInsecureCerts` makes this throw-away
// profile accept it, as `--ignore-certificate-errors` does for Chromium.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { ScenarioBrowser } from './alert-scenario';
import { waitFor, type ExtensionContext } from './chromium';

export const FIREFOX_INSTALL_HINT =
  'No Firefox found. On Debian/Ubuntu: sudo apt-get install -y firefox-esr firefox-esr-l10n-ja fonts-ipafont-gothic ' +
  '(firefox-esr-l10n-ja gives the Japanese browser UI the extension follows), or set FIREFOX_PATH=/path/to/firefox.';

/** FIREFOX_PATH, then Debian's firefox-esr, then a plain firefox. */
export function findFirefox(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));
}

/**
 * Services the puppeteer profile leaves on, turned off so that the network
 * check has little to exclude (what remains: FIREFOX_SERVICE_CALLS).
 */
export const FIREFOX_QUIET_PREFS: Record<string, string | number | boolean> = {
  'app.update.auto': false,
  'app.update.enabled': false,
  'browser.discovery.enabled': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.topsites.contile.enabled': false,
  'captivedetect.canonicalURL': '',
  'datareporting.policy.dataSubmissionEnabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.showPane': false,
  'extensions.systemAddon.update.enabled': false,
  'identity.fxaccounts.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.unified': false,
};

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** `moz-extension://<uuid>` (fixed per run through `extensions.webextensions.uuids`). */
  extensionOrigin: string;
  /** An extension page kept open: it shares the extension's IndexedDB and APIs (readTable etc.). */
  background: Page & ExtensionContext;
  /** Where `<a download>` saves files (no dialog). */
  downloadDir: string;
  /** A new tab showing one of the extension's pages, loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Loads an extension page in an existing tab. */
  gotoExtensionPage(page: Page, path: string): Promise<void>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** The built extension folder (an unpacked Firefox build). */
  extensionDir: string;
  /** The broker server's preferences (its proxy), and any others. */
  prefs?: Record<string, string | number | boolean>;
  /** Browser UI language, which browser.i18n follows (default ja; needs firefox-esr-l10n-ja). */
  lang?: 'ja' | 'en';
  executablePath?: string;
}

function geckoId(extensionDir: string): string {
  const m = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = m.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}: manifest has no browser_specific_settings.gecko.id`);
  return id;
}

/**
 * Loads an extension page. WebDriver BiDi refuses moz-extension: navigations
 * unless Firefox runs with --remote-allow-system-access, and Puppeteer's
 * `goto` then never sees the load finish (the page moves to the extension
 * process), so the navigation is sent directly and waits for "complete".
 */
async function navigateExtensionPage(page: Page, url: string): Promise<void> {
  const context = (
    page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: string): Promise<unknown> } }
  ).browsingContext;
  await context.navigate(url, 'complete');
}

export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions): Promise<FirefoxExtensionBrowser> {
  const executablePath = options.executablePath ?? findFirefox();
  if (!executablePath) throw new Error(FIREFOX_INSTALL_HINT);
  const extensionDir = resolve(options.extensionDir);
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`no built extension at ${extensionDir} (run the build first)`);
  const id = geckoId(extensionDir);
  const uuid = crypto.randomUUID();
  const extensionOrigin = `moz-extension://${uuid}`;
  const downloadDir = mkdtempSync(join(tmpdir(), 'kabu-guard-ff-downloads-'));
  const lang = options.lang ?? 'ja';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1200, height: 900 },
    env: {
      ...process.env,
      MOZ_REMOTE_SETTINGS_DEVTOOLS: '1',
      LANGUAGE: lang,
      LANG: lang === 'en' ? 'en_US.UTF-8' : 'ja_JP.UTF-8',
    },
    extraPrefsFirefox: {
      ...FIREFOX_QUIET_PREFS,
      'intl.locale.requested': lang === 'en' ? 'en-US' : 'ja',
      'intl.accept_languages': lang === 'en' ? 'en-US,en' : 'ja,en-US',
      // the extension's origin is known before it is installed
      'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
      // optional host permissions are granted without Firefox's prompt (its test switch):
      // the onboarding's request and the runtime registration run for real
      'extensions.webextOptionalPermissionPrompts': false,
      // Firefox's own notification windows: headless, the system backend closes every
      // notification at once (onClosed, byUser), so notifications.getAll() would stay empty
      'alerts.useSystemBackend': false,
      // <a download> saves straight into downloadDir
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.panel.shown': true,
      ...options.prefs,
    },
  });
  const cleanup = async () => {
    await browser.close().catch(() => undefined);
    rmSync(downloadDir, { recursive: true, force: true });
  };
  try {
    // a temporary add-on, as about:debugging would load it
    await browser.installExtension(extensionDir);
    const background = (await browser.newPage()) as Page & ExtensionContext;
    // blank.html does not exist: any moz-extension document of the add-on has its origin and APIs
    await navigateExtensionPage(background, `${extensionOrigin}/popup.html`);
    return {
      browser,
      extensionOrigin,
      background,
      downloadDir,
      openExtensionPage: async (path) => {
        const page = await browser.newPage();
        await navigateExtensionPage(page, `${extensionOrigin}/${path.replace(/^\//, '')}`);
        return page;
      },
      gotoExtensionPage: (page, path) => navigateExtensionPage(page, `${extensionOrigin}/${path.replace(/^\//, '')}`),
      close: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/**
 * The path of the first file with this ending that Firefox finished saving
 * into `dir`: Firefox creates the file empty and writes `<name>.part` beside
 * it until the download completes.
 */
export function waitForDownload(dir: string, ending: string, timeoutMs = 60_000): Promise<string> {
  return waitFor(
    `a finished ${ending} download`,
    async () => {
      const names = readdirSync(dir);
      if (names.some((n) => n.endsWith('.part'))) return undefined;
      const done = names.find((n) => n.endsWith(ending) && statSync(join(dir, n)).size > 0);
      return done ? join(dir, done) : undefined;
    },
    timeoutMs,
  );
}

/**
 * The user chooses brokers in the onboarding, as on first run: each click asks
 * for the broker's hosts (granted by the test preference), and the background
 * registers the broker's content script for them. Resolves once registered.
 */
export async function chooseBrokers(ff: FirefoxExtensionBrowser, brokers: string[]): Promise<void> {
  const onboarding = await ff.openExtensionPage('onboarding.html');
  for (const b of brokers) {
    await onboarding.waitForSelector(`[data-broker="${b}"] [data-action="choose"]:not([disabled])`);
    await onboarding.click(`[data-broker="${b}"] [data-action="choose"]`);
    await onboarding.waitForSelector(`[data-broker="${b}"][data-choice="watching"]`, { timeout: 15_000 });
  }
  await waitFor('the content scripts registered', async () => {
    const ids = (await ff.background.evaluate(async () =>
      (await (globalThis as any).browser.scripting.getRegisteredContentScripts()).map((s: { id: string }) => s.id),
    )) as string[];
    return brokers.every((b) => ids.includes(`kg-${b}`)) || undefined;
  });
  await onboarding.close();
}

/** The shared scenarios' view of a Firefox with the extension (tests/support/alert-scenario.ts). */
export async function firefoxScenarioBrowser(ff: FirefoxExtensionBrowser): Promise<ScenarioBrowser> {
  const tab = await ff.browser.newPage();
  return {
    ext: ff.background,
    visit: async (url) => void (await tab.goto(url)),
    openExtensionPage: async (path, size) => {
      const page = await ff.browser.newPage();
      await page.setViewport(size);
      await ff.gotoExtensionPage(page, path);
      return {
        waitFor: async (selector) => void (await page.waitForSelector(selector)),
        click: (selector) => page.click(selector),
        screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png`, fullPage: true })),
        evaluate: (fn) => page.evaluate(fn),
        close: () => page.close(),
      };
    },
    close: () => ff.close(),
  };
}
