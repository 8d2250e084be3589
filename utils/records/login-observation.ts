import { z } from 'zod';
import { BrokerIdSchema, IsoWithOffset } from './common';

/**
 * A login the broker mentions outside its login history: the previous-login
 * banner (楽天証券 ホーム「前回ログイン日時」, brokers.md §1.4a) shows when the
 * account last logged in, by minute, with no channel or address. Stored like
 * any record read from a snapshot.
 */
export const LoginObservationSchema = z.object({
  v: z.literal(1),
  /** `obs_<broker>_<hash of the minute>`: the same banner read again is the same observation. */
  id: z.string().min(1),
  broker: BrokerIdSchema,
  /** The login's time as the banner shows it (minutes, JST). */
  at: IsoWithOffset,
  source: z.literal('previous-login'),
  /** The banner's text as shown. */
  text: z.string(),
  snapshotIds: z.array(z.string()).min(1),
  firstSeenAt: IsoWithOffset,
  lastSeenAt: IsoWithOffset,
});
export type LoginObservation = z.infer<typeof LoginObservationSchema>;
