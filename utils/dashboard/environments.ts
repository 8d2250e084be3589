// The user's hand on the environments (dashboard → 環境, and the first review):
// give one a name, trust it, say it is not theirs, or forget it. Answers are
// kept apart (store/answers.ts) and logged like the alert answers.

import { toJstIso } from '../brokers/shared/dates';
import { EnvironmentSchema, type Environment } from '../records/environment';
import { appendLog } from '../store/capture-log';
import type { KabuGuardDB } from '../store/db';
import { kvGet, kvSet } from '../store/kv';

/** All environments (one row per device class × network, so few), newest use first per broker. */
export async function listEnvironments(db: KabuGuardDB): Promise<Environment[]> {
  const all = await db.environments.toArray();
  return all.sort((a, b) => a.broker.localeCompare(b.broker) || b.lastAt.localeCompare(a.lastAt));
}

/** An empty label removes the name. */
export async function labelEnvironment(db: KabuGuardDB, id: string, label: string, now = Date.now()): Promise<void> {
  const name = label.trim().slice(0, 60);
  await db.transaction('rw', db.environments, async () => {
    const e = await db.environments.get(id);
    if (!e) return;
    const next: Environment = { ...e, updatedAt: toJstIso(now) };
    if (name) next.label = name;
    else delete next.label;
    await db.environments.put(EnvironmentSchema.parse(next));
  });
}

/** The user's answer about a whole environment, kept apart and applied by judging the history again. */
async function answer(
  db: KabuGuardDB,
  id: string,
  verdict: 'mine' | 'not-mine' | 'forget',
  source: 'environments' | 'review',
  now: number,
) {
  // the engine (with the IP tables) loads only when the user answers, not with the page
  const { answerEnvironment } = await import('../detect/engine');
  await answerEnvironment(db, id, verdict, source, toJstIso(now));
  await appendLog(db, {
    type: 'feedback',
    detail: { environmentId: id, verdict, from: source === 'review' ? 'review' : 'dashboard' },
  });
}

/** "Mine": logins from it are the user's (as answering "this was me"). */
export function trustEnvironment(db: KabuGuardDB, id: string, now = Date.now()): Promise<void> {
  return answer(db, id, 'mine', 'environments', now);
}

/**
 * 「自分ではない」: every login from it, and every order and account change made
 * in its sessions, is not the user's; a later login from it is high at once.
 */
export function rejectEnvironment(db: KabuGuardDB, id: string, now = Date.now()): Promise<void> {
  return answer(db, id, 'not-mine', 'environments', now);
}

/** Forget: the next login from it counts as new again (a lost phone, a sold PC). */
export function forgetEnvironment(db: KabuGuardDB, id: string, now = Date.now()): Promise<void> {
  return answer(db, id, 'forget', 'environments', now);
}

const SEEN_KEY = 'review-seen';

/**
 * The first review: the environments found in the history at installation
 * (those the review raised as suspects first) that the user has not answered
 * or set aside yet.
 */
export async function pendingReview(db: KabuGuardDB): Promise<Environment[]> {
  const seen = await kvGet<Record<string, string>>(db, SEEN_KEY, {});
  const envs = await db.environments.where('status').anyOf(['baseline', 'alerted']).toArray();
  return envs
    .filter((e) => e.preInstall > 0 && !e.reviewedAt && !seen[e.id])
    .sort((a, b) => Number(b.status === 'alerted') - Number(a.status === 'alerted') || b.count - a.count);
}

/** An answer in the first review ("seen": set aside the rest without changing them). */
export async function reviewEnvironment(
  db: KabuGuardDB,
  id: string,
  verdict: 'mine' | 'not-mine' | 'seen',
  now = Date.now(),
): Promise<void> {
  if (verdict !== 'seen') return answer(db, id, verdict, 'review', now);
  const seen = await kvGet<Record<string, string>>(db, SEEN_KEY, {});
  await kvSet(db, SEEN_KEY, { ...seen, [id]: toJstIso(now) });
}
