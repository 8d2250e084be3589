import { z } from 'zod';
import { BrokerIdSchema, IsoWithOffset } from './common';

/** One row of a broker's login history. Field names as in scenarios/FORMAT.md. */
export const LoginEventSchema = z.object({
  v: z.literal(1),
  /** Stable identity: the same row read again maps to the same id. */
  id: z.string().min(1),
  broker: BrokerIdSchema,
  at: IsoWithOffset,
  result: z.enum(['success', 'failure']),
  channel: z.string().optional(),
  ip: z.string().optional(),
  os: z.string().optional(),
  browser: z.string().optional(),
  device: z.string().optional(),
  userAgent: z.string().optional(),
  location: z.string().optional(),
  raw: z.record(z.string(), z.string()),
  /** Snapshots that showed this row (provenance). */
  snapshotIds: z.array(z.string()).min(1),
  firstSeenAt: IsoWithOffset,
  lastSeenAt: IsoWithOffset,
});
export type LoginEvent = z.infer<typeof LoginEventSchema>;
