// The user's hand on the environments (dashboard → 環境): give one a name,
// trust it, or forget it. Each answer is logged like the alert answers.

import { toJstIso } from '../brokers/shared/dates';
import { EnvironmentSchema, type Environment } from '../records/environment';
import { appendLog } from '../store/capture-log';
import type { KabuGuardDB } from '../store/db';

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

/** "Mine": logins from it are the user's from now on (as answering "this was me"). */
export async function trustEnvironment(db: KabuGuardDB, id: string, now = Date.now()): Promise<void> {
  const at = toJstIso(now);
  await db.transaction('rw', db.environments, async () => {
    const e = await db.environments.get(id);
    if (e)
      await db.environments.put(EnvironmentSchema.parse({ ...e, status: 'confirmed', reviewedAt: at, updatedAt: at }));
  });
  await appendLog(db, { type: 'feedback', detail: { environmentId: id, verdict: 'mine', from: 'dashboard' } });
}

/** Forget: the next login from it counts as new again (a lost phone, a sold PC). */
export async function forgetEnvironment(db: KabuGuardDB, id: string): Promise<void> {
  await db.environments.delete(id);
  await appendLog(db, { type: 'feedback', detail: { environmentId: id, verdict: 'forget', from: 'dashboard' } });
}
