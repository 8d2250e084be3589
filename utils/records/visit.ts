import { z } from 'zod';
import { BrokerIdSchema, IsoWithOffset } from './common';

/** This browser was on a logged-in page of the broker at `at` (minute resolution). */
export const VisitSchema = z.object({
  v: z.literal(1),
  /** `${broker}:${minute}`: visits within one minute are one visit. */
  id: z.string(),
  broker: BrokerIdSchema,
  at: IsoWithOffset,
  url: z.string(),
});
export type Visit = z.infer<typeof VisitSchema>;
