// Checks between visits, honestly: the background decides when a broker is due
// and which pages to re-read; an open broker tab fetches them with the user's
// own session (utils/capture/check.ts). No check runs once the broker's idle
// timeout has passed since the user's last visit, so the extension never keeps
// a session alive by itself.

import { brokerById } from '../brokers';
import { CHECKS } from '../brokers/checks';
import { toJstIso } from '../brokers/shared/dates';
import type { BrokerId, PageKind } from '../brokers/types';
import type { AdapterHealth } from '../records';
import type { KabuGuardDB } from '../store/db';
import type { CheckRequest } from '../messaging/messages';

import { CHECK_TIMING, type CheckTiming } from './check-timing';

const CHECKED_KINDS: PageKind[] = ['login-history', 'order-inquiry', 'executions', 'trade-history'];

export interface CheckTarget {
  kind: PageKind;
  /** Absolute URL on the tab's origin, without session ids. */
  url: string;
}

export interface CheckPlan {
  due: boolean;
  reason: 'due' | 'too-soon' | 'session-idle' | 'logged-out' | 'no-visit' | 'no-targets';
  targets: CheckTarget[];
}

/** A check that found the user logged out ends the session until the next visit. */
function endedByCheck(health: AdapterHealth): boolean {
  return (
    health.lastCheckStatus === 'logged-out' &&
    !!health.lastCheckAt &&
    !!health.lastVisitAt &&
    health.lastCheckAt >= health.lastVisitAt
  );
}

export function sessionAlive(
  health: AdapterHealth | undefined,
  broker: BrokerId,
  now: number,
  timing: CheckTiming = CHECK_TIMING,
): boolean {
  if (!health?.lastVisitAt) return false;
  if (endedByCheck(health)) return false;
  const idleMinutes = timing.idleMinutesOverride ?? CHECKS[broker].sessionIdleMinutes;
  return now - Date.parse(health.lastVisitAt) < idleMinutes * 60_000;
}

/** `force`: a high alert wants the evidence now, whatever the interval (never past the idle timeout). */
export async function planCheck(
  db: KabuGuardDB,
  broker: BrokerId,
  tabUrl: string,
  now = Date.now(),
  force = false,
  timing: CheckTiming = CHECK_TIMING,
): Promise<CheckPlan> {
  const health = await db.health.get(broker);
  if (!health?.lastVisitAt) return { due: false, reason: 'no-visit', targets: [] };
  if (!sessionAlive(health, broker, now, timing)) {
    return { due: false, reason: endedByCheck(health) ? 'logged-out' : 'session-idle', targets: [] };
  }
  if (!force && health.lastCheckAt && now - Date.parse(health.lastCheckAt) < timing.minIntervalMs)
    return { due: false, reason: 'too-soon', targets: [] };
  const tab = declaredUrl(broker, tabUrl);
  if (!tab) return { due: false, reason: 'no-targets', targets: [] };
  const byKind = new Map<PageKind, string>();
  // pages the user opened before, newest first: their URLs are where this broker really keeps them
  const snaps = await db.snapshots
    .where('[broker+capturedAt]')
    .between([broker, ''], [broker, '\uffff'])
    .reverse()
    .limit(200)
    .toArray();
  for (const s of snaps) {
    if (!s.pageKind || !CHECKED_KINDS.includes(s.pageKind) || byKind.has(s.pageKind) || s.how === 'import') continue;
    const u = declaredUrl(broker, s.url);
    if (!u || (u.origin !== tab.origin && !(isEtGate(u.hostname) && isEtGate(tab.hostname)))) continue;
    const target = onTab(tab, u);
    if (target) byKind.set(s.pageKind, target);
  }
  for (const t of CHECKS[broker].knownTargets) {
    if (byKind.has(t.kind) || (t.hosts && !t.hosts.test(tab.hostname))) continue;
    const target = onTab(tab, new URL(t.path, tab.origin));
    if (target) byKind.set(t.kind, target);
  }
  const targets = [...byKind].map(([kind, url]) => ({ kind, url }));
  if (!targets.length) return { due: false, reason: 'no-targets', targets };
  return { due: true, reason: 'due', targets };
}

/**
 * The URL, parsed, when it is on an origin the adapter declares: https, one of
 * its hosts exactly, no port, no user info. Anything else is never requested.
 */
export function declaredUrl(broker: BrokerId, url: string): URL | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const hosts = brokerById(broker)?.hosts ?? [];
  if (u.protocol !== 'https:' || u.port || u.username || u.password || !hosts.includes(u.hostname)) return undefined;
  return u;
}

/**
 * A stored page's path and query on the live tab's origin, built from parsed
 * parts (issue 11 item 2: `new URL('//evil.example/…', origin)` left the
 * broker). A path that could be read as another host (`//`, backslashes,
 * encoded slashes) is refused, and the result must still be on the tab's origin.
 */
function onTab(tab: URL, page: URL): string | undefined {
  if (/^\/\/|\\|%2f|%5c/i.test(page.pathname)) return undefined;
  const out = new URL(tab.origin);
  out.pathname = page.pathname;
  out.search = page.search;
  return out.origin === tab.origin && out.pathname === page.pathname ? out.toString() : undefined;
}

// SBI's numbered ETGate hosts serve the same pages (brokers.md §2.1)
function isEtGate(host: string): boolean {
  return /^site\d\.sbisec\.co\.jp$/.test(host);
}

export async function recordCheckStart(db: KabuGuardDB, broker: BrokerId, now = Date.now()): Promise<void> {
  await db.health.update(broker, { lastCheckAt: toJstIso(now) });
}

/**
 * Plans a check and, when one is due, marks it started: the request to hand to
 * the broker tab, its URLs with the tab's live session put back (in memory only:
 * `tabUrl` is the live tab's address; stored URLs never carry a session).
 */
export async function startCheck(
  db: KabuGuardDB,
  broker: BrokerId,
  tabUrl: string,
  now: number,
  force: boolean,
  timing: CheckTiming,
): Promise<CheckRequest | undefined> {
  const plan = await planCheck(db, broker, tabUrl, now, force, timing);
  if (!plan.due) return undefined;
  await recordCheckStart(db, broker, now);
  const { withSession } = CHECKS[broker];
  return { type: 'kg/check', targets: plan.targets.map((t) => ({ ...t, url: withSession(t.url, tabUrl) })) };
}

export async function recordCheckResult(
  db: KabuGuardDB,
  broker: BrokerId,
  status: 'ok' | 'logged-out' | 'failed',
  error?: string,
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.health, async () => {
    const h = await db.health.get(broker);
    if (!h) return;
    const next: AdapterHealth = { ...h, lastCheckAt: toJstIso(now), lastCheckStatus: status };
    if (error) next.lastCheckError = error.slice(0, 300);
    else delete next.lastCheckError;
    if (status === 'ok') next.lastCheckOkAt = toJstIso(now);
    await db.health.put(next);
  });
}
