// Every string is in both catalogues, and every key the code uses exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const load = (loc: string) =>
  JSON.parse(readFileSync(join(root, 'public', '_locales', loc, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string; placeholders?: Record<string, unknown> }
  >;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

describe('i18n catalogues', () => {
  const ja = load('ja');
  const en = load('en');

  it('ja and en have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });

  it('no message is empty and placeholders match', () => {
    for (const [k, v] of Object.entries(ja)) {
      expect(v.message.trim(), k).not.toBe('');
      expect(en[k]!.message.trim(), k).not.toBe('');
      expect(Object.keys(en[k]!.placeholders ?? {}).sort(), k).toEqual(Object.keys(v.placeholders ?? {}).sort());
    }
  });

  it('every literal key passed to t() exists', () => {
    const used = new Set<string>();
    for (const f of [...sources(join(root, 'entrypoints')), ...sources(join(root, 'components'))]) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(5);
    for (const k of used) expect(ja, k).toHaveProperty(k);
  });

  // keys picked from maps (`t(STATUS_KEYS[s])`) are not literal t() calls: every
  // quoted name with a catalogue prefix in the UI code must exist as well
  it('every key-like string in the UI code exists', () => {
    const prefixes = [
      ...new Set(
        Object.keys(ja)
          .map((k) => /^[a-z]+(?=[A-Z])/.exec(k)?.[0])
          .filter((p): p is string => !!p && p.length >= 2),
      ),
    ];
    const keyLike = new RegExp(`'((?:${prefixes.join('|')})[A-Z][A-Za-z0-9]*)'`, 'g');
    const missing: string[] = [];
    for (const f of [...sources(join(root, 'entrypoints')), ...sources(join(root, 'components'))]) {
      for (const m of readFileSync(f, 'utf8').matchAll(keyLike))
        if (!(m[1]! in ja)) missing.push(`${f.slice(root.length + 1)}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
