// What every derived record shares: an identity that is the same when the same
// row is read again, and provenance that accumulates over captures.

import { stableHash } from '../brokers/shared/text';

export interface Seen {
  id: string;
  snapshotIds: string[];
  firstSeenAt: string;
  lastSeenAt: string;
}

/**
 * Stable ids from identity keys. Identical rows in one capture (two PC logins
 * in the same minute) are told apart by their occurrence: `_1`, `_2` …
 */
export function occurrenceIds(prefix: string, keys: unknown[][]): string[] {
  const seen = new Map<string, number>();
  return keys.map((k) => {
    const key = stableHash(JSON.stringify(k));
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `${prefix}_${key}${n ? `_${n}` : ''}`;
  });
}

/**
 * A stored record seen again in `snapshotId` at `seenAt`: provenance
 * accumulates; with `newerWins` the later reading's fields replace the stored
 * ones (an open order that executed), keeping the stored id.
 */
export function mergeSeen<T extends Seen>(old: T, fresh: T, snapshotId: string, seenAt: string, newerWins: boolean): T {
  const newer = newerWins && seenAt >= old.lastSeenAt;
  return {
    ...(newer ? { ...fresh, id: old.id } : old),
    snapshotIds: old.snapshotIds.includes(snapshotId) ? old.snapshotIds : [...old.snapshotIds, snapshotId],
    firstSeenAt: old.firstSeenAt < seenAt ? old.firstSeenAt : seenAt,
    lastSeenAt: old.lastSeenAt > seenAt ? old.lastSeenAt : seenAt,
  };
}

/** Nothing to write: the same snapshot read again (a rebuild). */
export function unchanged(a: Seen, b: Seen): boolean {
  return a.snapshotIds === b.snapshotIds && a.firstSeenAt === b.firstSeenAt && a.lastSeenAt === b.lastSeenAt;
}
