import { toJstIso } from '../brokers/shared/dates';
import { stripSessionIds } from '../brokers/shared/url';
import type { BrokerId } from '../brokers/types';
import type { Visit } from '../records';
import type { KabuGuardDB } from './db';

/** Records that this browser was on a logged-in broker page (one per minute). */
export async function recordVisit(
  db: KabuGuardDB,
  broker: BrokerId,
  url: string,
  at: number = Date.now(),
): Promise<Visit> {
  const iso = toJstIso(at);
  const visit: Visit = { v: 1, id: `${broker}:${iso.slice(0, 16)}`, broker, at: iso, url: stripSessionIds(url) };
  await db.transaction('rw', db.visits, db.health, async () => {
    await db.visits.put(visit);
    const h = await db.health.get(broker);
    await db.health.put(
      h ? { ...h, lastVisitAt: iso } : { v: 1, broker, state: 'unknown', pageKind: null, at: iso, lastVisitAt: iso },
    );
  });
  return visit;
}
