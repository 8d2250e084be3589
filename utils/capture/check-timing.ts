// Check timing. Production: at most one check per broker every 5 minutes, and
// none after the broker's own idle timeout since the user's last visit. The
// e2e build shortens both (.env.e2e) so a test can watch checks start and stop.

function envNumber(read: () => unknown): number | undefined {
  try {
    const v = Number(read());
    return Number.isFinite(v) && v > 0 ? v : undefined;
  } catch {
    return undefined; // Node without Vite: no import.meta.env
  }
}

export interface CheckTiming {
  minIntervalMs: number;
  /** Overrides every broker's idle timeout (e2e only). */
  idleMinutesOverride?: number;
}

const idle = envNumber(() => import.meta.env.WXT_SESSION_IDLE_MINUTES);

export const CHECK_TIMING: CheckTiming = {
  minIntervalMs: (envNumber(() => import.meta.env.WXT_CHECK_MIN_INTERVAL_SECONDS) ?? 300) * 1000,
  ...(idle ? { idleMinutesOverride: idle } : {}),
};
