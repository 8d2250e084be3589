// What the popup shows per broker, from indexes and counts (no full scans).

import { BROKERS } from '../brokers';
import type { BrokerId } from '../brokers/types';
import type { AdapterHealth } from '../records';
import type { KabuGuardDB } from './db';

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
}

const ORDER_PAGE_KINDS = ['executions', 'trade-history', 'order-inquiry'] as const;

async function orderCounts(db: KabuGuardDB, broker: BrokerId): Promise<Pick<BrokerSummary, 'orders' | 'foreignOrders' | 'lastOrderCaptureAt'>> {
  const [orders, foreignOrders, orderSnapshots] = await Promise.all([
    db.orders.where('broker').equals(broker).count(),
    // marketRegion is indexed; rows without one (UNKNOWN is stored) are not foreign
    db.orders.where('marketRegion').noneOf(['JP', 'UNKNOWN']).filter((o) => o.broker === broker).count(),
    db.snapshots.where('[broker+pageKind]').anyOf(ORDER_PAGE_KINDS.map((k) => [broker, k])).toArray(),
  ]);
  const last = orderSnapshots.reduce<string | undefined>((m, s) => (m === undefined || s.capturedAt > m ? s.capturedAt : m), undefined);
  return { orders, foreignOrders, lastOrderCaptureAt: last };
}

export async function brokerSummaries(db: KabuGuardDB): Promise<BrokerSummary[]> {
  return Promise.all(
    BROKERS.map(async (b) => {
      const [health, logins, snapshots, newest, orders] = await Promise.all([
        db.health.get(b.id),
        db.logins.where('broker').equals(b.id).count(),
        db.snapshots.where('broker').equals(b.id).count(),
        db.logins.where('[broker+at]').between([b.id, ''], [b.id, '\uffff']).last(),
        orderCounts(db, b.id),
      ]);
      return { broker: b.id, health, logins, snapshots, lastLoginAt: newest?.at, ...orders };
    }),
  );
}
