// Issue 11 in a real browser (e2e build in Chromium, real IndexedDB): the
// day-one import of years of history is stored whole (131+ rows used to fail
// here with PrematureCommitError), two extension pages importing at once keep
// one linear log and every row, the owed detection runs in the background,
// and the settings show the storage in use.

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventedTradeHistoryJp } from '../../utils/import/fixtures/invented-trade-history';
import type { CaptureLogEntry, OrderEvent, PendingWork, Snapshot } from '../../utils/records';
import { verifyCaptureLog } from '../../utils/store/capture-log';
import { launchWithExtension, readTable, waitFor, type ExtensionBrowser } from '../support/chromium';

const EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
const ARTIFACTS = resolve('test-artifacts');

// invented trades in the layout of Rakuten's 取引履歴 CSV, one a day from 2019-01-07
const csv = (rows: number, code: string, name: string, from = 0): Buffer =>
  Buffer.from(inventedTradeHistoryJp({ rows, code, name, from, firstDay: Date.UTC(2019, 0, 7) }));

let browser: ExtensionBrowser;

async function open(path: string): Promise<Page> {
  const p = await browser.context.newPage();
  await p.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return p;
}

async function importInto(p: Page, name: string, buffer: Buffer): Promise<string> {
  await p.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
  return (await p.locator('[data-field="messages"] li').first().textContent({ timeout: 60_000 })) ?? '';
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchWithExtension({ extensionDir: EXTENSION_DIR });
});

afterAll(async () => {
  await browser?.close();
});

describe('hardening in Chromium (issue 11)', () => {
  it('imports a 156-row trade history whole: orders, snapshot status and log agree, detection runs', async () => {
    const p = await open('orders.html');
    const message = await importInto(p, 'tradehistory(JP)_20260101.csv', csv(156, '4599', '国内小型株Ｃ（架空）'));
    expect(message).toContain('156');
    const orders = await readTable<OrderEvent>(browser.sw, 'orders');
    expect(orders).toHaveLength(156);
    const [snap] = await readTable<Snapshot>(browser.sw, 'snapshots');
    expect(snap?.parse).toMatchObject({ status: 'ok', records: 156 });
    const log = await readTable<CaptureLogEntry>(browser.sw, 'captureLog');
    expect(log.filter((e) => e.type === 'parse').map((e) => e.detail)).toEqual([
      expect.objectContaining({ snapshotId: snap!.id, status: 'ok', orders: 156, added: 156 }),
    ]);
    // the page asked the background to run the detection the import is owed
    await waitFor('owed detection done', async () =>
      (await readTable<PendingWork>(browser.sw, 'pending' as never)).length === 0 ? true : undefined,
    );
    await p.close();
  });

  it('two pages importing at once: every row stored, one linear hash chain', async () => {
    const [a, b] = await Promise.all([open('orders.html'), open('orders.html')]);
    const messages = await Promise.all([
      importInto(a, 'tradehistory(JP)_20260201.csv', csv(200, '9432', '日本電信電話', 200)),
      importInto(b, 'tradehistory(JP)_20260202.csv', csv(180, '7203', 'トヨタ自動車', 400)),
    ]);
    expect(messages[0]).toContain('200');
    expect(messages[1]).toContain('180');
    expect(await readTable<OrderEvent>(browser.sw, 'orders')).toHaveLength(156 + 200 + 180);
    const log = (await readTable<CaptureLogEntry>(browser.sw, 'captureLog')).sort((x, y) => x.seq - y.seq);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect(await verifyCaptureLog(log)).toEqual({ ok: true });
    for (const s of await readTable<Snapshot>(browser.sw, 'snapshots')) expect(s.parse.status).toBe('ok');
    await Promise.all([a.close(), b.close()]);
  });

  it('shows the storage in use and that the browser keeps it (unlimitedStorage)', async () => {
    const dash = await open('dashboard.html#settings');
    const use = await dash.locator('[data-field="storage-use"]').textContent({ timeout: 15_000 });
    expect(use).toMatch(/^使用量：[\d.]+ (?:KB|MB)（ブラウザが認める上限 [\d.]+ (?:GB|TB) の \d+%）$/);
    expect(await dash.locator('[data-field="storage-persisted"]').textContent()).toMatch(/自動で消されない/);
    expect(await dash.locator('[data-field="storage-full"]').count()).toBe(0);
    await dash.locator('[data-field="storage"]').screenshot({ path: resolve(ARTIFACTS, 'settings-storage-ja.png') });
  });
});
