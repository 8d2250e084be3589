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
}

export async function brokerSummaries(db: KabuGuardDB): Promise<BrokerSummary[]> {
  return Promise.all(
    BROKERS.map(async (b) => {
      const [health, logins, snapshots, newest] = await Promise.all([
        db.health.get(b.id),
        db.logins.where('broker').equals(b.id).count(),
        db.snapshots.where('broker').equals(b.id).count(),
        db.logins.where('[broker+at]').between([b.id, ''], [b.id, '\uffff']).last(),
      ]);
      return { broker: b.id, health, logins, snapshots, lastLoginAt: newest?.at };
    }),
  );
}
