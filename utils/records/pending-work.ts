import { z } from 'zod';
import { BrokerIdSchema, IsoWithOffset } from './common';

/**
 * Work the pipeline owes a stored snapshot, written in the same transaction as
 * the writes that create the debt and deleted in the one that pays it, so a
 * worker stop never loses it (issue 11 item 5): finished at start-up.
 *   read:   the snapshot is stored, its records are not yet (parse, store).
 *   detect: its new events are stored, detection and notification have not run.
 */
export const PendingWorkSchema = z.object({
  v: z.literal(1),
  /** `${kind}:${snapshotId}` */
  id: z.string(),
  kind: z.enum(['read', 'detect']),
  snapshotId: z.string(),
  broker: BrokerIdSchema,
  /** detect: the events seen for the first time. */
  eventIds: z.array(z.string()).optional(),
  /** detect: the earliest of its new logins (a login is found by its time, utils/store/logins.ts); none before schema 4. */
  loginsFrom: IsoWithOffset.optional(),
  at: IsoWithOffset,
});
export type PendingWork = z.infer<typeof PendingWorkSchema>;
