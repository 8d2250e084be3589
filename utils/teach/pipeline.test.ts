// Teach mode through the real pipeline: the background's message handling,
// then the stored snapshot read with the saved mapping (ingest and rebuild).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ingestCapture, rebuildFromSnapshots } from '../capture/ingest';
import { parseHtml } from '../dom/parse-html';
import { KabuGuardDB } from '../store/db';
import { allMappings, removeMapping, type MappingDraft } from '../store/mappings';
import { saveSettings } from '../store/settings';
import { handleTeachMessage, type TeachApi } from './background';
import { allLogins, countAllLogins } from '../store/logins';

// invented page and rows (documentation addresses)
const URL_ = 'https://member.rakuten-sec.co.jp/app/info_connect_log.do;BV_SessionID=SECRET?eventType=init';
const HTML = `<!DOCTYPE html><html><head><title>接続の記録｜楽天証券</title></head><body><a href="/app/logout.do">ログアウト</a>
<table><tr><th>接続時刻</th><th>接続元アドレス</th><th>端末種別</th></tr>
<tr><td>2026/05/01 20:15:03</td><td>203.0.113.10</td><td>Windows / Chrome</td></tr>
<tr><td>2026/04/29 08:01:59</td><td>198.51.100.7</td><td>iOS / Safari</td></tr></table></body></html>`;
const DRAFT: MappingDraft = {
  broker: 'rakuten',
  urlPattern: '/app/info_connect_log.do',
  kind: 'login-history',
  signature: ['接続時刻', '接続元アドレス', '端末種別'],
  columns: [
    { header: '接続時刻', field: 'at' },
    { header: '接続元アドレス', field: 'ip' },
    { header: '端末種別', field: 'environment' },
  ],
};
const EXT = 'chrome-extension://abcdef/';
const api = (url: string | undefined = URL_): TeachApi & { injected: number[] } => {
  const injected: number[] = [];
  return { extensionOrigin: EXT, tabUrl: async () => url, inject: async (id) => void injected.push(id), injected };
};
const fromPage = { url: URL_, tab: { id: 7, url: URL_ } };
const fromPopup = { url: `${EXT}popup.html` };

