// Sessions, not rows. A session is a successful login, the activity that
// follows it, and its end (the broker's idle timeout after the last activity,
// or the next login of the same environment). "This browser" is known from
// Visits: the extension records one whenever this browser is on a logged-in
// page. A Visit proves this browser was on the site; it does not prove that
// every login in those minutes was this browser's: during a live session of
// this browser, only a re-login from the same environment is this browser's,
// and a login from elsewhere is a second, concurrent session. Orders, account
// changes and visits are attributed to sessions by what their times can prove
// (market-time.ts). Pure: detection, the case and the dashboard all call this.

import type { MarketRegion } from '../brokers/shared/markets';
import { placementWindow, type PlacementWindow } from './market-time';
import type { LoginFacts } from './types';

export const toMs = (iso: string): number => Date.parse(iso);

/** Login row → first page view: brokers land on the top page right after login. */
export const ATTRIBUTION_WINDOW_MS = 10 * 60_000;
/** Visits are per minute and row times may be rounded: allow a little lead. */
export const VISIT_LEAD_MS = 2 * 60_000;
/**
 * A session lives this long after its last activity (楽天証券 logs out after 30
 * idle minutes, brokers.md §1.1; SBI's timeout is not published: the same is
 * assumed here, longer than the short one the checks use, so that reading a
 * page for a while still counts as being on the site).
 */
export const SESSION_IDLE_MS = 30 * 60_000;

export type ThisBrowser = 'yes' | 'no' | 'maybe';

export interface Session {
  /** `ses_<login id>`, or `ses_visit_<ms>` for this browser's session whose login is not in the history. */
  id: string;
  login?: LoginFacts;
  envId?: string;
  start: number;
  /** The last activity plus the idle timeout (or the next login of the same environment). */
  end: number;
  /**
   * yes: this browser's (a Visit follows the login); no: another device or
   * person; maybe: a login with the same channel and no address during this
   * browser's live session (the page shows too little to tell).
   */
  thisBrowser: ThisBrowser;
  /** Ids of sessions of other environments that overlap this one. */
  overlaps: string[];
}

export interface SessionModel {
  sessions: Session[];
  /** Session of each successful login (aggregators excluded: they are the service's servers). */
  byLogin: Map<string, Session>;
  /** Logins this browser made. */
  thisBrowser: Set<string>;
  /** Logins that may be this browser's re-login or someone else's (no address shown). */
  maybe: Set<string>;
  /** Sessions live at `ms` (with a little lead for rounded times). */
  liveAt(ms: number): Session[];
  /** Sessions overlapping [from, to]. */
  overlapping(from: number, to: number): Session[];
}

const desktopLike = (f: LoginFacts) => f.device.channel === 'pc' || f.device.channel === 'unknown';
const networkShown = (f: LoginFacts) => f.networkKey !== 'none' && !f.networkKey.startsWith('none@');

/** Same device class on the same network: what a re-login of this browser looks like. */
function sameEnvironment(a: LoginFacts, b: LoginFacts): boolean {
  return a.envId === b.envId;
}

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

/**
 * The sessions of one broker's logins (sorted by time) given this browser's
 * Visits (ms, any order).
 */
