import { z } from 'zod';
import { BrokerIdSchema, IsoWithOffset } from './common';
import { SeveritySchema } from './alert';

/**
 * Related alerts of one broker grouped: the same session or the same day
 * (an unfamiliar login, then the sell-off it led to). The highest severity
 * wins; "not mine" on any of its alerts makes it `high` and `confirmed`.
 */
export const IncidentSchema = z.object({
  v: z.literal(1),
  id: z.string().min(1),
  broker: BrokerIdSchema,
  severity: SeveritySchema,
  status: z.enum(['open', 'resolved', 'confirmed']),
  alertIds: z.array(z.string()).min(1),
  firstEventAt: IsoWithOffset,
  lastEventAt: IsoWithOffset,
  createdAt: IsoWithOffset,
  updatedAt: IsoWithOffset,
});
export type Incident = z.infer<typeof IncidentSchema>;
