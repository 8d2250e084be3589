import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { evaluateScenario, ScenarioSchema } from '../utils/detect/scenario';
const f = process.argv[2]!;
(async () => {
  const s = ScenarioSchema.parse(JSON.parse(readFileSync(f, 'utf8')));
  const t0 = performance.now();
  await evaluateScenario(s);
  console.log(((performance.now() - t0) / 1000).toFixed(2));
})();
