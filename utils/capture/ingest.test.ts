import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../dom/parse-html';
import { KabuGuardDB } from '../store/db';
import { verifyCaptureLog } from '../store/capture-log';
import { ingestCapture, readPendingSnapshots, readSnapshot, rebuildFromSnapshots, storeSnapshot } from './ingest';
import { inconsistencies } from './testing/consistency';
import { injectFaults } from './testing/faults';
import { allLogins, clearLogins, countAllLogins, loginsBetween } from '../store/logins';

const page = (rows: string) => `<!DOCTYPE html><html><head><title>ログイン履歴 | 楽天証券</title></head><body>
<a href="/app/logout.do">ログアウト</a><h2>ログイン履歴</h2>
<table><tr><th>ログイン日時</th><th>ログイン方法</th></tr>${rows}</table></body></html>`;
const row = (at: string, ch: string) => `<tr><td>${at}</td><td>${ch}</td></tr>`;
const newDb = () => new KabuGuardDB(`test-${Math.random()}`);
const url = 'https://member.rakuten-sec.co.jp/app/login_history.do;BV_SessionID=ABCDEF0123.ee24ea7f?eventType=init';

describe('ingestCapture', () => {
  it('stores the snapshot, reads its rows, and adds no duplicates on re-reading', async () => {
    const db = newDb();
    const first = await ingestCapture(
      db,
      {
        broker: 'rakuten',
        url,
        how: 'visit',
        charset: 'utf-8',
        html: page(row('2025/03/29 02:41', 'PC') + row('2025/03/27 21:14', 'スマートフォン')),
      },
      parseHtml,
    );
    expect(first.reading.status).toBe('ok');
    expect(first.added).toBe(2);
    expect(first.snapshot.url).not.toContain('BV_SessionID');
    const second = await ingestCapture(
      db,
      {
        broker: 'rakuten',
        url,
        how: 'visit',
        charset: 'utf-8',
        html: page(
          row('2025/04/01 12:58', 'PC') + row('2025/03/29 02:41', 'PC') + row('2025/03/27 21:14', 'スマートフォン'),
        ),
      },
      parseHtml,
    );
    expect(second.added).toBe(1);
    expect(await countAllLogins(db)).toBe(3);
    expect(await db.snapshots.count()).toBe(2);
    const [overlap] = await loginsBetween(db, 'rakuten', '2025-03-29T02:41:00+09:00', '2025-03-29T02:41:00+09:00');
    expect(overlap?.snapshotIds).toEqual([first.snapshot.id, second.snapshot.id]);
    const log = await db.captureLog.orderBy('seq').toArray();
    expect(log.map((e) => e.type)).toEqual(['capture', 'parse', 'capture', 'parse']);
    expect(await verifyCaptureLog(log)).toEqual({ ok: true });
    log[1]!.detail = { tampered: true };
    expect((await verifyCaptureLog(log)).ok).toBe(false);
  });

  it('keeps an unreadable page as a flagged snapshot and stores no records', async () => {
    const db = newDb();
    const html = page(row('昨日の夜', 'PC'));
    const r = await ingestCapture(db, { broker: 'rakuten', url, how: 'visit', charset: 'utf-8', html }, parseHtml);
    expect(r.reading.status).toBe('unreadable');
    expect(await countAllLogins(db)).toBe(0);
    const snap = await db.snapshots.get(r.snapshot.id);
    expect(snap?.parse.status).toBe('unreadable');
    expect((await db.snapshotBodies.get(snap!.sha256))?.bytes.byteLength).toBe(
      new TextEncoder().encode(html).byteLength,
    );
    expect((await db.health.get('rakuten'))?.state).toBe('unreadable');
  });

  it('rebuilds records from snapshots alone', async () => {
    const db = newDb();
    await ingestCapture(
      db,
      { broker: 'rakuten', url, how: 'visit', charset: 'utf-8', html: page(row('2025/03/29 02:41', 'PC')) },
      parseHtml,
    );
    const before = await allLogins(db);
    await db.transaction('rw', db.loginDays, () => clearLogins(db));
    expect(await rebuildFromSnapshots(db, parseHtml)).toEqual({ snapshots: 1, logins: 1 });
    expect(await allLogins(db)).toEqual(before);
  });

  it("stores the home page's previous-login banner as a login observation, and rebuilds it", async () => {
    const db = newDb();
    const html = readFileSync(fileURLToPath(new URL('../brokers/rakuten/fixtures/home-banner.html', import.meta.url)));
    const home = 'https://member.rakuten-sec.co.jp/app/home.do;BV_SessionID=ABCDEF0123.ee24ea7f?eventType=init';
    const r = await ingestCapture(
      db,
      { broker: 'rakuten', url: home, how: 'visit', charset: 'utf-8', html: html.toString('utf8') },
      parseHtml,
    );
    expect([r.reading.status, r.added, r.newEventIds.length]).toEqual(['ok', 1, 1]);
    const stored = await db.loginObservations.toArray();
    expect(stored).toMatchObject([
      { at: '2026-03-26T20:01:00+09:00', source: 'previous-login', snapshotIds: [r.snapshot.id] },
    ]);
    expect((await db.snapshots.get(r.snapshot.id))?.parse).toMatchObject({ status: 'ok', records: 1 });
    expect(await inconsistencies(db)).toEqual([]);
    await db.loginObservations.clear();
    await rebuildFromSnapshots(db, parseHtml);
    expect(await db.loginObservations.toArray()).toEqual(stored);
  });
});

