// Login observations (the previous-login banner): identity by broker and minute,
// provenance accumulates like any record read from a snapshot.

import { stableHash } from '../brokers/shared/text';
import type { BrokerId, LoginObservationRow } from '../brokers/types';
import { LoginObservationSchema, type LoginObservation } from '../records/login-observation';
import type { KabuGuardDB } from './db';
import { mergeSeen, unchanged } from './provenance';

export const observationId = (broker: BrokerId, at: string): string =>
  `obs_${broker}_${stableHash(`${broker}\u0000${at.slice(0, 16)}`)}`;

/** One bulk read, one bulk write; a row that fails validation stores nothing. */
export async function upsertObservations(
  db: KabuGuardDB,
  broker: BrokerId,
  rows: LoginObservationRow[],
  snapshotId: string,
  seenAt: string,
): Promise<{ added: number; addedIds: string[] }> {
  const fresh = rows.map((r) =>
    LoginObservationSchema.parse({
      v: 1,
      id: observationId(broker, r.at),
      broker,
      at: r.at,
      source: 'previous-login',
      text: r.text,
      snapshotIds: [snapshotId],
      firstSeenAt: seenAt,
      lastSeenAt: seenAt,
    }),
  );
  const addedIds: string[] = [];
  if (!fresh.length) return { added: 0, addedIds };
  await db.transaction('rw', db.loginObservations, async () => {
    const stored = await db.loginObservations.bulkGet(fresh.map((o) => o.id));
    const out: LoginObservation[] = [];
    fresh.forEach((o, i) => {
      const old = stored[i];
      if (!old) {
        addedIds.push(o.id);
        out.push(o);
        return;
      }
      const merged = mergeSeen(old, o, snapshotId, seenAt, false);
      if (!unchanged(merged, old)) out.push(merged);
    });
    if (out.length) await db.loginObservations.bulkPut(out);
  });
  return { added: addedIds.length, addedIds };
}
