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
