// Login observations (the previous-login banner): identity by broker and minute,
// provenance accumulates like any record read from a snapshot.

import { stableHash } from '../brokers/shared/text';
import type { PreviousLogin } from '../brokers/shared/banner';
import type { BrokerId } from '../brokers/types';
import { LoginObservationSchema, type LoginObservation } from '../records/login-observation';
import type { KabuGuardDB } from './db';
import { mergeSeen, unchanged } from './provenance';

export const observationId = (broker: BrokerId, at: string): string =>
  `obs_${broker}_${stableHash(`${broker}\u0000${at.slice(0, 16)}`)}`;

/** A banner reading as a stored observation (zod-validated: throws on a bad row). */
export function toLoginObservation(
  broker: BrokerId,
  row: PreviousLogin,
  snapshotId: string,
  seenAt: string,
): LoginObservation {
  return LoginObservationSchema.parse({
    v: 1,
    id: observationId(broker, row.at),
    broker,
    at: row.at,
    source: 'previous-login',
    text: row.shown,
    snapshotIds: [snapshotId],
    firstSeenAt: seenAt,
    lastSeenAt: seenAt,
  });
}

/** One bulk read, one bulk write; a row that fails validation stores nothing. */
export async function upsertObservations(
  db: KabuGuardDB,
  broker: BrokerId,
  rows: PreviousLogin[],
  snapshotId: string,
  seenAt: string,
): Promise<{ added: number; addedIds: string[] }> {
  const fresh = rows.map((r) => toLoginObservation(broker, r, snapshotId, seenAt));
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
