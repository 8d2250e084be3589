// `npm run -s bundle` over scenario files of version 2 (with their answers): the
// case is rebuilt without a browser, and data/case.json holds exactly what the
// evaluation (cli/eval.ts) says the case is, and what the scenario expects of it.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateScenario, ScenarioSchema } from '../utils/detect/scenario';

const root = resolve(__dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'bundle-scenario-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface CaseEntry {
  at: string;
  dateOnly?: boolean;
  standing: 'not-mine' | 'suspect';
}

/** An event time as the scenario names it: the instant, or the date alone (JST). */
const named = (e: CaseEntry) => (e.dateOnly ? e.at.slice(0, 10) : new Date(e.at).toISOString());
const norm = (t: string) => (t.length === 10 ? t : new Date(t).toISOString());

describe('npm run bundle with scenario files (format 2)', () => {
  it.each([
    // an environment answered as a whole, after installation (the cold start)
    'attack-coldstart-rakuten-dormant-app-pc.json',
    // account changes in the night, one alert answered
    'attack-coldstart-rakuten-night-account-changes.json',
    // date-only rows from a CSV
    'attack-coldstart-sbi-xserver-csv.json',
  ])(
    '%s: data/case.json is the evaluation’s case',
    async (name) => {
      const file = join(root, 'tests', 'scenarios', name);
      const out = join(dir, `${name}.zip`);
      const r = spawnSync(tsx, [join(root, 'cli', 'bundle.ts'), '--out', out, file], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(
        /read {2}.*\(scenario: \d+ logins, \d+ orders, \d+ account changes, \d+ visits, [1-9]\d* answers\)/,
      );
      const zip = unzipSync(new Uint8Array(readFileSync(out)));
      const c = JSON.parse(new TextDecoder().decode(zip['data/case.json'])) as {
        logins: CaseEntry[];
        orders: CaseEntry[];
        accountChanges: CaseEntry[];
      };
      const all = [...c.logins, ...c.orders, ...c.accountChanges];
      const scenario = ScenarioSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      const evaluated = await evaluateScenario(scenario);
      expect(evaluated.passed, evaluated.problems.join('; ')).toBe(true);
      const times = (s: CaseEntry['standing']) => [...new Set(all.filter((e) => e.standing === s).map(named))].sort();
      expect(times('not-mine').length).toBeGreaterThan(0);
      expect(times('not-mine')).toEqual([...new Set(evaluated.case.notMine.map(norm))].sort());
      expect(times('suspect')).toEqual([...new Set(evaluated.case.suspect.map(norm))].sort());
      // what the scenario's author expects of the case
      const inCase = new Set(all.map(named));
      for (const t of scenario.expect.case?.notMine ?? []) expect(inCase, t).toContain(norm(t));
      for (const t of scenario.expect.case?.mine ?? []) expect(inCase, t).not.toContain(norm(t));
    },
    180_000,
  );

  it('refuses a file that is not a scenario, and says why', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'scenario/2', broker: 'rakuten', steps: [{ type: 'x' }] }));
    const r = spawnSync(tsx, [join(root, 'cli', 'bundle.ts'), '--out', join(dir, 'bad.zip'), bad], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/NOT READ {2}.*bad\.json {2}\(scenario: not a scenario file: /);
  }, 60_000);
});
