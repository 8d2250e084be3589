// Environments: where logins come from (device class × network), with counts
// and the user's answers. Small: one row per environment, not per login.

import type { BrokerId } from '../brokers/types';
import { EnvironmentSchema, type Environment } from '../records/environment';
import type { KabuGuardDB } from './db';

export async function putEnvironments(db: KabuGuardDB, envs: Environment[]): Promise<void> {
  if (!envs.length) return;
  await db.environments.bulkPut(envs.map((e) => EnvironmentSchema.parse(e)));
}

export function environmentsOf(db: KabuGuardDB, broker: BrokerId): Promise<Environment[]> {
  return db.environments.where('broker').equals(broker).toArray();
}

export function allEnvironments(db: KabuGuardDB): Promise<Environment[]> {
  return db.environments.toArray();
}

/** Environments found at installation that the user has not reviewed yet (the one-time review). */
export async function unreviewedBaseline(db: KabuGuardDB): Promise<Environment[]> {
  return (await db.environments.where('status').equals('baseline').toArray()).filter((e) => !e.reviewedAt);
}

/**
 * The user's answer in the review: "mine" confirms an environment; "not mine"
 * rejects it, so any later login from it is treated as an attacker's.
 * `seen` marks the remaining baseline as reviewed without changing it.
 */
export async function reviewEnvironment(
  db: KabuGuardDB,
  id: string,
  verdict: 'mine' | 'not-mine' | 'seen',
  at: string,
): Promise<void> {
  await db.transaction('rw', db.environments, async () => {
    const e = await db.environments.get(id);
    if (!e) return;
    const status = verdict === 'mine' ? 'confirmed' : verdict === 'not-mine' ? 'rejected' : e.status;
    await db.environments.put(EnvironmentSchema.parse({ ...e, status, reviewedAt: at, updatedAt: at }));
  });
}
