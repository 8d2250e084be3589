// The traffic light per broker, as investors know it from their banks'
// PhishWall: one glance says whether the account looks fine.
//   red:   an open (or confirmed "not mine") high-severity incident;
//   amber: something to review (an open alert, a page that cannot be read,
//          the one-time environment review) or no successful check for N days;
//   green: checked recently and nothing to review.
// Pure: the dashboard and the popup load the inputs (utils/dashboard/overview.ts).

import type { AdapterHealth } from '../records';

export type Light = 'green' | 'amber' | 'red';
export type LightReason =
  'high-incident' | 'open-alerts' | 'unreadable' | 'review' | 'never-checked' | 'not-checked' | 'ok';

export interface LightInput {
  health: AdapterHealth | undefined;
  /** Incidents of severity high not resolved (open or confirmed). */
  highIncidents: number;
  /** Open alerts of low severity or more. */
  openAlerts: number;
  /** Environments from the history at installation the user has not looked at yet. */
  unreviewed: number;
  now: number;
  staleDays: number;
}

export interface StatusLight {
  light: Light;
  reason: LightReason;
  /** The newest successful read: a check between visits or a capture of a page. */
  lastOkAt: string | undefined;
}

const DAY_MS = 86_400_000;

/** The newest of a successful check and a capture (both mean the broker's pages were read). */
export function lastReadAt(health: AdapterHealth | undefined): string | undefined {
  const times = [health?.lastCheckOkAt, health?.lastCaptureAt].filter((x): x is string => !!x);
  if (!times.length) return undefined;
  return times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

export function statusLight(input: LightInput): StatusLight {
  const lastOkAt = lastReadAt(input.health);
  const result = (light: Light, reason: LightReason): StatusLight => ({ light, reason, lastOkAt });
  if (input.highIncidents > 0) return result('red', 'high-incident');
  if (input.openAlerts > 0) return result('amber', 'open-alerts');
  if (input.health?.state === 'unreadable') return result('amber', 'unreadable');
  if (input.unreviewed > 0) return result('amber', 'review');
  if (!lastOkAt) return result('amber', 'never-checked');
  if (input.now - Date.parse(lastOkAt) > input.staleDays * DAY_MS) return result('amber', 'not-checked');
  return result('green', 'ok');
}
