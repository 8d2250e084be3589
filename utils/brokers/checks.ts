import type { CheckSpec } from './check-types';
import { DECLARATIONS, type BrokerId } from './registry';
import { withPathSession } from './shared/url';

/** Each broker's check spec, from its declaration. */
export const CHECKS = Object.fromEntries(
  DECLARATIONS.map((d): [BrokerId, CheckSpec] => [
    d.id,
    {
      broker: d.id,
      sessionIdleMinutes: d.sessionIdleMinutes,
      knownTargets: d.checkTargets.map((t) => ({ ...t })),
      withSession: (storedUrl, liveUrl) => withPathSession(d.pathSession, storedUrl, liveUrl),
    },
  ]),
) as Record<BrokerId, CheckSpec>;
