import type { KabuGuardDB } from './db';

export async function kvGet<T>(db: KabuGuardDB, key: string, fallback: T): Promise<T> {
  return ((await db.kv.get(key))?.value as T | undefined) ?? fallback;
}

export async function kvSet(db: KabuGuardDB, key: string, value: unknown): Promise<void> {
  await db.kv.put({ key, value });
}
