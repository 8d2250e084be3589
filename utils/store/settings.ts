// The user's settings (dashboard → 設定), one row in db.kv. Absent values mean
// the defaults, so a fresh install and every e2e build behave as before.
// Reading is zod-free (settings-read.ts, for the popup's first render);
// writing validates with the schema here.

import { z } from 'zod';
import { BrokerIdSchema } from '../records/common';
import type { KabuGuardDB } from './db';
import { kvSet } from './kv';
import { loadSettings, SETTINGS_KEY, type Settings } from './settings-read';

export * from './settings-read';

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

export async function saveSettings(db: KabuGuardDB, patch: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.kv, async () => {
    const next: Settings = SettingsSchema.parse({ ...(await loadSettings(db)), ...patch });
    await kvSet(db, SETTINGS_KEY, next);
    return next;
  });
}
