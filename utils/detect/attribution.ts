// "This browser": the extension records a Visit whenever this browser is on a
// logged-in broker page. A login followed within minutes by a Visit is this
// browser's; a trade made while this browser was on the site weighs as the
// user's own. Rows from before the first Visit/capture cannot be attributed
// and are never judged.

import type { LoginFacts } from './types';

/** Login row → first page view: brokers land on the top page right after login. */
export const ATTRIBUTION_WINDOW_MS = 10 * 60_000;
/** Visits are per minute and row times may be rounded: allow a little lead. */
export const VISIT_LEAD_MS = 2 * 60_000;
/** A page view implies a live session for a while (broker sessions time out in about 30 minutes). */
export const SESSION_MS = 30 * 60_000;

export const toMs = (iso: string): number => Date.parse(iso);

function firstAtOrAfter(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where this browser was: its Visits (and captures made from a page view). */
export class Presence {
  private readonly visits: number[];
  constructor(visitTimes: Iterable<string | number>) {
    this.visits = [...visitTimes].map((t) => (typeof t === 'number' ? t : toMs(t))).sort((a, b) => a - b);
  }

  /** Visit times in [from, to]. */
  visitsBetween(from: number, to: number): number[] {
    const out: number[] = [];
    for (let i = firstAtOrAfter(this.visits, from); i < this.visits.length && this.visits[i]! <= to; i++)
      out.push(this.visits[i]!);
    return out;
  }

  /** This browser was on the site at `ms` (a page view shortly before, or just after; or a session it started). */
  onSite(ms: number, sortedSessionStarts: number[] = []): boolean {
    const i = firstAtOrAfter(this.visits, ms - SESSION_MS);
    if (i < this.visits.length && this.visits[i]! <= ms + VISIT_LEAD_MS) return true;
    const j = firstAtOrAfter(sortedSessionStarts, ms + 1) - 1;
    return j >= 0 && ms - sortedSessionStarts[j]! <= SESSION_MS;
  }

  get first(): number | undefined {
    return this.visits[0];
  }
}

const desktopLike = (f: LoginFacts) => f.device.channel === 'pc' || f.device.channel === 'unknown';

/**
 * The logins this browser made: for each Visit, the newest successful login
 * in the minutes before it (desktop channels preferred: the extension runs in
 * a desktop browser), plus same-environment logins right next to it (a double
 * login). Aggregator logins are the service's servers, never this browser.
 */
export function attributeLogins(logins: LoginFacts[], presence: Presence): Set<string> {
  const out = new Set<string>();
  const candidates = logins
    .filter((f) => f.event.result === 'success' && f.device.channel !== 'aggregator')
    .sort((a, b) => a.ms - b.ms);
  if (!candidates.length) return out;
  const from = candidates[0]!.ms - VISIT_LEAD_MS;
  const to = candidates[candidates.length - 1]!.ms + ATTRIBUTION_WINDOW_MS;
  const times = candidates.map((f) => f.ms);
  for (const v of presence.visitsBetween(from, to)) {
    // candidates with v − window ≤ ms ≤ v + lead (sorted: a slice)
    const lo = firstAtOrAfter(times, v - ATTRIBUTION_WINDOW_MS);
    const hi = firstAtOrAfter(times, v + VISIT_LEAD_MS + 1);
    if (lo >= hi) continue;
    const near = candidates.slice(lo, hi);
    const preferred = near.filter(desktopLike);
    const pool = preferred.length ? preferred : near;
    const pick = pool[pool.length - 1]!;
    out.add(pick.event.id);
    for (const f of near) if (f.envId === pick.envId && Math.abs(f.ms - pick.ms) <= 5 * 60_000) out.add(f.event.id);
  }
  return out;
}
