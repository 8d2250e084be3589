import { z } from 'zod';
import { BrokerIdSchema, IsoWithOffset } from './common';

/**
 * A position the account held, as a holdings page showed it. One record per
 * distinct (account, instrument, quantity): a position that changes or
 * disappears leaves its old record with the last time it was seen, so a
 * sell-off shows as positions no longer seen after a given capture.
 */
export const HoldingSchema = z
  .object({
    v: z.literal(1),
    id: z.string().min(1),
    broker: BrokerIdSchema,
    symbol: z.string().optional(),
    name: z.string().optional(),
    quantity: z.number(),
    account: z.string().optional(),
    market: z.string().optional(),
    /** JP, US, HK, CN, SG, KR, ... or UNKNOWN. */
    marketRegion: z.string().optional(),
    currency: z.string().optional(),
    currencyCode: z.string().optional(),
    raw: z.record(z.string(), z.string()),
    snapshotIds: z.array(z.string()).min(1),
    firstSeenAt: IsoWithOffset,
    lastSeenAt: IsoWithOffset,
  })
  .refine((h) => h.symbol !== undefined || h.name !== undefined, { message: 'a holding names its instrument' });
export type Holding = z.infer<typeof HoldingSchema>;
