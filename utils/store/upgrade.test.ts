// Schema upgrades (issue 11): a database written by an earlier version of the
// extension (fixtures/db-v<N>.json, produced by that version's own code with
// fixtures/generate-db.ts and never regenerated) opens with the code of today,
// keeps every row as it was (records keep their `v`), and still works:
// the log verifies, records rebuild from the snapshots, a new capture lands.
// Every schema version adds its fixture here.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestCapture, readPendingSnapshots, rebuildFromSnapshots } from '../capture/ingest';
import { inconsistencies } from '../capture/testing/consistency';
import { parseHtml } from '../dom/parse-html';
import type { CaptureLogEntry, LoginEvent, Snapshot } from '../records';
import { allLoginIds, allLogins, loginsAt, loginsOf } from './logins';
import { verifyCaptureLog } from './capture-log';
import { KabuGuardDB, NOT_READ } from './db';
import { decodeRows, restoreDump, type DbDump } from './fixtures/dump';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
const fixtures = readdirSync(dir)
  .filter((f) => /^db-v\d+\.json$/.test(f))
  .map((f) => [f, JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as DbDump] as const);
const LATEST = new KabuGuardDB('schema-probe').verno;

const hasTable = (db: KabuGuardDB, name: string) => db.tables.some((t) => t.name === name);
const byId = (rows: unknown[]) =>
  [...(rows as LoginEvent[])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) as unknown[];

async function upgraded(dump: DbDump, edit?: (d: DbDump) => void): Promise<KabuGuardDB> {
  const copy = structuredClone(dump);
  edit?.(copy);
  const name = `upgrade-${Math.random()}`;
  await restoreDump(name, copy);
  const db = new KabuGuardDB(name);
  await db.open();
  return db;
}

