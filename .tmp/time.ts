import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { evaluateScenario, ScenarioSchema } from '/work/wt-attribution/utils/detect/scenario';
const dirs = ['/work/wt-attribution/tests/scenarios', '/work/shared/scenarios'];
(async () => {
  for (const d of dirs) for (const f of readdirSync(d).filter((n) => n.endsWith('.json'))) {
    const s = ScenarioSchema.parse(JSON.parse(readFileSync(`${d}/${f}`, 'utf8')));
    const t0 = performance.now();
    await evaluateScenario(s);
    const t1 = performance.now();
    console.log(((t1 - t0) / 1000).toFixed(2), f, s.steps.length);
  }
})();
