// The noise budget (bench/run.ts (g)): every scenario in tests/scenarios and
// ../shared/scenarios replayed as the evaluation does, and over the benign ones
// the alerts of medium or more and of low or more per user-month, the worst
// single week, and the most mediums one ordinary event made; over the attacks,
// how many met every expectation (first attacker login at medium or more,
// orders and account changes at high, the case).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { noiseStats } from '../utils/detect/noise';
import { evaluateScenario, ScenarioSchema, type ScenarioOutcome } from '../utils/detect/scenario';
import type { Figure } from './stats';

export const TARGET_MEDIUM_PER_USER_MONTH = 0.1;

export async function noiseFigures(): Promise<Figure[]> {
  const dirs = [resolve('tests/scenarios'), resolve('../shared/scenarios')].filter((d) => existsSync(d));
  const outcomes: ScenarioOutcome[] = [];
  for (const dir of dirs)
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort())
      outcomes.push(await evaluateScenario(ScenarioSchema.parse(JSON.parse(readFileSync(join(dir, name), 'utf8')))));
  const s = noiseStats(outcomes);
  const attacks = outcomes.filter((o) => o.kind === 'attack');
  const benign = outcomes.filter((o) => o.kind === 'benign');
  return [
    {
      name: '(g) benign: alerts >= medium per user-month',
      target: `<= ${TARGET_MEDIUM_PER_USER_MONTH}`,
      measured: s.mediumPerUserMonth.toFixed(3),
      met: s.mediumPerUserMonth <= TARGET_MEDIUM_PER_USER_MONTH,
      note: `${s.medium} over ${s.userMonths.toFixed(1)} user-months, ${s.benignScenarios} scenarios`,
    },
    { name: '(g) benign: high alerts', target: '0', measured: String(s.high), met: s.high === 0 },
    {
      name: '(g) benign: alerts >= low per user-month',
      target: '',
      measured: s.lowPerUserMonth.toFixed(3),
      note: `${s.low} in all`,
    },
    {
      name: '(g) benign: worst single week, >= medium / >= low',
      target: '',
      measured: `${s.worstWeek.medium} / ${s.worstWeek.low}`,
      note: [s.worstWeek.mediumScenario, s.worstWeek.lowScenario].filter(Boolean).join(', '),
    },
    {
      name: '(g) benign: most mediums from one ordinary event',
      target: '<= 1',
      measured: String(s.maxMediumPerEvent),
      met: s.maxMediumPerEvent <= 1,
    },
    {
      name: '(g) scenarios meeting every expectation (attack / benign)',
      target: 'all',
      measured: `${attacks.filter((o) => o.passed).length}/${attacks.length} / ${benign.filter((o) => o.passed).length}/${benign.length}`,
      met: outcomes.every((o) => o.passed),
    },
  ];
}
