// "Save this page for a report" in a real browser: a Rakuten login history the
// extension recognises but cannot read (dates without times), served under the
// real host name and seeded with secret markers and the holder's personal text
// (tests/support/seeded-report-page.ts). The popup offers the report, the
// report page previews the file, Save downloads exactly that text, and the
// file holds no marker and no personal text. Nothing reaches a host that is
// not the broker's. Screenshot: test-artifacts/page-report-ja.png.

import { readFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoSite, SiteRequest, SiteResponse } from '../../demo/site/site';
import type { AdapterHealth, Snapshot } from '../../utils/records';
import { isChromiumServiceCall, startBrokerServer, type BrokerServer } from '../support/broker-server';
import { launchWithExtension, readTable, waitFor, type ExtensionBrowser } from '../support/chromium';
import { PERSONAL, secret, SECRETS, SEEDED, SEEDED_URL } from '../support/seeded-report-page';

const EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
const ARTIFACTS = resolve('test-artifacts');
const HOST = new URL(SEEDED_URL).hostname;

const site = {
  render(): SiteResponse {
    throw new Error('not used');
  },
  handle(req: SiteRequest): SiteResponse {
    // the page at its own address only (a check between visits asks for other pages: not found)
    if (req.host !== HOST || !req.url.startsWith(new URL(SEEDED_URL).pathname.split(';')[0]!))
      return { status: 404, headers: {}, body: new Uint8Array() };
    return {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
      body: new TextEncoder().encode(SEEDED),
    };
  },
} as DemoSite;

let server: BrokerServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startBrokerServer({ site });
  browser = await launchWithExtension({ extensionDir: EXTENSION_DIR, args: server.chromiumArgs() });
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('save an unreadable page for a report, in Chromium', () => {
  let preview = '';

  it('keeps the unreadable page as a snapshot and marks the broker unreadable', async () => {
    const tab = await browser.context.newPage();
    await tab.goto(SEEDED_URL);
    const snap = await waitFor('the unreadable snapshot', async () =>
      // kept first ('not parsed yet'), read after (utils/capture/ingest.ts): wait for the reading
      (await readTable<Snapshot>(browser.sw, 'snapshots')).find(
        (s) => s.parse.status === 'unreadable' && s.parse.parserVersion !== 'none',
      ),
    );
    expect(snap).toMatchObject({ broker: 'rakuten', pageKind: 'login-history' });
    const health = await waitFor('unreadable health', async () =>
      (await readTable<AdapterHealth>(browser.sw, 'health')).find((h) => h.state === 'unreadable'),
    );
    expect(health.snapshotId).toBe(snap.id);
  });

  it('the popup offers the report; the report page previews the exact file', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const offer = popup.locator('[data-action="page-report"][data-broker="rakuten"]');
    await offer.waitFor();
    expect(await offer.textContent()).toBe('このページを報告用に保存…');
    const opened = browser.context.waitForEvent('page');
    await offer.click();
    const report = await opened;
    await report.locator('[data-field="report-preview"]').waitFor();
    await report.setViewportSize({ width: 1000, height: 1100 });
    preview = (await report.locator('[data-field="report-preview"]').textContent()) ?? '';
    expect(await report.locator('[data-field="report-status"]').textContent()).toContain('unreadable');
    expect(await report.locator('[data-field="report-tables"]').textContent()).toContain(
      'ログイン日時 | ログイン方法 | IPアドレス (3)',
    );
    expect(JSON.parse(preview)).toMatchObject({ kind: 'kabu-guard-page-report', broker: 'rakuten' });
    await report.screenshot({ path: resolve(ARTIFACTS, 'page-report-ja.png') });

    const dir = mkdtempSync(join(tmpdir(), 'kg-page-report-'));
    try {
      const download = report.waitForEvent('download');
      await report.locator('[data-action="save-report"]').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^kabu-guard-page-report-rakuten-\d{8}-\d{4}\.json$/);
      const path = join(dir, file.suggestedFilename());
      await file.saveAs(path);
      const saved = readFileSync(path, 'utf8');
      // what was previewed is what was saved
      expect(saved.trim()).toBe(preview.trim());
      for (let i = 1; i <= SECRETS; i++) expect(saved, secret(i)).not.toContain(secret(i));
      for (const personal of PERSONAL) expect(saved, personal).not.toContain(personal);
      expect(JSON.parse(saved).reading).toMatchObject({ pageKind: 'login-history', status: 'unreadable' });
      await report.locator('[data-field="report-saved"]').waitFor();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await report.close();
    }
  });

  it('sent nothing anywhere but the broker host', () => {
    expect(server.foreignRequests().filter((r) => !isChromiumServiceCall(r))).toEqual([]);
  });
});
