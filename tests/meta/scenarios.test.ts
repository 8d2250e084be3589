// Every scenario — the project's own (tests/scenarios) and the shared floor
// (../shared/scenarios, when present) — replayed through the code the
// extension runs, with FORMAT.md's checks; and again with every capture
// delivered twice, shuffled within its day (utils/detect/scenario.ts
// deliveryOrder): the judgement must not depend on the order pages were read in.
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
const load = (file: string) => ScenarioSchema.parse(JSON.parse(readFileSync(file, 'utf8')));

function suite(dir: string) {
  it.each(files(dir).map((f) => [f.slice(dir.length + 1), f]))(
    '%s',
    async (_name, file) => {
      expect((await evaluateScenario(load(file))).problems).toEqual([]);
    },
    60_000,
  );
  it.each(files(dir).map((f) => [f.slice(dir.length + 1), f]))(
    '%s, every capture repeated and shuffled within its day',
    async (name, file) => {
      // a different order for every scenario, the same on every run
      const seed = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
      expect((await evaluateScenario(load(file), { shuffleSeed: seed })).problems).toEqual([]);
    },
    120_000,
  );
}

describe('project scenarios (tests/scenarios)', () => {
  it('there are at least six, both attack and benign', () => {
    const list = files(own);
    expect(list.length).toBeGreaterThanOrEqual(6);
    expect(new Set(list.map((f) => load(f).kind))).toEqual(new Set(['attack', 'benign']));
  });
  suite(own);
});

if (existsSync(shared)) {
  describe('shared scenarios (../shared/scenarios)', () => suite(shared));
} else {
  describe.skip('shared scenarios (../shared/scenarios)', () => {
    it('skipped', () => undefined);
  });
  console.log(`note: ${shared} not found; the shared scenarios were skipped`);
}
