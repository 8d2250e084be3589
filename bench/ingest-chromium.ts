// The ingest bench in real Chromium IndexedDB, inside the extension's service
// worker (where the store runs): bench/ingest-store.ts with the real store
// (Dexie, zod, utils/store/logins.ts), bundled by Vite and evaluated in the
// worker, so the figures are the store's, not a re-implementation's. The
// naive writer and the write-only floor run in the same worker, same run.

import { fileURLToPath } from 'node:url';
import type { Worker } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import type { IngestFigures } from './ingest-store';

async function workerBundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: {
        entry: fileURLToPath(new URL('./ingest-worker.ts', import.meta.url)),
        formats: ['iife'],
        name: 'kabuGuardIngestBenchBundle',
      },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the worker bundle was not built');
  return chunk.code;
}

export async function ingestInChromium(
  sw: Worker,
  rows: number,
  batch: number,
  naiveRows: number,
): Promise<IngestFigures> {
  await sw.evaluate(await workerBundle());
  return sw.evaluate(
    ({ rows, batch, naiveRows }) =>
      (
        globalThis as unknown as { kabuGuardIngestBench: (r: number, b: number, n: number) => Promise<IngestFigures> }
      ).kabuGuardIngestBench(rows, batch, naiveRows),
    { rows, batch, naiveRows },
  );
}
