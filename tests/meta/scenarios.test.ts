// Every scenario — the project's own (tests/scenarios) and the shared floor
// (../shared/scenarios, when present) — replayed through the code the
// extension runs, with FORMAT.md's checks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateScenario, ScenarioSchema } from '../../utils/detect/scenario';

const repoRoot = resolve(__dirname, '..', '..');
const own = join(repoRoot, 'tests', 'scenarios');
const shared = resolve(repoRoot, '../shared/scenarios');

const files = (dir: string) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => join(dir, n));

describe('project scenarios (tests/scenarios)', () => {
  const list = files(own);
  it('there are at least six, both attack and benign', () => {
    const kinds = list.map((f) => ScenarioSchema.parse(JSON.parse(readFileSync(f, 'utf8'))).kind);
    expect(list.length).toBeGreaterThanOrEqual(6);
    expect(new Set(kinds)).toEqual(new Set(['attack', 'benign']));
  });
  it.each(list.map((f) => [f.slice(own.length + 1), f]))(
    '%s',
    async (_name, file) => {
      const r = await evaluateScenario(ScenarioSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
      expect(r.problems).toEqual([]);
    },
    60_000,
  );
});

if (existsSync(shared)) {
  describe('shared scenarios (../shared/scenarios)', () => {
    it.each(files(shared).map((f) => [f.slice(shared.length + 1), f]))(
      '%s',
      async (_name, file) => {
        const r = await evaluateScenario(ScenarioSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
        expect(r.problems).toEqual([]);
      },
      60_000,
    );
  });
} else {
  describe.skip('shared scenarios (../shared/scenarios)', () => {
    it('skipped', () => undefined);
  });
  console.log(`note: ${shared} not found; the shared scenarios were skipped`);
}
