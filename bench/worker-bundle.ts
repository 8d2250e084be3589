// Bench code bundled by Vite into one script and evaluated in the extension's
// service worker, so figures measured there are those of the store's own code
// (Dexie, zod, utils/store) on real IndexedDB, not a re-implementation's.

import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

export async function workerBundle(entry: URL, name: string): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: fileURLToPath(entry), formats: ['iife'], name },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the worker bundle was not built');
  return chunk.code;
}
