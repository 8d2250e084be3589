// npm run -s eval -- [--json] [--stats] [--shuffle[=SEED]] PATH...
// Replays scenario files (a file or a folder of *.json) into a fresh store
// (fake IndexedDB) through the code the extension runs, one line per
// scenario and a last line `N passed, M failed`.
//   --json     one object {"scenarios":[{"id","alerts":[{"severity","kind","title","events"}],
//              "case":{"notMine":[...],"suspect":[...]}}]} (the case as the evidence report builds it)
//   --stats    the noise budget over the benign scenarios: alerts of medium or more and of low or
//              more per user-month, and the worst single week (and, for attacks, how the first
//              attacker login and the orders were raised)
//   --shuffle  also replay every scenario with each capture delivered twice, shuffled within its day
//              (utils/detect/scenario.ts deliveryOrder); a scenario passes only if both runs pass

import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { noiseStats, type NoiseStats } from '../utils/detect/noise';
import { evaluateScenario, ScenarioSchema, type Scenario, type ScenarioOutcome } from '../utils/detect/scenario';

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

function summary(r: ScenarioOutcome): string {
  const counts = ['high', 'medium', 'low', 'info']
    .map((s) => [s, r.alerts.filter((a) => a.severity === s).length] as const)
    .filter(([, n]) => n > 0);
  return counts.length ? counts.map(([s, n]) => `${n} ${s}`).join(', ') : 'no alerts';
}

function printStats(s: NoiseStats): void {
  const f = (n: number) => n.toFixed(3);
  console.log(
    `noise over ${s.benignScenarios} benign scenarios, ${s.userMonths.toFixed(1)} user-months: ` +
      `${f(s.mediumPerUserMonth)} alerts >= medium and ${f(s.lowPerUserMonth)} >= low per user-month ` +
      `(${s.medium} >= medium, ${s.high} high, ${s.low} >= low in all)`,
  );
  console.log(
    `worst single week: ${s.worstWeek.medium} >= medium (${s.worstWeek.mediumScenario || '-'}), ` +
      `${s.worstWeek.low} >= low (${s.worstWeek.lowScenario || '-'})`,
  );
  console.log(`most alerts >= medium about one environment or event in a benign scenario: ${s.maxMediumPerEvent}`);
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const stats = argv.includes('--stats');
  const shuffleArg = argv.find((a) => a.startsWith('--shuffle'));
  const seed = shuffleArg ? Number(shuffleArg.split('=')[1] ?? 1) || 1 : undefined;
  let paths = argv.filter((a) => !a.startsWith('--'));
  if (!paths.length) {
    const shared = resolve('../shared/scenarios');
    paths = ['tests/scenarios', ...(statSync(shared, { throwIfNoEntry: false }) ? [shared] : [])];
  }
  const files = paths.flatMap(scenarioFiles);
  let passed = 0;
  let failed = 0;
  const outcomes: ScenarioOutcome[] = [];
  const out: Array<{
    id: string;
    alerts: Array<{ severity: string; kind: string; title: string; events: string[] }>;
    case: { notMine: string[]; suspect: string[] };
  }> = [];
  for (const file of files) {
    let scenario: Scenario;
    try {
      scenario = ScenarioSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (err) {
      failed++;
      if (!json) console.log(`FAIL ${file}: not a scenario/1 or scenario/2 file (${String(err).slice(0, 200)})`);
      continue;
    }
    const r = await evaluateScenario(scenario);
    const shuffled = seed !== undefined ? await evaluateScenario(scenario, { shuffleSeed: seed }) : undefined;
    const ok = r.passed && (shuffled?.passed ?? true);
    if (ok) passed++;
    else failed++;
    outcomes.push(r);
    out.push({
      id: r.id,
      alerts: r.alerts.map(({ severity, kind, title, events }) => ({ severity, kind, title, events })),
      case: r.case,
    });
    if (!json) {
      const problems = [...r.problems, ...(shuffled?.problems ?? []).map((p) => `shuffled: ${p}`)];
      console.log(
        `${ok ? 'PASS' : 'FAIL'} ${r.id} (${summary(r)})${problems.length ? `: ${problems.join('; ')}` : ''}`,
      );
    }
  }
  if (json) console.log(JSON.stringify({ scenarios: out }));
  else {
    console.log(`${passed} passed, ${failed} failed`);
    if (stats) printStats(noiseStats(outcomes));
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);
