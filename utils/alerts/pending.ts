// Work a stopped worker (or a full disk) left owed, finished at start-up and
// after every capture (issue 11 item 5): snapshots stored but not read are read,
// then detection and notification run over the events no pass has judged yet.
// Each piece of work is marked in the transaction that creates it
// (utils/capture/ingest.ts) and cleared only after it is done, so a stop between
// any two steps repeats a step (detection is idempotent; a notification may be
// shown twice) but never loses one.

import type { ParseHtml } from '../capture/ingest';
import { readPendingSnapshots } from '../capture/ingest';
import type { Lang } from '../detect/explain';
import type { KabuGuardDB } from '../store/db';
import { earliestPerBroker } from '../store/logins';
import { isQuotaError, StorageFullError } from '../store/storage';
import { afterCapture, type AlertEffects } from './after-capture';

export interface WorkerEffects extends AlertEffects {
  /** The browser refused to store more: the user is told, never silently. */
  storageFull(err: StorageFullError): Promise<void>;
}

export interface PendingOutcome {
  read: number;
  detected: number;
}

export async function finishPendingWork(
  db: KabuGuardDB,
  parseHtml: ParseHtml,
  effects: WorkerEffects,
  lang: Lang,
  now: number = Date.now(),
): Promise<PendingOutcome> {
  let read = 0;
  try {
    read = (await readPendingSnapshots(db, parseHtml)).length;
  } catch (err) {
    // still owed; tried again at the next capture or start-up
    if (!(err instanceof StorageFullError)) throw err;
    await effects.storageFull(err);
  }
  const owed = (await db.pending.where('kind').equals('detect').toArray()).sort((a, b) => a.at.localeCompare(b.at));
  if (!owed.length) return { read, detected: 0 };
  const eventIds = [...new Set(owed.flatMap((p) => p.eventIds ?? []))];
  const loginsFrom = earliestPerBroker(
    owed.flatMap((p) => (p.loginsFrom ? [{ broker: p.broker, at: p.loginsFrom }] : [])),
  );
  try {
    await afterCapture(db, eventIds, effects, lang, now, loginsFrom);
    await db.pending.bulkDelete(owed.map((p) => p.id));
  } catch (err) {
    if (!isQuotaError(err)) throw err;
    await effects.storageFull(new StorageFullError('other', undefined, err));
    return { read, detected: 0 };
  }
  return { read, detected: eventIds.length };
}

/** One pass at a time in this context: a capture arriving during a pass waits for it, then runs its own. */
export function serialised<T>(run: () => Promise<T>): () => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return () => {
    const next = last.then(run, run);
    last = next.catch(() => undefined);
    return next;
  };
}
