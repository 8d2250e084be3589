import { it } from 'vitest';
import type { LoginRow } from '../utils/brokers/types';
import { KabuGuardDB } from '../utils/store/db';
import { loginEventIds, upsertLogins } from '../utils/store/logins';
import { recordVisit } from '../utils/store/visits';
import { applyFeedback, rebuildDetection, runDetection } from '../utils/detect/engine';
const row = (at: string, ip: string): LoginRow => ({ at, result: 'success', ip, os: 'macOS', browser: 'Chrome 134', raw: {} });
it('dbg', async () => {
  const db = new KabuGuardDB('dbg' + Math.random());
  const rows: LoginRow[] = [];
  for (let d = 1; d <= 20; d++) {
    const at = `2025-04-${String(d).padStart(2, '0')}T21:0${d % 10}:00+09:00`;
    rows.push(row(at, `60.112.${d % 9}.${d}`));
    await recordVisit(db, 'sbi', 'https://site.sbisec.co.jp/account/home', Date.parse(at) + 60_000);
  }
  const cap = async (rs: LoginRow[], now: string) => { const ids = loginEventIds('sbi', rs); const ex = await db.logins.bulkGet(ids); await upsertLogins(db, 'sbi', rs, 's' + now, now); return runDetection(db, { newEventIds: ids.filter((_, i) => !ex[i]), now }); };
  await cap(rows, '2025-04-20T21:30:00+09:00');
  const trip = row('2025-04-21T21:00:00+09:00', '1.160.10.5');
  await recordVisit(db, 'sbi', 'x', Date.parse(trip.at) + 60_000);
  const r1 = await cap([...rows, trip], '2025-04-21T21:30:00+09:00');
  console.log('r1', r1.newAlerts.map((a) => [a.severity, a.reasons.map((r) => r.rule + ':' + r.severity)]));
  const r2 = await cap([...rows, trip, row('2025-04-22T03:00:00+09:00', '1.160.10.77')], '2025-04-22T08:00:00+09:00');
  console.log('r2 new', r2.newAlerts.map((a) => [a.severity, a.eventTimes, a.reasons.map((r) => r.rule + ':' + r.severity)]));
  console.log('all', (await db.alerts.toArray()).map((a) => [a.severity, a.eventTimes, a.reasons.map((r) => r.rule + ':' + r.severity)]));
  console.log((await db.environments.toArray()).map((e) => [e.network.country, e.status, e.count]));
});
