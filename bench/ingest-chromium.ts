// The ingest bench in real Chromium IndexedDB, inside the extension's service
// worker (where the store runs): bench/ingest-store.ts with the real store
// (Dexie, zod, utils/store/logins.ts), bundled by Vite and evaluated in the
// worker, so the figures are the store's, not a re-implementation's. The
// floors (the store's day records written bare; one record per row written
// bare) and the naive writer run in the same worker, same run.

import type { Worker } from 'playwright-core';
import type { IngestFigures } from './ingest-store';
import { workerBundle } from './worker-bundle';

export async function ingestInChromium(
  sw: Worker,
  rows: number,
  batch: number,
  naiveRows: number,
): Promise<IngestFigures> {
  await sw.evaluate(await workerBundle(new URL('./ingest-worker.ts', import.meta.url), 'kabuGuardIngestBenchBundle'));
  return sw.evaluate(
    ({ rows, batch, naiveRows }) =>
      (
        globalThis as unknown as { kabuGuardIngestBench: (r: number, b: number, n: number) => Promise<IngestFigures> }
      ).kabuGuardIngestBench(rows, batch, naiveRows),
    { rows, batch, naiveRows },
  );
}