export function buildSessions(logins: LoginFacts[], visitTimes: number[], idleMs = SESSION_IDLE_MS): SessionModel {
  const visits = [...visitTimes].sort((a, b) => a - b);
  const candidates = logins.filter((f) => f.event.result === 'success' && f.device.channel !== 'aggregator');
  const times = candidates.map((f) => f.ms);
  const credited = new Set<string>();
  const maybe = new Set<string>();
  const mine: Array<Session & { last: number }> = [];
  let cur: (Session & { last: number }) | undefined;
  let lastEnv: string | undefined;

  const open = (f: LoginFacts | undefined, at: number): Session & { last: number } => {
    if (cur) cur.end = Math.min(cur.end, Math.max(cur.last, at));
    const s = {
      id: f ? `ses_${f.event.id}` : `ses_visit_${at}`,
      ...(f ? { login: f, envId: f.envId } : {}),
      start: f ? f.ms : at,
      end: at + idleMs,
      last: at,
      thisBrowser: 'yes' as const,
      overlaps: [],
    };
    if (f) {
      credited.add(f.event.id);
      lastEnv = f.envId;
    }
    mine.push(s);
    return s;
  };

  for (let vi = 0; vi < visits.length; vi++) {
    const v = visits[vi]!;
    const lo = firstAtOrAfter(times, v - ATTRIBUTION_WINDOW_MS);
    const hi = firstAtOrAfter(times, v + VISIT_LEAD_MS + 1);
    const near = candidates.slice(lo, hi).filter((f) => !credited.has(f.event.id) && !maybe.has(f.event.id));
    const live = cur && v - cur.last <= idleMs;
    if (!live) {
      const pick = best(near, v, lastEnv);
      cur = open(pick, v);
      if (pick) creditDoubleLogin(pick, near, credited);
      continue;
    }
    // this browser's session is live: a login in these minutes is this browser's only if it is a re-login
    const session = cur!;
    for (const f of near) {
      if (f.ms <= session.start) continue;
      const base = session.login;
      if (!base) {
        // a session whose login is not in the history: the first desktop login near a visit is its login
        if (desktopLike(f)) {
          session.login = f;
          session.envId = f.envId;
          session.id = `ses_${f.event.id}`;
          session.start = Math.min(session.start, f.ms);
          credited.add(f.event.id);
          lastEnv = f.envId;
        }
        continue;
      }
      if (!sameEnvironment(f, base)) continue; // another environment: a concurrent session
      if (networkShown(f)) {
        cur = open(f, v);
        continue;
      }
      // no address on the page: the user logging out and in again, or someone else with the same channel
      maybe.add(f.event.id);
    }
    cur!.last = v;
    cur!.end = v + idleMs;
  }
  if (cur) cur.end = cur.last + idleMs;

  // every other successful login is a session of its own
  const others: Session[] = [];
  for (const f of candidates) {
    if (credited.has(f.event.id)) continue;
    others.push({
      id: `ses_${f.event.id}`,
      login: f,
      envId: f.envId,
      start: f.ms,
      end: f.ms + idleMs,
      thisBrowser: maybe.has(f.event.id) ? 'maybe' : 'no',
      overlaps: [],
    });
  }
  // the next login of the same environment ends a session
  const byEnv = new Map<string, Session[]>();
  for (const s of [...mine, ...others]) {
    if (!s.envId) continue;
    const list = byEnv.get(s.envId);
    if (list) list.push(s);
    else byEnv.set(s.envId, [s]);
  }
  for (const list of byEnv.values()) {
    list.sort((a, b) => a.start - b.start);
    for (let i = 0; i + 1 < list.length; i++)
      list[i]!.end = Math.max(list[i]!.start, Math.min(list[i]!.end, list[i + 1]!.start));
  }
  const sessions = [...mine.map(({ last: _last, ...s }) => s as Session), ...others].sort(
    (a, b) => a.start - b.start || a.id.localeCompare(b.id),
  );
  // sorted by start: the sessions overlapping one begin before it ends
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i]!;
    for (let j = i + 1; j < sessions.length && sessions[j]!.start <= s.end; j++) {
      const t = sessions[j]!;
      if (s.envId === t.envId) continue;
      s.overlaps.push(t.id);
      t.overlaps.push(s.id);
    }
  }
  const byLogin = new Map<string, Session>();
  for (const s of sessions) if (s.login) byLogin.set(s.login.event.id, s);
  const starts = sessions.map((s) => s.start);
  const longest = sessions.reduce((n, s) => Math.max(n, s.end - s.start), 0);
  const overlapping = (from: number, to: number) => {
    // sessions start in order; a session that starts after `to` cannot overlap
    const out: Session[] = [];
    const hi = firstAtOrAfter(starts, to + 1);
    for (let i = firstAtOrAfter(starts, from - longest); i < hi; i++)
      if (sessions[i]!.end >= from) out.push(sessions[i]!);
    return out;
  };
  return {
    sessions,
    byLogin,
    thisBrowser: credited,
    maybe,
    liveAt: (ms) => overlapping(ms - VISIT_LEAD_MS, ms),
    overlapping,
  };
}

