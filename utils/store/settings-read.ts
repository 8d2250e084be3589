// Reading the user's settings without zod: the popup and the dashboard's first
// view read them on every open, and zod is 90 KB of script to load first
// (issue 6). The same rules as SettingsSchema (settings.ts), checked by hand;
// settings.test.ts holds both to the same answers. Writes still go through
// the schema (saveSettings).

import type { BrokerId } from '../brokers/types';
import { BROKER_IDS } from '../brokers/labels';
import { CHECK_TIMING, type CheckTiming } from '../capture/check-timing';
import type { KabuGuardDB } from './db';
import { kvGet } from './kv';

export const SETTINGS_KEY = 'settings';
/** Choices offered for the check interval (minutes); the default keeps CHECK_TIMING. */
export const CHECK_INTERVAL_CHOICES = [5, 15, 30, 60] as const;
/** Days without a successful check after which a broker's light turns amber. */
export const DEFAULT_STALE_DAYS = 7;
const NOTIFY_LEVELS = ['medium', 'high'] as const;

export interface Settings {
  /** Brokers whose pages are read; a broker left out is ignored by the background. */
  enabledBrokers?: BrokerId[];
  /** Minimum minutes between checks of one broker; unset: CHECK_TIMING (5 min, shorter in e2e builds). */
  checkIntervalMinutes?: number;
  /** Which alerts notify: `medium` (medium and high, the default) or `high` only. */
  notifyLevel?: (typeof NOTIFY_LEVELS)[number];
  staleDays?: number;
  /** The user finished onboarding (the dashboard stops pointing to it). */
  onboardedAt?: string;
}

const positiveInt = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const CHECKS: { [K in keyof Required<Settings>]: (v: unknown) => boolean } = {
  enabledBrokers: (v) => Array.isArray(v) && v.every((b) => (BROKER_IDS as readonly unknown[]).includes(b)),
  checkIntervalMinutes: positiveInt,
  notifyLevel: (v) => (NOTIFY_LEVELS as readonly unknown[]).includes(v),
  staleDays: positiveInt,
  onboardedAt: (v) => typeof v === 'string',
};

/** A stored value as settings: known fields only; one field of the wrong shape means none (as SettingsSchema.safeParse). */
export function settingsFrom(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, ok] of Object.entries(CHECKS)) {
    if (!(key in raw)) continue;
    const v = (raw as Record<string, unknown>)[key];
    if (v !== undefined && !ok(v)) return {};
    out[key] = v;
  }
  return out as Settings;
}

export async function loadSettings(db: KabuGuardDB): Promise<Settings> {
  return settingsFrom(await kvGet<unknown>(db, SETTINGS_KEY, {}));
}

export function enabledBrokers(s: Settings): BrokerId[] {
  return s.enabledBrokers ?? [...BROKER_IDS];
}

export async function brokerEnabled(db: KabuGuardDB, broker: BrokerId): Promise<boolean> {
  return enabledBrokers(await loadSettings(db)).includes(broker);
}

/** The check timing the background uses: the user's interval when set, else the build's. */
export function checkTimingFor(s: Settings, base: CheckTiming = CHECK_TIMING): CheckTiming {
  return s.checkIntervalMinutes ? { ...base, minIntervalMs: s.checkIntervalMinutes * 60_000 } : base;
}
