// When the extension was installed: the history before it is judged as a
// review, not taken on trust (utils/detect/rules/history-review.ts).

import { toJstIso } from '../brokers/shared/dates';
import type { KabuGuardDB } from './db';
import { kvGet, kvSet } from './kv';

const KEY = 'installed-at';

export function storedInstalledAt(db: KabuGuardDB): Promise<string | undefined> {
  return kvGet<string | undefined>(db, KEY, undefined);
}

/** Records the install time once (runtime.onInstalled, or a replayed scenario's `installedAt`). */
export async function markInstalled(db: KabuGuardDB, at: number | string = Date.now()): Promise<void> {
  if (await storedInstalledAt(db)) return;
  await kvSet(db, KEY, typeof at === 'string' ? at : toJstIso(at));
}