let db: KabuGuardDB;
beforeEach(() => {
  db = new KabuGuardDB(`teach-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('teach messages in the background', () => {
  it('starts the teach UI only for the extension page, in a tab of an enabled broker', async () => {
    const a = api();
    expect(await handleTeachMessage(db, { type: 'kg/teach-start', tabId: 7 }, fromPage, a)).toEqual({
      ok: false,
      reason: 'no-tab',
    });
    expect(
      await handleTeachMessage(db, { type: 'kg/teach-start', tabId: 7 }, fromPopup, api('https://example.com/')),
    ).toEqual({ ok: false, reason: 'not-broker' });
    expect(
      await handleTeachMessage(
        db,
        { type: 'kg/teach-start', tabId: 7 },
        fromPopup,
        api('http://member.rakuten-sec.co.jp/app/x.do'),
      ),
    ).toEqual({ ok: false, reason: 'not-broker' });
    expect(a.injected).toEqual([]);
    expect(await handleTeachMessage(db, { type: 'kg/teach-start', tabId: 7 }, fromPopup, a)).toEqual({ ok: true });
    expect(a.injected).toEqual([7]);
    await saveSettings(db, { enabledBrokers: ['sbi'] });
    expect(await handleTeachMessage(db, { type: 'kg/teach-start', tabId: 7 }, fromPopup, a)).toEqual({
      ok: false,
      reason: 'broker-off',
    });
  });

  it.each([
    ["another broker's page", { url: 'https://site1.sbisec.co.jp/ETGate/', tab: {} }, DRAFT, 'not-this-broker'],
    ['an extension page', fromPopup, DRAFT, 'not-this-broker'],
    ['a pattern of another page', fromPage, { ...DRAFT, urlPattern: '/app/home.do' }, 'not-this-page'],
    ['a draft without a time', fromPage, { ...DRAFT, columns: DRAFT.columns.slice(1) }, /^invalid: .*missing fields/],
  ])('refuses a save from %s', async (_what, sender, draft, error) => {
    const r = await handleTeachMessage(db, { type: 'kg/teach-save', draft }, sender, api());
    expect(r).toMatchObject({
      ok: false,
      error: expect.stringMatching(error instanceof RegExp ? error : new RegExp(`^${error}$`)),
    });
    expect(await allMappings(db)).toEqual([]);
  });

  it("saves a mapping from its page, and answers the content script with this page's mappings only", async () => {
    const r = await handleTeachMessage(db, { type: 'kg/teach-save', draft: DRAFT }, fromPage, api());
    expect(r).toMatchObject({ ok: true, id: expect.stringMatching(/^map_/) });
    const q = await handleTeachMessage(db, { type: 'kg/taught-query', broker: 'rakuten', url: URL_ }, fromPage, api());
    expect(q).toEqual({
      mappings: [expect.objectContaining({ id: (r as { id: string }).id, signature: DRAFT.signature })],
    });
    expect(
      await handleTeachMessage(
        db,
        { type: 'kg/taught-query', broker: 'rakuten', url: URL_ },
        { url: 'https://member.rakuten-sec.co.jp/app/home.do' },
        api(),
      ),
    ).toEqual({ mappings: [] });
    // a page of one broker cannot ask for another's
    expect(
      await handleTeachMessage(db, { type: 'kg/taught-query', broker: 'sbi', url: URL_ }, fromPage, api()),
    ).toEqual({ mappings: [] });
  });
});

describe('stored snapshots read with the mapping', () => {
  it('a page no reader knew is captured once taught; a rebuild reads the older snapshot too; removing the mapping and rebuilding drops them again', async () => {
    const before = await ingestCapture(
      db,
      { broker: 'rakuten', url: URL_, how: 'visit', charset: 'utf-8', html: HTML },
      parseHtml,
    );
    expect(before.reading.status).toBe('unsupported');
    expect(await countAllLogins(db)).toBe(0);

    const saved = await handleTeachMessage(db, { type: 'kg/teach-save', draft: DRAFT }, fromPage, api());
    const id = (saved as { id: string }).id;
    const after = await ingestCapture(
      db,
      { broker: 'rakuten', url: URL_, how: 'visit', charset: 'utf-8', html: HTML },
      parseHtml,
    );
    expect(after.reading.status).toBe('ok');
    expect(after.added).toBe(2);
    expect(after.snapshot.parse.parserVersion).toBe(`rakuten/2026.11.1+taught:${id}`);
    const logins = await allLogins(db);
    expect(logins.map((l) => [l.at, l.ip]).sort()).toEqual([
      ['2026-04-29T08:01:59+09:00', '198.51.100.7'],
      ['2026-05-01T20:15:03+09:00', '203.0.113.10'],
    ]);

    await rebuildFromSnapshots(db, parseHtml);
    expect((await db.snapshots.get(before.snapshot.id))?.parse).toMatchObject({
      status: 'ok',
      records: 2,
      parserVersion: `rakuten/2026.11.1+taught:${id}`,
    });
    expect(await countAllLogins(db)).toBe(2);

    await removeMapping(db, id);
    await rebuildFromSnapshots(db, parseHtml);
    expect(await countAllLogins(db)).toBe(0);
    expect((await db.snapshots.get(after.snapshot.id))?.parse.status).toBe('unsupported');
  });

  it("another broker's mapping is not used for this broker's snapshot", async () => {
    const spy = vi.fn();
    await db.mappings.put({
      format: 'kabu-guard/table-mapping/1',
      id: 'map_00000000000000ff',
      ...DRAFT,
      broker: 'sbi',
      createdAt: '2026-05-01T00:00:00+09:00',
      origin: 'imported',
    });
    const r = await ingestCapture(
      db,
      { broker: 'rakuten', url: URL_, how: 'visit', charset: 'utf-8', html: HTML },
      parseHtml,
    );
    spy(r.reading.status);
    expect(spy).toHaveBeenCalledWith('unsupported');
  });
});
