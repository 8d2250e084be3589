// Teach mode in a real browser. An SBI ETGate page (Shift_JIS, under the real
// host name) shows a login history whose column names no built-in reader
// knows (接続時刻 / 接続元アドレス / 端末種別): the extension first reads
// nothing from it. The popup's "このページの表を教える" injects the teach UI;
// the test picks the table with the mouse and maps the columns with the
// keyboard only (the UI is in a closed shadow root, so this is also its
// keyboard path), saves, and on the NEXT visit the page's new rows are
// captured into IndexedDB. Screenshot: test-artifacts/teach-ja.png.
//
// Invented: the control id WPLETsmR017Control, the page's wording and columns,
// the addresses (documentation ranges) and times.

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoSite, SiteRequest, SiteResponse } from '../../demo/site/site';
import { sbi } from '../../utils/brokers/sbi';
import { pageSideOf } from '../../utils/brokers/page-sides';
import { parseHtml } from '../../utils/dom/parse-html';
import type { LoginEvent, Snapshot } from '../../utils/records';
import type { TableMapping } from '../../utils/records/table-mapping';
import { startBrokerServer, type BrokerServer } from '../support/broker-server';
import { launchWithExtension, readTable, waitFor, type ExtensionBrowser } from '../support/chromium';
import { encodeShiftJis } from '../support/shift-jis';

const sbiPage = pageSideOf('sbi')!;

const EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
const ARTIFACTS = resolve('test-artifacts');
const HOST = 'site1.sbisec.co.jp';
const HOME = `https://${HOST}/ETGate/`;
const LOG = `https://${HOST}/ETGate/?_ControlID=WPLETsmR017Control&_PageID=DefaultPID&_DataStoreID=DSWPLETsmR017Control&_ActionID=DefaultAID`;

interface Row {
  at: string;
  ip: string;
  device: string;
}
const site = {
  rows: [
    { at: '2026/05/01 20:15:03', ip: '203.0.113.10', device: 'Windows / Chrome' },
    { at: '2026/04/29 08:01:59', ip: '198.51.100.7', device: 'iOS / Safari' },
    { at: '2026/04/27 21:44:10', ip: '203.0.113.10', device: 'Windows / Chrome' },
  ] as Row[],
  requests: [] as SiteRequest[],
};

function page(body: string, title: string): string {
  return `<!DOCTYPE html><html lang="ja"><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>${title}</title></head><body>
<div id="header"><a href="/ETGate/">ホーム</a> <a href="/ETGate/?_ControlID=WPLETlgR001Control&_ActionID=logout">ログアウト</a></div>
${body}</body></html>`;
}

function render(url: string): string {
  if (url.includes('WPLETsmR017Control')) {
    const rows = site.rows.map((r) => `<tr><td>${r.at}</td><td>${r.ip}</td><td>${r.device}</td></tr>`).join('');
    return page(
      `<h2>ご利用端末の接続記録</h2><p>直近の接続を表示しています。心当たりのない接続があればお問い合わせください。</p>
<div style="height:200px"></div>
<table id="connect-log" border="1"><tr><th>接続時刻</th><th>接続元アドレス</th><th>端末種別</th></tr>${rows}</table>`,
      'ご利用端末の接続記録｜SBI証券',
    );
  }
  return page(`<h2>ようこそ</h2><p><a href="${LOG}">接続記録</a></p>`, 'SBI証券');
}

const tinySbi: DemoSite = {
  render(): SiteResponse {
    throw new Error('not used');
  },
  handle(req: SiteRequest): SiteResponse {
    if (req.host !== HOST) return { status: 404, headers: {}, body: new Uint8Array() };
    site.requests.push(req);
    return {
      status: 200,
      headers: { 'content-type': 'text/html; charset=Shift_JIS', 'cache-control': 'no-store' },
      body: encodeShiftJis(render(req.url)),
    };
  },
} as DemoSite;

let server: BrokerServer;
let browser: ExtensionBrowser;
let tab: Page;

const logins = () => readTable<LoginEvent>(browser.sw, 'logins');
const mappings = () => readTable<TableMapping>(browser.sw, 'mappings' as never);
const snapshots = () => readTable<Snapshot>(browser.sw, 'snapshots');

