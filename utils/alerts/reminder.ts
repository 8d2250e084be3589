// A gentle reminder after N days without a successful check of a broker the
// user has used: the extension can only watch what the browser sees.

import { toJstIso } from '../brokers/shared/dates';
import type { BrokerId } from '../brokers/types';
import type { KabuGuardDB } from '../store/db';
import { kvGet, kvSet } from '../store/kv';

export const REMINDER_DAYS = 7;
const DAY_MS = 86_400_000;

/** Brokers used before whose last good reading is older than `days`; at most one reminder per `days`. */
export async function staleBrokers(db: KabuGuardDB, now = Date.now(), days = REMINDER_DAYS): Promise<BrokerId[]> {
  const last = await kvGet<string | null>(db, 'reminded-at', null);
  if (last && now - Date.parse(last) < days * DAY_MS) return [];
  const stale: BrokerId[] = [];
  for (const h of await db.health.toArray()) {
    const good = [h.lastCheckOkAt, h.lastCaptureAt].filter((t): t is string => !!t).map(Date.parse);
    if (!good.length) continue; // never used with this broker: nothing to remind of
    if (now - Math.max(...good) >= days * DAY_MS) stale.push(h.broker);
  }
  return stale;
}

export async function markReminded(db: KabuGuardDB, now = Date.now()): Promise<void> {
  await kvSet(db, 'reminded-at', toJstIso(now));
}
