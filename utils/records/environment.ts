import { z } from 'zod';
import { BrokerIdSchema, IsoWithOffset } from './common';

/**
 * Where logins come from, as the detector learns it: one device class
 * (browser family + OS family + channel, versions stripped) on one network
 * (an ISP's /16 or IPv6 /32, a named hosting/VPN network, or none when the
 * broker shows no address). Counts are of successful logins.
 */
export const EnvironmentSchema = z.object({
  v: z.literal(1),
  /** `env_<broker>_<hash of deviceKey + networkKey>`: stable across rebuilds. */
  id: z.string().min(1),
  broker: BrokerIdSchema,
  deviceKey: z.string().min(1),
  device: z.object({
    channel: z.enum(['pc', 'mobile', 'app', 'aggregator', 'unknown']),
    app: z.string().optional(),
    browser: z.string().optional(),
    os: z.string().optional(),
  }),
  /** `v4:126.106.0.0/16`, `v6:2400:4050::/32`, `provider:Amazon Web Services`, `none`. */
  networkKey: z.string().min(1),
  network: z.object({
    wide: z.string().optional(),
    country: z.string().optional(),
    provider: z.string().optional(),
    providerKind: z.enum(['cloud', 'vpn', 'proxy']).optional(),
  }),
  firstAt: IsoWithOffset,
  lastAt: IsoWithOffset,
  count: z.number().int().nonnegative(),
  /** Logins attributed to this browser (a Visit right after them). */
  thisBrowser: z.number().int().nonnegative(),
  /** Logins after installation not attributed to this browser. */
  elsewhere: z.number().int().nonnegative(),
  /** Successful logins by JST hour of day (0–23), warnings excluded: when the user logs in. */
  hours: z.array(z.number().int().nonnegative()).length(24),
  /** Logins that raised a warning of medium or more (not counted as the user's history). */
  alerted: z.number().int().nonnegative(),
  /** Logins from before the extension was installed (no attribution possible). */
  preInstall: z.number().int().nonnegative(),
  /**
   * baseline: in the history found at installation; learned: seen since
   * without a warning; alerted: first seen in a warning not yet answered;
   * confirmed / rejected: the user answered "mine" / "not mine".
   */
  status: z.enum(['baseline', 'learned', 'alerted', 'confirmed', 'rejected']),
  /** A few event ids, newest last (for the review and the evidence). */
  sampleEventIds: z.array(z.string()).max(5),
  reviewedAt: IsoWithOffset.optional(),
  /** The user's own name for it ("自宅PC", "iPhone アプリ"); shown as text only. */
  label: z.string().max(60).optional(),
  updatedAt: IsoWithOffset,
});
export type Environment = z.infer<typeof EnvironmentSchema>;
export type EnvironmentStatus = Environment['status'];