/**
 * The login a Visit follows: one made before the visit (rounded times allowed)
 * over one just after it, this browser's usual environment, a desktop channel
 * (the extension runs in a desktop browser), then the newest.
 */
function best(near: LoginFacts[], v: number, lastEnv: string | undefined): LoginFacts | undefined {
  let pick: LoginFacts | undefined;
  let score = -Infinity;
  for (const f of near) {
    const s =
      (f.ms <= v + 60_000 ? 8 : 0) + (lastEnv && f.envId === lastEnv ? 4 : 0) + (desktopLike(f) ? 2 : 0) + f.ms / 1e15;
    if (s > score) {
      score = s;
      pick = f;
    }
  }
  return pick;
}

/** Two logins of one environment seconds apart (a double submit, a redirect) are one visit's. */
function creditDoubleLogin(pick: LoginFacts, near: LoginFacts[], credited: Set<string>): void {
  for (const f of near) if (f.envId === pick.envId && Math.abs(f.ms - pick.ms) <= 5 * 60_000) credited.add(f.event.id);
}

/** Where an order (or an account change) was placed, as far as its times can tell. */
export interface Placement {
  window: PlacementWindow;
  /** Sessions live at the order time (or the execution time, for an order placed and filled at once). */
  primary: Session[];
  /** Every session that could have placed it (overlapping the window). */
  candidates: Session[];
  /**
   * This browser placed it (true), did not (false: no session of this browser
   * could have), or the page cannot tell (undefined: a date alone, or this
   * browser and another session both could have).
   */
  thisBrowser: boolean | undefined;
}

export function placeOrder(
  o: { at: string; orderedAt?: string; dateOnly?: boolean; status: string },
  region: MarketRegion,
  model: SessionModel,
): Placement {
  const window = placementWindow(o, region);
  const candidates = model.overlapping(window.from - VISIT_LEAD_MS, window.to);
  let primary: Session[] = [];
  if (window.basis !== 'day') {
    primary = model.liveAt(window.to);
    // an order time outside every estimated session: the newest session begun in the hours before placed it
    if (!primary.length && window.basis === 'ordered') {
      const before = model.overlapping(window.to - 6 * 3600_000, window.to).filter((s) => s.start <= window.to);
      const latest = before.sort((a, b) => b.start - a.start)[0];
      if (latest) primary = before.filter((s) => s.start === latest.start);
    }
  }
  return { window, primary, candidates, thisBrowser: judgeThisBrowser(window, primary, candidates) };
}

function judgeThisBrowser(w: PlacementWindow, primary: Session[], candidates: Session[]): boolean | undefined {
  const decide = (list: Session[]) => {
    if (!list.length) return false;
    if (list.every((s) => s.thisBrowser === 'yes')) return true;
    if (list.every((s) => s.thisBrowser === 'no')) return false;
    return undefined;
  };
  if (w.basis === 'ordered') return decide(primary.length ? primary : candidates);
  if (w.basis === 'executed') {
    // filled inside a session: that session placed it, unless this browser was also there since the close
    if (primary.length) {
      const p = decide(primary);
      const c = decide(candidates);
      return p === c ? p : p === false && c !== false ? undefined : p;
    }
    return decide(candidates);
  }
  // a date alone: only this browser's sessions that day, only others', or it cannot be told
  return candidates.length ? decide(candidates) : undefined;
}

/** The sessions that decide: those live when it was placed, else every session that could have placed it. */
export function decisiveSessions(p: Placement): Session[] {
  return p.primary.length && p.window.basis !== 'day' ? p.primary : p.candidates;
}