describe('a page is read once', () => {
  it("a capture's own reading and another capture's owed work reading the same page at once: one parse entry", async () => {
    const db = newDb();
    const html = page(row('2025/03/29 02:41', 'PC') + row('2025/03/27 21:14', 'スマートフォン'));
    const { snapshot, bytes } = await storeSnapshot(db, {
      broker: 'rakuten',
      url,
      how: 'visit',
      charset: 'utf-8',
      html,
    });
    // the capture reads its page while another capture finishes the work owed, which lists this page too
    const [own, owed] = await Promise.all([
      readSnapshot(db, snapshot, bytes, parseHtml),
      readPendingSnapshots(db, parseHtml),
    ]);
    const log = await db.captureLog.orderBy('seq').toArray();
    expect(log.map((e) => e.type)).toEqual(['capture', 'parse']);
    expect(await inconsistencies(db)).toEqual([]);
    expect([own.added, ...owed.map((r) => r.added)]).toEqual([2, 0]);
    expect(await countAllLogins(db)).toBe(2);
    expect(await db.pending.where('kind').equals('read').count()).toBe(0);
  });
});

describe('rebuildFromSnapshots, all or nothing (issue 11 item 12)', () => {
  it('leaves the records as they were when it is interrupted at the 3rd of 4 snapshots', async () => {
    const name = `test-${Math.random()}`;
    const db = new KabuGuardDB(name);
    const faults = injectFaults(db);
    for (let d = 1; d <= 4; d++) {
      const rows = [0, 1, 2, 3, 4].map((m) => row(`2025/03/0${d} 0${m}:1${d}`, 'PC')).join('');
      await ingestCapture(
        db,
        {
          broker: 'rakuten',
          url,
          how: 'visit',
          charset: 'utf-8',
          html: page(rows),
          capturedAt: `2025-03-0${d}T12:00:00+09:00`,
        },
        parseHtml,
      );
    }
    expect(await countAllLogins(db)).toBe(20);
    const before = await allLogins(db);
    // the page doing the re-read is closed while it stores the 3rd snapshot's logins
    faults.arm({ kind: 'stop', at: 3, only: (table, req) => table === 'loginDays' && req.type === 'put' });
    await expect(rebuildFromSnapshots(db, parseHtml)).rejects.toThrow();
    const after = new KabuGuardDB(name);
    expect(await allLogins(after)).toEqual(before);
    expect(await inconsistencies(after)).toEqual([]);
    expect(await rebuildFromSnapshots(after, parseHtml)).toEqual({ snapshots: 4, logins: 20 });
    expect(await allLogins(after)).toEqual(before);
  });
});

