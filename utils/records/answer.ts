import { z } from 'zod';
import { BrokerIdSchema, IsoWithOffset } from './common';

/**
 * The user's answer: "mine" / "not mine" about an alert's events or a whole
 * environment (the first review, the environments list), or "forget" an
 * environment. Answers are the one thing detection cannot derive: they are
 * kept apart from the derived alerts and environments and re-applied
 * whenever those are rebuilt. The latest answer about a thing wins.
 */
export const AnswerSchema = z.object({
  v: z.literal(1),
  id: z.string().min(1),
  broker: BrokerIdSchema,
  at: IsoWithOffset,
  verdict: z.enum(['mine', 'not-mine', 'forget']),
  /** environment: every login from it; events: the events listed (an alert's). */
  scope: z.enum(['environment', 'events']),
  environmentId: z.string().optional(),
  /** The environment as detection keys it (device class, network), shown in the log. */
  deviceKey: z.string().optional(),
  networkKey: z.string().optional(),
  alertId: z.string().optional(),
  eventIds: z.array(z.string()).optional(),
  /** The events' times: an answer still finds its events when a parser update changes their ids. */
  eventTimes: z.array(IsoWithOffset).optional(),
  /** Where the user answered. */
  source: z.enum(['alert', 'review', 'environments', 'prompt', 'import']),
});
export type Answer = z.infer<typeof AnswerSchema>;
