// The stage bench (bench/stages.ts) in the extension's service worker, on
// Chromium's IndexedDB: one size per call, the bundle loaded once.

import type { Worker } from 'playwright-core';
import type { StageRun } from './stages';
import { workerBundle } from './worker-bundle';

export async function stagesInChromium(sw: Worker, sizes: number[], runs: number): Promise<StageRun[]> {
  await sw.evaluate(await workerBundle(new URL('./stages-worker.ts', import.meta.url), 'kabuGuardStagesBundle'));
  const out: StageRun[] = [];
  for (const events of sizes)
    out.push(
      await sw.evaluate(
        ({ events, runs }) =>
          (
            globalThis as unknown as { kabuGuardStages: (n: number, o: { runs: number }) => Promise<StageRun> }
          ).kabuGuardStages(events, { runs }),
        { events, runs },
      ),
    );
  return out;
}
