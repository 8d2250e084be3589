// Data retention: evidence is kept until the user deletes it. Deleting a
// broker's data removes its snapshots and everything derived from them, and
// says so in the capture log (which itself is never deleted: it is the record
// that the deletion happened). One transaction deletes, logs and cancels the
// work owed to the deleted snapshots; a capture of the broker in flight then
// finds its snapshot gone and stores nothing (utils/capture/ingest.ts), so no
// snapshot is left without its bytes, nor records without their snapshot
// (issue 11 item 11).

import { NO_COUNTS, setCounts } from '../store/record-counts';
import type { BrokerId } from '../brokers/types';
import { appendLogIn } from '../store/capture-log';
import type { KabuGuardDB } from '../store/db';
import { deleteLoginsOf, loginTables } from '../store/logins';

export interface Deleted {
  broker: BrokerId;
  snapshots: number;
  logins: number;
  orders: number;
  holdings: number;
  accountEvents: number;
  visits: number;
  alerts: number;
  incidents: number;
  environments: number;
  answers: number;
  loginObservations: number;
}

export async function deleteBrokerData(db: KabuGuardDB, broker: BrokerId): Promise<Deleted> {
  const tables = [
    db.snapshots,
    db.snapshotBodies,
    ...loginTables(db),
    db.orders,
    db.holdings,
    db.accountEvents,
    db.visits,
    db.alerts,
    db.incidents,
    db.environments,
    db.health,
    db.pending,
    db.captureLog,
    db.answers,
    db.loginObservations,
    db.kv,
  ];
  return db.transaction('rw', tables, async () => {
    const hashes = (await db.snapshots.where('broker').equals(broker).toArray()).map((s) => s.sha256);
    const count = {
      broker,
      snapshots: await db.snapshots.where('broker').equals(broker).delete(),
      logins: await deleteLoginsOf(db, broker),
      orders: await db.orders.where('broker').equals(broker).delete(),
      holdings: await db.holdings.where('broker').equals(broker).delete(),
      accountEvents: await db.accountEvents.where('broker').equals(broker).delete(),
      visits: await db.visits.where('broker').equals(broker).delete(),
      alerts: await db.alerts.where('broker').equals(broker).delete(),
      incidents: await db.incidents.where('broker').equals(broker).delete(),
      environments: await db.environments.where('broker').equals(broker).delete(),
      answers: await db.answers.where('broker').equals(broker).delete(),
      loginObservations: await db.loginObservations
        .where('[broker+at]')
        .between([broker, ''], [broker, '\uffff'])
        .delete(),
    };
    // what detection kept between passes goes with the records it was folded from
    await db.kv.delete(`detect-state:${broker}`);
    await db.health.delete(broker);
    await setCounts(db, broker, NO_COUNTS);
    // a body another snapshot still points to stays (one read, one bulk delete: no await per row)
    const unique = [...new Set(hashes)];
    const kept = new Set((await db.snapshots.where('sha256').anyOf(unique).toArray()).map((s) => s.sha256));
    await db.snapshotBodies.bulkDelete(unique.filter((h) => !kept.has(h)));
    await db.pending.where('broker').equals(broker).delete();
    await appendLogIn(db, { type: 'delete', detail: { ...count } });
    return count;
  });
}
