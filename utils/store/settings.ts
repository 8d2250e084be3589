// The user's settings (dashboard → 設定), one row in db.kv. Absent values mean
// the defaults, so a fresh install and every e2e build behave as before.

import { z } from 'zod';
import { BROKERS } from '../brokers';
import { CHECK_TIMING, type CheckTiming } from '../capture/check-timing';
import type { BrokerId } from '../brokers/types';
import { BrokerIdSchema } from '../records/common';
import type { KabuGuardDB } from './db';
import { kvGet, kvSet } from './kv';

export const SETTINGS_KEY = 'settings';
/** Choices offered for the check interval (minutes); the default keeps CHECK_TIMING. */
export const CHECK_INTERVAL_CHOICES = [5, 15, 30, 60] as const;
/** Days without a successful check after which a broker's light turns amber. */
export const DEFAULT_STALE_DAYS = 7;

export const SettingsSchema = z.object({
  /** Brokers whose pages are read; a broker left out is ignored by the background. */
  enabledBrokers: z.array(BrokerIdSchema).optional(),
  /** Minimum minutes between checks of one broker; unset: CHECK_TIMING (5 min, shorter in e2e builds). */
  checkIntervalMinutes: z.number().int().positive().optional(),
  /** Which alerts notify: `medium` (medium and high, the default) or `high` only. */
  notifyLevel: z.enum(['medium', 'high']).optional(),
  staleDays: z.number().int().positive().optional(),
  /** The user finished onboarding (the dashboard stops pointing to it). */
  onboardedAt: z.string().optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export async function loadSettings(db: KabuGuardDB): Promise<Settings> {
  const raw = await kvGet<unknown>(db, SETTINGS_KEY, {});
  const parsed = SettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

export async function saveSettings(db: KabuGuardDB, patch: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.kv, async () => {
    const next = SettingsSchema.parse({ ...(await loadSettings(db)), ...patch });
    await kvSet(db, SETTINGS_KEY, next);
    return next;
  });
}

export function enabledBrokers(s: Settings): BrokerId[] {
  return s.enabledBrokers ?? BROKERS.map((b) => b.id);
}

export async function brokerEnabled(db: KabuGuardDB, broker: BrokerId): Promise<boolean> {
  return enabledBrokers(await loadSettings(db)).includes(broker);
}

/** The check timing the background uses: the user's interval when set, else the build's. */
export function checkTimingFor(s: Settings, base: CheckTiming = CHECK_TIMING): CheckTiming {
  return s.checkIntervalMinutes ? { ...base, minIntervalMs: s.checkIntervalMinutes * 60_000 } : base;
}
