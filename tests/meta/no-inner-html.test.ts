// Broker text is hostile input, rendered as text everywhere: no code of ours
// writes HTML into a live document. (The innerHTML that web-ext lint finds in
// the package is Preact's dangerouslySetInnerHTML support and linkedom's own
// DOM: scripts/store-check.ts, docs/store/amo-reviewer-notes.md.)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const SINKS =
  /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=[^=]|insertAdjacentHTML|document\.write\(|\beval\(|new Function\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' || e.name === 'data' ? [] : sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('no HTML sinks in the extension code', () => {
  const files = ['entrypoints', 'components', 'utils'].flatMap((d) => sources(join(root, d)));
  it('finds the sources', () => expect(files.length).toBeGreaterThan(50));
  it.each(files.map((f) => [relative(root, f)]))('%s', (rel) => {
    const lines = readFileSync(join(root, rel), 'utf8')
      .split('\n')
      .filter((l) => !/^\s*(\/\/|\*)/.test(l));
    expect(lines.filter((l) => SINKS.test(l))).toEqual([]);
  });
});
