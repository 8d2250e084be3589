// The previous-login banner as a login observation: explained by this browser's
// visits or by the login history; otherwise the login history is read at once,
// and where it cannot be read (or does not list it) the user is asked, low-key.
import { afterEach, describe, expect, it } from 'vitest';
import type { BrokerId, LoginRow } from '../brokers/types';
import { ZERO_HASH } from '../crypto';
import type { Snapshot } from '../records';
import { KabuGuardDB } from '../store/db';
import { markInstalled } from '../store/install';
import { upsertLogins } from '../store/logins';
import { upsertObservations } from '../store/observations';
import { recordVisit } from '../store/visits';
import { runDetection } from './engine';

let db: KabuGuardDB;
afterEach(async () => {
  db.close();
  await db.delete();
});

const snap = (
  broker: BrokerId,
  id: string,
  at: string,
  pageKind: Snapshot['pageKind'],
  status: Snapshot['parse']['status'],
): Snapshot => ({
  v: 1,
  id,
  broker,
  pageKind,
  url: 'https://member.rakuten-sec.co.jp/app/home.do',
  capturedAt: at,
  how: 'visit',
  charset: 'utf-8',
  storedEncoding: 'utf-8',
  mediaType: 'text/html',
  sha256: ZERO_HASH,
  size: 0,
  redactions: [],
  parse: { status, parserVersion: 't', warnings: [], records: 0, at },
});

/** A PC user of 楽天証券 (this browser) for three weeks; the history read once. */
async function pcUser(broker: BrokerId = 'rakuten') {
  db = new KabuGuardDB(`banner-${Math.random()}`);
  await markInstalled(db, '2025-03-01T20:00:00+09:00');
  const rows: LoginRow[] = [];
  for (let d = 1; d <= 21; d++) {
    const at = `2025-03-${String(d).padStart(2, '0')}T20:1${d % 10}:00+09:00`;
    rows.push({ at, result: 'success', channel: 'PC', raw: {} });
    await recordVisit(db, broker, 'https://member.rakuten-sec.co.jp/app/home.do', Date.parse(at) + 60_000);
  }
  await db.snapshots.put(snap(broker, 'snap_h1', '2025-03-21T20:30:00+09:00', 'login-history', 'ok'));
  const r = await upsertLogins(db, broker, rows, 'snap_h1', '2025-03-21T20:30:00+09:00');
  await runDetection(db, { newEventIds: r.addedIds, now: '2025-03-21T20:30:00+09:00' });
  return rows;
}

/** The home page at 20:05 on 3/22, its banner showing `shown`. */
async function banner(shown: string, broker: BrokerId = 'rakuten') {
  await recordVisit(
    db,
    broker,
    'https://member.rakuten-sec.co.jp/app/home.do',
    Date.parse('2025-03-22T20:05:00+09:00'),
  );
  await db.snapshots.put(snap(broker, 'snap_home', '2025-03-22T20:05:30+09:00', 'other', 'ok'));
  const o = await upsertObservations(
    db,
    broker,
    [{ at: shown, shown: `前回ログイン日時：${shown}` }],
    'snap_home',
    '2025-03-22T20:05:30+09:00',
  );
  return runDetection(db, { newEventIds: o.addedIds, now: '2025-03-22T20:05:30+09:00' });
}

describe('the previous-login banner', () => {
  it("showing this browser's own last login: nothing to do", async () => {
    await pcUser();
    const r = await banner('2025-03-21T20:11:00+09:00');
    expect(r.needsLoginHistory).toEqual([]);
    expect(await db.alerts.count()).toBe(0);
  });

  it('showing a login nothing explains: the login history is read at once, once, and nothing is alerted yet', async () => {
    await pcUser();
    const r = await banner('2025-03-22T03:12:00+09:00');
    expect(r.needsLoginHistory).toEqual(['rakuten']);
    expect(await db.alerts.count()).toBe(0);
    // the check's reading, still without a capture of the history: no second request
    const again = await runDetection(db, { newEventIds: [], brokers: ['rakuten'], now: '2025-03-22T20:06:00+09:00' });
    expect(again.needsLoginHistory).toEqual([]);
  });

  it('the login history read at once lists it: judged there like any login (a smartphone at 03:12)', async () => {
    const rows = await pcUser();
    await banner('2025-03-22T03:12:00+09:00');
    const phone: LoginRow = { at: '2025-03-22T03:12:00+09:00', result: 'success', channel: 'スマートフォン', raw: {} };
    await db.snapshots.put(snap('rakuten', 'snap_h2', '2025-03-22T20:06:00+09:00', 'login-history', 'ok'));
    const r = await upsertLogins(db, 'rakuten', [...rows, phone], 'snap_h2', '2025-03-22T20:06:00+09:00');
    await runDetection(db, { newEventIds: r.addedIds, now: '2025-03-22T20:06:00+09:00' });
    const alerts = await db.alerts.toArray();
    expect(alerts.map((a) => [a.severity, a.reasons[0]!.rule])).toEqual([['high', 'new-channel']]);
  });

  it('the login history read since does not list it: a low-key question with the time', async () => {
    const rows = await pcUser();
    await banner('2025-03-22T03:12:00+09:00');
    await db.snapshots.put(snap('rakuten', 'snap_h2', '2025-03-22T20:06:00+09:00', 'login-history', 'ok'));
    await upsertLogins(db, 'rakuten', rows, 'snap_h2', '2025-03-22T20:06:00+09:00');
    await runDetection(db, { newEventIds: [], brokers: ['rakuten'], now: '2025-03-22T20:06:00+09:00' });
    expect((await db.alerts.toArray()).map((a) => [a.severity, a.reasons[0]!.rule, a.eventTimes])).toEqual([
      ['low', 'previous-login', ['2025-03-22T03:12:00+09:00']],
    ]);
  });

  it('no login history the extension can read (no known address, never opened): the question at once', async () => {
    await pcUser('sbi');
    await db.snapshots.clear();
    const r = await banner('2025-03-22T03:12:00+09:00', 'sbi');
    expect(r.needsLoginHistory).toEqual([]);
    expect((await db.alerts.toArray()).map((a) => [a.severity, a.reasons[0]!.rule])).toEqual([
      ['low', 'previous-login'],
    ]);
  });
});
