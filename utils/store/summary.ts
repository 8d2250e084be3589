// What the popup shows per broker, from indexes and counts (no full scans).

import { BROKER_IDS } from '../brokers/labels';
import type { BrokerId } from '../brokers/types';
import type { AdapterHealth, LoginEvent, Snapshot } from '../records';
import type { KabuGuardDB } from './db';
import { countLogins, newestLogins } from './logins';

export interface BrokerSummary {
  broker: BrokerId;
  health: AdapterHealth | undefined;
  logins: number;
  snapshots: number;
  lastLoginAt: string | undefined;
  /** Orders and executions stored (issue 3). */
  orders?: number;
  /** Orders outside Japan (US, HK, CN ...): the 2025 takeovers bought HK small caps. */
  foreignOrders?: number;
  /** When an order, execution or trade-history page (or CSV) was last captured. */
  lastOrderCaptureAt?: string | undefined;
  /** The counts are a cached copy (or zero) still being recounted: shown as "…". */
  countsPending?: boolean;
}

/** Page kinds whose capture counts as "orders last captured". */
export const ORDER_PAGE_KINDS = ['executions', 'trade-history', 'order-inquiry'] as const;

/** What must be counted (O(rows) even with an index, in Chromium too): slow with 100,000 events, so callers may show a cached copy first. */
export type BrokerCounts = Pick<BrokerSummary, 'logins' | 'snapshots' | 'orders' | 'foreignOrders'>;

export async function brokerCounts(db: KabuGuardDB, broker: BrokerId): Promise<BrokerCounts> {
  const [logins, snapshots, orders, foreignOrders] = await Promise.all([
    countLogins(db, broker),
    db.snapshots.where('broker').equals(broker).count(),
    db.orders.where('broker').equals(broker).count(),
    // every region of this broker except JP and UNKNOWN: three key ranges of [broker+marketRegion],
    // each counted natively (Dexie's inAnyRange walks a cursor, a hundred times slower)
    Promise.all(
      [
        [
          [broker, ''],
          [broker, 'JP'],
        ],
        [
          [broker, 'JP\u0000'],
          [broker, 'UNKNOWN'],
        ],
        [
          [broker, 'UNKNOWN\u0000'],
          [broker, '\uffff'],
        ],
      ].map(([lo, hi]) => db.orders.where('[broker+marketRegion]').between(lo!, hi!, true, false).count()),
    ).then((n) => n.reduce((a, b) => a + b, 0)),
  ]);
  return { logins, snapshots, orders, foreignOrders };
}

export type BrokerTimes = Pick<BrokerSummary, 'broker' | 'health' | 'lastLoginAt' | 'lastOrderCaptureAt'>;

/** The times from the three lookups (also read without Dexie: utils/dashboard/overview-peek.ts). */
export function timesFrom(
  broker: BrokerId,
  health: AdapterHealth | undefined,
  newestLogin: Pick<LoginEvent, 'at'> | undefined,
  newestOrderPages: ReadonlyArray<Pick<Snapshot, 'capturedAt'> | undefined>,
): BrokerTimes {
  const last = newestOrderPages.reduce<string | undefined>(
    (m, s) => (s && (m === undefined || s.capturedAt > m) ? s.capturedAt : m),
    undefined,
  );
  return { broker, health, lastLoginAt: newestLogin?.at, lastOrderCaptureAt: last };
}

/** The cheap part: one key lookup each (health, newest login, newest order page). */
export async function brokerTimes(db: KabuGuardDB, broker: BrokerId): Promise<BrokerTimes> {
  const [health, newest, lastByKind] = await Promise.all([
    db.health.get(broker),
    newestLogins(db, broker, '', '\uffff', 1).then((l) => l[0]),
    // the newest snapshot of each order page kind: one key per kind from [broker+pageKind+capturedAt]
    Promise.all(
      ORDER_PAGE_KINDS.map((k) =>
        db.snapshots.where('[broker+pageKind+capturedAt]').between([broker, k, ''], [broker, k, '\uffff']).last(),
      ),
    ),
  ]);
  return timesFrom(broker, health, newest, lastByKind);
}

export async function brokerSummaries(db: KabuGuardDB): Promise<BrokerSummary[]> {
  return Promise.all(
    BROKER_IDS.map(async (id) => ({ ...(await brokerTimes(db, id)), ...(await brokerCounts(db, id)) })),
  );
}