beforeAll(async () => {
  server = await startBrokerServer({ site: tinySbi });
  browser = await launchWithExtension({ extensionDir: EXTENSION_DIR, args: server.chromiumArgs() });
  tab = await browser.context.newPage();
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('teach mode in Chromium', () => {
  it('the built-in readers do not know the page: nothing is read from it', async () => {
    const doc = parseHtml(render(LOG));
    expect(sbi.readPage(doc, LOG).status).toBe('unsupported');
    expect(sbiPage.readPage(doc, LOG).status).toBe('unsupported');
    await tab.goto(HOME);
    await tab.goto(LOG);
    await tab.locator('#connect-log').waitFor();
    // the visit is recorded; the page is not sent (no snapshot of it, no logins)
    await waitFor('the visit', async () => (await readTable(browser.sw, 'visits')).length > 0 || undefined);
    await tab.waitForTimeout(1500);
    expect((await snapshots()).filter((s) => s.url.includes('WPLETsmR017Control'))).toEqual([]);
    expect(await logins()).toEqual([]);
  });

  it('the popup starts teach mode; the table is picked and its columns mapped; save stores the mapping and the rows', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const teach = popup.locator('[data-action="teach"]');
    expect(await teach.textContent()).toBe('このページの表を教える');
    // the popup acts on the tab in front, as when opened from the toolbar on the broker page
    await tab.bringToFront();
    const closed = popup.waitForEvent('close');
    await teach.click();
    await closed;

    // the teach UI is a closed shadow root: only its host is visible to the page
    await waitFor('the teach UI', async () => (await tab.locator('kabu-guard-teach').count()) > 0 || undefined);
    expect(await tab.evaluate(() => document.querySelector('kabu-guard-teach')!.shadowRoot)).toBeNull();
    await tab.screenshot({ path: resolve(ARTIFACTS, 'teach-pick-ja.png') });
    await tab.locator('#connect-log td').first().click();

    // keyboard only: the kind is focused first, then one drop-down per column
    // options: (使わない), 日時, 日付, 時刻, IPアドレス, ... ; 端末種別 is guessed as 端末・ご利用環境
    await tab.keyboard.press('Tab'); // 接続時刻
    await tab.keyboard.press('ArrowDown'); // -> 日時
    await tab.keyboard.press('Tab'); // 接続元アドレス
    for (let i = 0; i < 4; i++) await tab.keyboard.press('ArrowDown'); // -> IPアドレス
    await tab.keyboard.press('Tab'); // 端末種別
    await tab.screenshot({ path: resolve(ARTIFACTS, 'teach-ja.png') });
    await tab.keyboard.press('Tab'); // 保存する
    await tab.keyboard.press('Enter');

    const [m] = await waitFor('the mapping stored', async () => ((await mappings()).length ? mappings() : undefined));
    expect(m).toMatchObject({
      broker: 'sbi',
      kind: 'login-history',
      origin: 'taught',
      urlPattern: '/ETGate/?_ControlID=WPLETsmR017Control',
      signature: ['接続時刻', '接続元アドレス', '端末種別'],
      title: 'ご利用端末の接続記録｜SBI証券',
    });
    expect([...m!.columns].sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { header: '接続時刻', field: 'at' },
      { header: '端末種別', field: 'environment' },
      { header: '接続元アドレス', field: 'ip' },
    ]);
    // the page is read again at once with the new mapping, and the UI is gone
    await waitFor('the rows of this visit', async () => (await logins()).length === 3 || undefined);
    expect(await tab.locator('kabu-guard-teach').count()).toBe(0);
  });

  it('on the next visit the new rows are captured with the taught mapping', async () => {
    site.rows.unshift({ at: '2026/05/03 07:30:00', ip: '198.51.100.23', device: 'Android / Chrome' });
    await tab.goto(HOME);
    await tab.goto(LOG);
    const added = await waitFor('the new row', async () =>
      (await logins()).find((l) => l.at === '2026-05-03T07:30:00+09:00'),
    );
    expect(added).toMatchObject({ broker: 'sbi', ip: '198.51.100.23', result: 'success' });
    const all = await logins();
    expect(all.map((l) => [l.at, l.ip]).sort()).toEqual([
      ['2026-04-27T21:44:10+09:00', '203.0.113.10'],
      ['2026-04-29T08:01:59+09:00', '198.51.100.7'],
      ['2026-05-01T20:15:03+09:00', '203.0.113.10'],
      ['2026-05-03T07:30:00+09:00', '198.51.100.23'],
    ]);
    const [m] = await mappings();
    const taughtSnaps = (await snapshots()).filter((s) => s.url.includes('WPLETsmR017Control'));
    expect(taughtSnaps.length).toBeGreaterThanOrEqual(2);
    for (const s of taughtSnaps)
      expect(s.parse).toMatchObject({ status: 'ok', parserVersion: `sbi/2026.11.1+taught:${m!.id}` });
  });

  it('the dashboard lists the taught table, and removes it', async () => {
    const [m] = await mappings();
    const dash = await browser.context.newPage();
    await dash.setViewportSize({ width: 1000, height: 900 });
    await dash.goto(`chrome-extension://${browser.extensionId}/dashboard.html#settings`);
    const item = dash.locator(`[data-mapping-id="${m!.id}"]`);
    await item.waitFor();
    const text = await item.textContent();
    expect(text).toContain('SBI証券');
    expect(text).toContain('/ETGate/?_ControlID=WPLETsmR017Control');
    expect(text).toContain('接続時刻 → 日時');
    await item.scrollIntoViewIfNeeded();
    await dash.screenshot({ path: resolve(ARTIFACTS, 'teach-mappings-ja.png') });
    dash.once('dialog', (d) => void d.accept());
    await item.locator('[data-action="remove-mapping"]').click();
    await dash.locator('[data-field="mappings-empty"]').waitFor();
    expect(await mappings()).toEqual([]);
    await dash.close();
  });
});