describe('schema upgrades', () => {
  it('has a fixture for version 1 and for the current version', () => {
    expect(fixtures.map(([, d]) => d.version)).toContain(1);
    expect(fixtures.map(([, d]) => d.version)).toContain(LATEST);
  });

  it.each(fixtures)('opens %s with the current code and keeps every row as it was', async (_f, dump) => {
    const db = await upgraded(dump);
    expect(db.verno).toBe(LATEST);
    for (const [table, rows] of Object.entries(dump.tables)) {
      // version 4 keeps the logins a broker's day to a record (utils/records/login-day.ts): read them as rows
      const stored = table === 'logins' && !hasTable(db, table) ? await allLogins(db) : await db.table(table).toArray();
      expect(stored, table).toEqual(table === 'logins' ? byId(decodeRows(rows)) : decodeRows(rows));
      for (const row of stored as Array<{ v?: unknown }>) if ('v' in row) expect(row.v, table).toBe(1);
    }
    // no index an earlier version declared is lost
    for (const [table, spec] of Object.entries(dump.stores)) {
      // a table version 4 replaced by its packed form (the indexes it served: [broker+day], ids)
      if (table === 'logins' && !hasTable(db, table)) continue;
      const t = db.table(table);
      const now = [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)];
      for (const index of spec.split(', ')) expect(now, table).toContain(index);
    }
    expect(await verifyCaptureLog(await db.captureLog.orderBy('seq').toArray())).toEqual({ ok: true });
    expect(dump.tables.snapshots!.length).toBeGreaterThan(5);
    expect(dump.tables.alerts!.length).toBeGreaterThan(0);
  });

  it.each(fixtures)(
    '%s: owed work finishes, records rebuild from its snapshots, a new capture chains on',
    async (_f, dump) => {
      const db = await upgraded(dump);
      const owed = (dump.tables.pending ?? []).filter((p) => (p as { kind: string }).kind === 'read').length;
      expect(await readPendingSnapshots(db, parseHtml)).toHaveLength(owed);
      expect(await db.pending.where('kind').equals('read').count()).toBe(0);
      expect(await inconsistencies(db)).toEqual([]);
      const ids = async () => ({
        logins: (await allLoginIds(db)).sort(),
        accountEvents: (await db.accountEvents.toCollection().primaryKeys()).sort(),
        loginObservations: (await db.loginObservations.toCollection().primaryKeys()).sort(),
      });
      const before = await ids();
      const ordersBefore = await db.orders.toArray();
      await rebuildFromSnapshots(db, parseHtml);
      expect(await ids()).toEqual(before);
      // orders keep their ids, except that one trade an earlier version stored twice (seen on the order
      // inquiry and on the trade history) is now one record holding both snapshots (issue 9)
      const after = new Map((await db.orders.toArray()).map((o) => [o.id, o]));
      for (const o of ordersBefore) {
        const kept =
          after.get(o.id) ??
          [...after.values()].find(
            (a) =>
              o.snapshotIds.every((s) => a.snapshotIds.includes(s)) && a.side === o.side && a.quantity === o.quantity,
          );
        expect(kept, o.id).toBeDefined();
      }
      if (dump.version >= 3) expect([...after.keys()].sort()).toEqual(ordersBefore.map((o) => o.id).sort());
      await ingestCapture(
        db,
        {
          broker: 'rakuten',
          url: 'https://member.rakuten-sec.co.jp/app/acc_login_history_lst.do',
          how: 'visit',
          charset: 'utf-8',
          html: '<html><body><a href="/app/logout.do">ログアウト</a><table><tr><th>ログイン日時</th><th>ログイン方法</th></tr><tr><td>2025/04/12 09:00</td><td>PC</td></tr></table></body></html>',
        },
        parseHtml,
      );
      const log = await db.captureLog.orderBy('seq').toArray();
      // owed readings, the rebuild, the new capture and its reading
      expect(log.length).toBe(dump.tables.captureLog!.length + owed + 3);
      expect(await verifyCaptureLog(log)).toEqual({ ok: true });
    },
  );

  it("packs version 3's logins a broker's day to a record: every row, id and snapshotId kept; a rebuild gives the same rows", async () => {
    const v3 = fixtures.find(([, d]) => d.version === 3)![1];
    const rows = byId(decodeRows(v3.tables.logins!)) as LoginEvent[];
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((e) => e.broker)).size).toBeGreaterThan(1);
    const db = await upgraded(v3);
    expect(hasTable(db, 'logins')).toBe(false);
    const kept = await allLogins(db);
    expect(kept).toEqual(rows);
    expect(kept.map((e) => [e.id, e.snapshotIds])).toEqual(rows.map((e) => [e.id, e.snapshotIds]));
    // one record per broker and day, holding exactly that day's rows, oldest first, each findable by id
    const days = await db.loginDays.toArray();
    expect(days.length).toBe(new Set(rows.map((e) => `${e.broker}|${e.at.slice(0, 10)}`)).size);
    for (const d of days) {
      expect(d.id).toBe(`${d.broker}|${d.day}`);
      expect(d.ids).toEqual(d.rows.map((e) => e.id));
      expect(d.rows.every((e) => e.broker === d.broker && e.at.startsWith(d.day))).toBe(true);
      expect(d.rows.map((e) => e.at)).toEqual(d.rows.map((e) => e.at).sort());
    }
    expect(await loginsAt(db, rows)).toEqual(rows);
    for (const broker of new Set(rows.map((e) => e.broker)))
      expect((await loginsOf(db, broker)).map((e) => e.id).sort()).toEqual(
        rows.filter((e) => e.broker === broker).map((e) => e.id),
      );
    await readPendingSnapshots(db, parseHtml);
    const before = await allLogins(db);
    await rebuildFromSnapshots(db, parseHtml);
    expect(await allLogins(db)).toEqual(before);
    expect(await inconsistencies(db)).toEqual([]);
  });

  it('marks a snapshot version 1 stored but never read (a worker stop) as owed a reading', async () => {
    const v1 = fixtures.find(([, d]) => d.version === 1)![1];
    let unread: Snapshot | undefined;
    const db = await upgraded(v1, (d) => {
      unread = d.tables.snapshots!.find((s) => (s as Snapshot).parse.records > 0) as Snapshot;
      // what version 1 wrote before reading (utils/capture/ingest.ts on main)
      unread.parse = {
        status: 'unreadable',
        parserVersion: NOT_READ,
        warnings: ['not parsed yet'],
        records: 0,
        at: unread.capturedAt,
      };
      d.tables.captureLog = (d.tables.captureLog as CaptureLogEntry[]).filter(
        (e) => !(e.type === 'parse' && e.detail.snapshotId === unread!.id),
      );
    });
    expect(await db.pending.toArray()).toEqual([
      {
        v: 1,
        id: `read:${unread!.id}`,
        kind: 'read',
        snapshotId: unread!.id,
        broker: unread!.broker,
        at: unread!.capturedAt,
      },
    ]);
  });
});
