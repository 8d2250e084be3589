import { describe, expect, it } from 'vitest';
import { ingestCapture } from '../capture/ingest';
import { envsOf, facts, login } from '../detect/testkit';
import { parseHtml } from '../dom/parse-html';
import { verifyCaptureLog } from '../store/capture-log';
import { KabuGuardDB } from '../store/db';
import { inconsistencies } from '../capture/testing/consistency';
import { forgetEnvironment, labelEnvironment, trustEnvironment } from './environments';
import { deleteBrokerData } from './retention';
import { allLogins, countAllLogins, putLogins } from '../store/logins';

const newDb = () => new KabuGuardDB(`test-${Math.random()}`);
const page = (title: string) => `<html><head><title>${title}</title></head><body><p>${title}</p></body></html>`;

describe('deleteBrokerData', () => {
  it("deletes one broker's snapshots and records, keeps the other's, and logs the deletion in the chained log", async () => {
    const db = newDb();
    await ingestCapture(
      db,
      { broker: 'sbi', url: 'https://site2.sbisec.co.jp/ETGate/', how: 'visit', charset: 'utf-8', html: page('SBI') },
      parseHtml,
    );
    await ingestCapture(
      db,
      {
        broker: 'rakuten',
        url: 'https://member.rakuten-sec.co.jp/app/home.do',
        how: 'visit',
        charset: 'utf-8',
        html: page('楽天'),
      },
      parseHtml,
    );
    await putLogins(db, [
      login('2025-03-01T12:00:00+09:00', { broker: 'sbi' }),
      login('2025-03-01T13:00:00+09:00', { broker: 'rakuten' }),
    ]);
    const deleted = await deleteBrokerData(db, 'sbi');
    expect(deleted).toMatchObject({ broker: 'sbi', snapshots: 1, logins: 1 });
    expect((await db.snapshots.toArray()).map((s) => s.broker)).toEqual(['rakuten']);
    expect(await db.snapshotBodies.count()).toBe(1);
    expect((await allLogins(db)).map((l) => l.broker)).toEqual(['rakuten']);
    const log = await db.captureLog.orderBy('seq').toArray();
    expect(log.at(-1)).toMatchObject({ type: 'delete', detail: { broker: 'sbi', snapshots: 1, logins: 1 } });
    expect((await verifyCaptureLog(log)).ok).toBe(true);
  });
});

describe('deleteBrokerData while a capture is in flight (issue 11 item 11)', () => {
  const history = `<html><body><a href="/app/logout.do">ログアウト</a><table><tr><th>ログイン日時</th><th>ログイン方法</th></tr>
<tr><td>2025/03/29 02:41</td><td>PC</td></tr><tr><td>2025/03/27 21:14</td><td>スマートフォン</td></tr></table></body></html>`;
  const tick = () => new Promise<void>((r) => setTimeout(r, 0));

  // the deletion lands after k turns of the event loop: every point of the capture, from before its first write to after its last
  it.each(Array.from({ length: 24 }, (_, k) => k))(
    'never leaves a snapshot without its body or records without their snapshot (deletion after %i ticks)',
    async (k) => {
      const db = newDb();
      const capture = ingestCapture(
        db,
        {
          broker: 'rakuten',
          url: 'https://member.rakuten-sec.co.jp/app/acc_login_history_lst.do',
          how: 'visit',
          charset: 'utf-8',
          html: history,
        },
        parseHtml,
      );
      for (let i = 0; i < k; i++) await tick();
      await deleteBrokerData(db, 'rakuten');
      await capture;
      expect(await inconsistencies(db)).toEqual([]);
      // either the capture came after the deletion and is whole, or nothing of it is left
      const snaps = await db.snapshots.count();
      expect([snaps, await countAllLogins(db)]).toEqual(snaps ? [1, 2] : [0, 0]);
    },
  );
});

describe('environment actions', () => {
  it.each([
    [
      'names it',
      async (db: KabuGuardDB, id: string) => labelEnvironment(db, id, '  iPhone アプリ  '),
      { label: 'iPhone アプリ', status: 'baseline' },
      undefined,
    ],
    ['trusts it', async (db: KabuGuardDB, id: string) => trustEnvironment(db, id), { status: 'confirmed' }, 'mine'],
    ['forgets it', async (db: KabuGuardDB, id: string) => forgetEnvironment(db, id), undefined, 'forget'],
  ] as const)('%s', async (_n, act, want, verdict) => {
    const db = newDb();
    const l = login('2025-03-01T12:00:00+09:00', { ip: '153.203.40.10' });
    const env = envsOf([facts(l)])[0]!;
    await putLogins(db, [l]);
    await db.environments.put(env);
    await act(db, env.id);
    const after = await db.environments.get(env.id);
    if (want) expect(after).toMatchObject(want);
    else expect(after).toBeUndefined();
    const log = await db.captureLog.toArray();
    expect(log.map((e) => (e.detail as { verdict?: string }).verdict)).toEqual(verdict ? [verdict] : []);
  });
});
