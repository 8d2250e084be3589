// The evidence bundle's own pages in a real browser, opened from disk
// (file://) with the network off: verify.html checks an intact bundle, names
// a changed, a missing and an added file (ZIP and unpacked folder), works
// without DecompressionStream (inline inflate), and report.html renders in
// Japanese with hostile broker text as text (screenshot kept for review);
// the built extension's evidence page downloads a bundle without the
// `downloads` permission.

import 'fake-indexeddb/auto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHtml } from '../../utils/dom/parse-html';
import { exportEvidence } from '../../utils/evidence/bundle';
import { buildCaseStore, XSS_CORPUS } from '../../utils/evidence/fixture-store';
import { listZip } from '../../cli/read-zip';
import { verifyZip } from '../../cli/verify-zip';
import { KabuGuardDB } from '../../utils/store/db';
import { launchWithExtension } from '../support/chromium';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve('test-artifacts');

let dir: string;
let browser: Browser;
let context: BrowserContext;
const offSite: string[] = [];
const cspErrors: string[] = [];
let files: Record<string, Uint8Array>;
const paths = {
  intact: '',
  altered: '',
  damaged: '',
  missing: '',
  added: '',
  folder: '',
  emptySums: '',
  hiddenDir: '',
  bidi: '',
};

function unpack(into: string, f: Record<string, Uint8Array>) {
  for (const [name, bytes] of Object.entries(f)) {
    mkdirSync(dirname(join(into, name)), { recursive: true });
    writeFileSync(join(into, name), bytes);
  }
}
const rezip = (f: Record<string, Uint8Array>) =>
  zipSync(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, [v, { level: 6 }]])) as Zippable);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verify-html-'));
  const db = new KabuGuardDB(`e2e-evidence-${Math.random()}`);
  await buildCaseStore(db, parseHtml);
  const zip = new Uint8Array(
    await (
      await exportEvidence(db, {
        environment: { extensionName: 'Kabu Guard', extensionVersion: 'e2e', userAgent: 'e2e', timeZone: 'Asia/Tokyo' },
      })
    ).arrayBuffer(),
  );
  files = unzipSync(zip);
  const write = (name: string, bytes: Uint8Array) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  paths.intact = write('intact.zip', zip);
  const changed = { ...files, 'data/orders.csv': files['data/orders.csv']!.slice() };
  changed['data/orders.csv']![40] = changed['data/orders.csv']![40]! ^ 1;
  paths.altered = write('altered.zip', rezip(changed));
  const damaged = zip.slice();
  const e = listZip(zip).find((x) => x.name === 'data/logins.csv')!;
  const at = e.localOffset + 30 + e.name.length + 20;
  damaged[at] = damaged[at]! ^ 0xff;
  paths.damaged = write('damaged.zip', damaged);
  const { ['data/visits.json']: _gone, ...less } = files;
  paths.missing = write('missing.zip', rezip(less));
  paths.added = write(
    'added.zip',
    rezip({ ...files, 'snapshots/planted.html': new TextEncoder().encode('<p>planted</p>') }),
  );
  paths.emptySums = write('empty-sums.zip', zipSync({ SHA256SUMS: new Uint8Array(0) }));
  paths.hiddenDir = write('hidden-dir.zip', rezip({ ...files, 'hidden/': new TextEncoder().encode('secret') }));
  paths.bidi = write('bidi.zip', rezip({ ...files, 'invoice\u202egnp.exe': new TextEncoder().encode('x') }));
  paths.folder = join(dir, 'unpacked');
  unpack(paths.folder, files);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'],
  });
  context = await browser.newContext({ offline: true, viewport: { width: 794, height: 1123 } });
  await context.route(/^(?!file:)/, (route) => {
    offSite.push(route.request().url());
    return route.abort();
  });
  context.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function check(page: Page, input: '#zip' | '#dir', path: string) {
  await page.setInputFiles(input, path);
  await page.locator('#result[data-status]').waitFor({ timeout: 30_000 });
  const status = await page.locator('#result').getAttribute('data-status');
  const groups: Record<string, string[]> = {};
  for (const ul of await page.locator('#result ul[data-group]').all()) {
    groups[(await ul.getAttribute('data-group'))!] = await ul.locator('li').allTextContents();
  }
  return { status, verdict: await page.locator('[data-field=verdict]').textContent(), groups };
}

