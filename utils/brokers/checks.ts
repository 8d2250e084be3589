import type { CheckSpec } from './check-types';
import { DECLARATIONS, type BrokerId } from './registry';

/** Each broker's check spec, from its declaration. */
export const CHECKS = Object.fromEntries(
  DECLARATIONS.map((d): [BrokerId, CheckSpec] => [
    d.id,
    {
      broker: d.id,
      sessionIdleMinutes: d.sessionIdleMinutes,
      knownTargets: d.checkTargets.map((t) => ({ ...t })),
      withSession: d.withSession ?? ((storedUrl) => storedUrl),
    },
  ]),
) as Record<BrokerId, CheckSpec>;
