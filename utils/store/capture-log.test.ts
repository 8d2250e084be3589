import { describe, expect, it, vi } from 'vitest';
import { KabuGuardDB } from './db';

type LogModule = typeof import('./capture-log');

/** A second JavaScript context (service worker, extension page): its own module state and its own connection. */
async function context(name: string): Promise<{ log: LogModule; db: KabuGuardDB }> {
  vi.resetModules();
  const log = (await import('./capture-log')) as LogModule;
  const { KabuGuardDB: Db } = await import('./db');
  return { log, db: new Db(name) };
}

describe('capture log', () => {
  // issue 11 item 3: 20 of 40 concurrent appends from two contexts were rejected (ConstraintError)
  it('takes concurrent appends from two contexts in one linear chain', async () => {
    const name = `test-${Math.random()}`;
    const worker = await context(name);
    const page = await context(name);
    const appends = Array.from({ length: 20 }, (_, i) => [
      worker.log.appendLog(worker.db, { type: 'capture', detail: { from: 'worker', i } }),
      page.log.appendLog(page.db, { type: 'feedback', detail: { from: 'page', i } }),
    ]).flat();
    const results = await Promise.allSettled(appends);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const entries = await new KabuGuardDB(name).captureLog.orderBy('seq').toArray();
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await worker.log.verifyCaptureLog(entries)).toEqual({ ok: true });
    // each context's own entries keep their order
    for (const from of ['worker', 'page'])
      expect(entries.filter((e) => e.detail.from === from).map((e) => e.detail.i)).toEqual([...Array(20).keys()]);
  });
});