describe.skipIf(!existsSync(CHROMIUM))('verify.html in Chromium (file://, offline)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await context.newPage();
    await page.goto(`file://${join(paths.folder, 'verify.html')}`);
  });

  it('says an intact ZIP is intact', async () => {
    const r = await check(page, '#zip', paths.intact);
    expect(r.status).toBe('ok');
    expect(r.verdict).toBe(`すべてのファイル（${Object.keys(files).length - 1} 件）に変更はありません。`);
  });

  it.each([
    ['altered', () => paths.altered, { altered: ['data/orders.csv'] }],
    ['missing', () => paths.missing, { missing: ['data/visits.json'] }],
    ['added', () => paths.added, { extra: ['snapshots/planted.html'] }],
  ])('names the %s file', async (_n, path, groups) => {
    const r = await check(page, '#zip', path());
    expect(r.status).toBe('bad');
    expect(r.groups).toEqual(groups);
  });

  it('names the file whose bytes were damaged inside the ZIP', async () => {
    const r = await check(page, '#zip', paths.damaged);
    expect(r.status).toBe('bad');
    expect([...(r.groups.altered ?? []), ...(r.groups.unreadable ?? [])]).toEqual(['data/logins.csv']);
  });

  it('refuses forgeries the old page accepted: an empty SHA256SUMS alone, data in a directory entry', async () => {
    const empty = await check(page, '#zip', paths.emptySums);
    expect(empty.status).toBe('bad');
    expect(empty.groups.missing).toEqual(expect.arrayContaining(['manifest.json', 'capture-log.jsonl', 'report.html']));
    const hidden = await check(page, '#zip', paths.hiddenDir);
    expect(hidden.status).toBe('bad');
    expect(hidden.groups.extra).toEqual(['hidden/']);
  });

  it('shows a file name with a right-to-left override escaped (issue 11 defect 14)', async () => {
    const r = await check(page, '#zip', paths.bidi);
    expect(r.groups.extra).toEqual(['invoice[U+202E]gnp.exe']);
  });

  it('checks an unpacked folder, and names a file changed in it', async () => {
    expect((await check(page, '#dir', paths.folder)).status).toBe('ok');
    const target = join(paths.folder, 'report.en.html');
    writeFileSync(target, new TextEncoder().encode('<p>rewritten</p>'));
    unlinkSync(join(paths.folder, 'data/alerts.json'));
    const r = await check(page, '#dir', paths.folder);
    expect(r.status).toBe('bad');
    expect(r.groups).toEqual({ altered: ['report.en.html'], missing: ['data/alerts.json'] });
    unpack(paths.folder, files);
  });

  it('works without DecompressionStream (inline inflate fallback)', async () => {
    const old = await context.newPage();
    await old.addInitScript(() => {
      delete (window as { DecompressionStream?: unknown }).DecompressionStream;
    });
    await old.goto(`file://${join(paths.folder, 'verify.html')}`);
    expect(await old.evaluate(() => typeof (window as { DecompressionStream?: unknown }).DecompressionStream)).toBe(
      'undefined',
    );
    expect((await check(old, '#zip', paths.intact)).status).toBe('ok');
    expect((await check(old, '#zip', paths.altered)).groups).toEqual({ altered: ['data/orders.csv'] });
    await old.close();
  });

  it('ran its script under its CSP and fetched nothing', () => {
    expect(cspErrors).toEqual([]);
    expect(offSite).toEqual([]);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('report.html in Chromium', () => {
  it('renders the Japanese case file with hostile text as text, loads nothing, and is kept as a screenshot', async () => {
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`file://${join(paths.folder, 'report.html')}`);
    const text = await page.locator('body').innerText();
    expect(text).toContain('不正アクセス被害の記録（証拠資料）');
    expect(text).toContain('#9110');
    for (const s of XSS_CORPUS.slice(0, 3)) expect(await page.locator('body').textContent()).toContain(s);
    expect(await page.locator('script, img, svg, iframe, link[rel=stylesheet]').count()).toBe(0);
    expect(await page.locator('body').isVisible()).toBe(true);
    expect(await page.title()).toBe('不正アクセス被害の記録（証拠資料）');
    expect(dialogs).toEqual([]);
    expect(offSite).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report-ja.png'), fullPage: true });
    await page.close();
  });
});

const EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');

describe.skipIf(!existsSync(CHROMIUM) || !existsSync(join(EXTENSION_DIR, 'manifest.json')))(
  "the extension's evidence page",
  () => {
    it('downloads a bundle through <a download> (no downloads permission) that verifies', async () => {
      const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
        permissions?: string[];
      };
      expect(manifest.permissions ?? []).not.toContain('downloads');
      const ext = await launchWithExtension({ extensionDir: EXTENSION_DIR });
      try {
        const page = await ext.context.newPage();
        await page.goto(`chrome-extension://${ext.extensionId}/evidence.html`);
        await expect.poll(() => page.locator('h1').textContent()).toBe('証拠資料を書き出す');
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('[data-field=export]').click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/^kabu-guard-evidence-\d{8}-\d{4}\.zip$/);
        const saved = join(dir, 'from-extension.zip');
        await download.saveAs(saved);
        const r = await verifyZip(new Uint8Array(readFileSync(saved)));
        expect(r.ok).toBe(true);
        await expect.poll(() => page.locator('[data-field=zip-sha256]').textContent()).toBe(r.zipSha256);
        // a fresh profile: its capture log is empty until something is captured
        expect(await page.locator('[data-field=chain-head]').textContent()).toBe(
          r.chain.head ? `#${r.chain.head.seq} ${r.chain.head.hash}` : '-',
        );
        expect(await page.locator('[data-field=mail-receipt]').getAttribute('href')).toContain(r.zipSha256);

        // the same verifier, served by the extension: checks the bundle against the value recorded at export
        const verify = await ext.context.newPage();
        await verify.goto(`chrome-extension://${ext.extensionId}/verify.html`);
        await verify.locator('#recorded').fill(r.zipSha256);
        const seen = await check(verify, '#zip', saved);
        expect(seen.status).toBe('ok');
        expect(await verify.locator('[data-field=recorded]').textContent()).toContain(
          'matches the SHA-256 of this ZIP',
        );
        await verify.screenshot({ path: join(ARTIFACTS, 'verify-extension.png'), fullPage: true });
        const m = JSON.parse(new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(saved)))['manifest.json']));
        expect(m.userAgent).toMatch(/Chrome/);
        expect(m.extension.version).toMatch(/^\d+\.\d+\.\d+/);
      } finally {
        await ext.close();
      }
    });
  },
);