describe('ingestCapture, all or nothing', () => {
  it('reports the ids of events seen for the first time, and none on a re-capture', async () => {
    const db = newDb();
    const html = page(row('2025/03/29 02:41', 'PC'));
    const first = await ingestCapture(db, { broker: 'rakuten', url, how: 'visit', charset: 'utf-8', html }, parseHtml);
    expect(first.newEventIds).toHaveLength(1);
    expect((await allLogins(db)).find((e) => e.id === first.newEventIds[0])).toMatchObject({
      at: '2025-03-29T02:41:00+09:00',
      channel: 'PC',
    });
    // detection finds a new login by its time: the capture and the work it owes say where the new ones begin
    expect(first.loginsFrom).toBe('2025-03-29T02:41:00+09:00');
    expect((await db.pending.get(`detect:${first.snapshot.id}`))?.loginsFrom).toBe('2025-03-29T02:41:00+09:00');
    const again = await ingestCapture(db, { broker: 'rakuten', url, how: 'visit', charset: 'utf-8', html }, parseHtml);
    expect(again.newEventIds).toEqual([]);
    expect(again.loginsFrom).toBeUndefined();
  });

  it('stores nothing of a reading when one of its records is invalid', async () => {
    const db = newDb();
    // valid logins, then an order whose time fails zod: the logins must not be left behind
    const { rakuten } = await import('../brokers/rakuten');
    const original = rakuten.readPage;
    rakuten.readPage = (doc, u) => {
      const r = original(doc, u);
      return { ...r, orders: [{ at: 'not a time', side: 'sell', symbol: '7203', status: 'executed', raw: {} }] };
    };
    try {
      const r = await ingestCapture(
        db,
        { broker: 'rakuten', url, how: 'visit', charset: 'utf-8', html: page(row('2025/03/29 02:41', 'PC')) },
        parseHtml,
      );
      expect(r.reading.status).toBe('unreadable');
      expect(await db.orders.count()).toBe(0);
      expect(await countAllLogins(db)).toBe(0);
      expect(await db.snapshots.count()).toBe(1);
    } finally {
      rakuten.readPage = original;
    }
  });
});

describe('health after a capture', () => {
  it('keeps the visit and check bookkeeping, and replaces what the reading says', async () => {
    const db = newDb();
    const { recordVisit } = await import('../store/visits');
    const { recordCheckResult } = await import('./check-plan');
    await ingestCapture(
      db,
      { broker: 'rakuten', url, how: 'visit', charset: 'utf-8', html: page(row('昨日の夜', 'PC')) },
      parseHtml,
    );
    expect((await db.health.get('rakuten'))?.message).toBeTruthy();
    await recordVisit(db, 'rakuten', url, Date.parse('2025-04-10T12:30:00+09:00'));
    await recordCheckResult(db, 'rakuten', 'ok', undefined, Date.parse('2025-04-10T12:31:00+09:00'));
    await ingestCapture(
      db,
      { broker: 'rakuten', url, how: 'visit', charset: 'utf-8', html: page(row('2025/03/29 02:41', 'PC')) },
      parseHtml,
    );
    const h = await db.health.get('rakuten');
    expect(h).toMatchObject({
      state: 'readable',
      lastVisitAt: '2025-04-10T12:30:00+09:00',
      lastCheckStatus: 'ok',
      lastCheckOkAt: '2025-04-10T12:31:00+09:00',
    });
    expect(h?.message).toBeUndefined();
    expect(h?.lastCaptureAt).toBe(h?.at);
  });
});
