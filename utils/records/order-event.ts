import { z } from 'zod';
import { BrokerIdSchema, IsoWithOffset } from './common';

/** One order or execution. Field names as in scenarios/FORMAT.md plus issue 3's. */
export const OrderEventSchema = z.object({
  v: z.literal(1),
  id: z.string().min(1),
  broker: BrokerIdSchema,
  /** Execution time, else order time; `dateOnly` when the source has no time (then T00:00+09:00). */
  at: IsoWithOffset,
  dateOnly: z.boolean().optional(),
  /** When the order was placed (注文日時), where a page showed it; `at` stays the execution time. */
  orderedAt: IsoWithOffset.optional(),
  side: z.enum(['buy', 'sell']),
  symbol: z.string().optional(),
  name: z.string().optional(),
  market: z.string().optional(),
  /** JP, US, HK, CN, SG, KR, ... or UNKNOWN. */
  marketRegion: z.string().optional(),
  quantity: z.number().optional(),
  price: z.number().optional(),
  currency: z.string().optional(),
  currencyCode: z.string().optional(),
  amount: z.number().optional(),
  fees: z.number().optional(),
  account: z.string().optional(),
  status: z.enum(['executed', 'open', 'cancelled']),
  orderNumber: z.string().optional(),
  raw: z.record(z.string(), z.string()),
  snapshotIds: z.array(z.string()).min(1),
  firstSeenAt: IsoWithOffset,
  lastSeenAt: IsoWithOffset,
});
export type OrderEvent = z.infer<typeof OrderEventSchema>;
