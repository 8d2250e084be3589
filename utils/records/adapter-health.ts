import { z } from 'zod';
import { BrokerIdSchema, IsoWithOffset, PageKindSchema } from './common';

/**
 * How well the extension can read a broker, as the user should see it:
 * readable, cannot read this page (snapshot kept), logged out, maintenance.
 */
export const AdapterHealthSchema = z.object({
  v: z.literal(1),
  broker: BrokerIdSchema,
  state: z.enum(['readable', 'unreadable', 'logged-out', 'maintenance', 'unknown']),
  pageKind: PageKindSchema.nullable(),
  url: z.string().optional(),
  message: z.string().optional(),
  snapshotId: z.string().optional(),
  at: IsoWithOffset,
  lastCaptureAt: IsoWithOffset.optional(),
  lastVisitAt: IsoWithOffset.optional(),
  /** Checks between visits: when, and how the last one ended (logged out is normal). */
  lastCheckAt: IsoWithOffset.optional(),
  lastCheckStatus: z.enum(['ok', 'logged-out', 'failed']).optional(),
  lastCheckError: z.string().optional(),
  lastCheckOkAt: IsoWithOffset.optional(),
});
export type AdapterHealth = z.infer<typeof AdapterHealthSchema>;
