// npm run -s eval -- [--json] PATH...
// Replays scenario files (a file or a folder of *.json) into a fresh store
// (fake IndexedDB) through the code the extension runs, one line per
// scenario and a last line `N passed, M failed`; --json prints one object
// {"scenarios":[{"id","alerts":[{"severity","kind","title","events"}]}]}.

import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { evaluateScenario, ScenarioSchema, type Scenario } from '../utils/detect/scenario';

function scenarioFiles(path: string): string[] {
  const p = resolve(path);
  if (statSync(p).isDirectory()) {
    return readdirSync(p)
      .filter((n) => n.endsWith('.json'))
      .sort()
      .map((n) => join(p, n));
  }
  return [p];
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const paths = argv.filter((a) => a !== '--json');
  if (!paths.length) {
    console.error('usage: npm run -s eval -- [--json] PATH...');
    return 2;
  }
  const files = paths.flatMap(scenarioFiles);
  let passed = 0;
  let failed = 0;
  const out: Array<{ id: string; alerts: Array<{ severity: string; kind: string; title: string; events: string[] }> }> =
    [];
  for (const file of files) {
    let scenario: Scenario;
    try {
      scenario = ScenarioSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (err) {
      failed++;
      if (!json) console.log(`FAIL ${file}: not a scenario/1 file (${String(err).slice(0, 200)})`);
      continue;
    }
    const r = await evaluateScenario(scenario);
    if (r.passed) passed++;
    else failed++;
    out.push({
      id: r.id,
      alerts: r.alerts.map(({ severity, kind, title, events }) => ({ severity, kind, title, events })),
    });
    if (!json) {
      const counts = ['high', 'medium', 'low', 'info']
        .map((s) => [s, r.alerts.filter((a) => a.severity === s).length] as const)
        .filter(([, n]) => n > 0);
      const summary = counts.length ? counts.map(([s, n]) => `${n} ${s}`).join(', ') : 'no alerts';
      console.log(
        `${r.passed ? 'PASS' : 'FAIL'} ${r.id} (${summary})${r.problems.length ? `: ${r.problems.join('; ')}` : ''}`,
      );
    }
  }
  if (json) console.log(JSON.stringify({ scenarios: out }));
  else console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);
