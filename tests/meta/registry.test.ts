// Conventions as tests: a broker is one declaration (utils/brokers/<id>/broker.ts)
// plus one registry line, and nothing else restates its id or its hosts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKERS, brokerForUrl } from '../../utils/brokers';
import { brokerHostPatterns } from '../../utils/brokers/hosts';
import { BROKER_IDS, DECLARATIONS } from '../../utils/brokers/registry';
import { UNDECLARED_FIRMS } from '../../utils/brokers/firms';
import { CSV_FORMATS } from '../../utils/import/read-csv';

const root = join(__dirname, '..', '..');

describe('broker registry', () => {
  it('is sorted by id and ids are unique, lower case', () => {
    const ids = DECLARATIONS.map((b) => b.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*$/);
  });

  it('has one folder per declared broker, each with its broker.ts, and no folder without a registry line', () => {
    const dir = join(root, 'utils', 'brokers');
    const folders = readdirSync(dir).filter(
      (f) => statSync(join(dir, f)).isDirectory() && !f.startsWith('.') && f !== 'shared' && f !== 'scaffold',
    );
    expect(folders.sort()).toEqual([...BROKER_IDS].sort());
    for (const id of BROKER_IDS) expect(statSync(join(dir, id, 'broker.ts')).isFile()).toBe(true);
  });

  it.each(BROKER_IDS.map((id) => [id]))(
    '%s: broker.ts imports nothing but the declaration helper (light for the popup)',
    (id) => {
      const src = readFileSync(join(root, 'utils', 'brokers', id, 'broker.ts'), 'utf8');
      const imports = [...src.matchAll(/^import[^;]*from '([^']+)'/gm)].map((m) => m[1]);
      expect(imports).toEqual(['../declaration']);
    },
  );

  it('serves every broker from the one content script, which declares no host itself', () => {
    const scripts = readdirSync(join(root, 'entrypoints')).filter((f) => f.endsWith('.content.ts'));
    expect(scripts).toEqual(['broker.content.ts']);
    const src = readFileSync(join(root, 'entrypoints', 'broker.content.ts'), 'utf8');
    expect(src).toContain(': brokerHostPatterns()');
    // the page bundle carries no declaration: its page side comes from the background (utils/brokers/page-spec.ts)
    expect(src).not.toMatch(/page-sides|registry|brokers\/index/);
    expect(src.split('\n').length).toBeLessThan(20);
  });

  it.each(DECLARATIONS.flatMap((d) => d.loginHosts.map((h) => [`https://${h}/`, d.id])))(
    'never claims a login host: %s (%s)',
    (url) => expect(brokerForUrl(url)).toBeUndefined(),
  );

  it.each(['http://member.rakuten-sec.co.jp/app/home.do', 'https://member.rakuten-sec.co.jp.evil.example/'])(
    'never claims a look-alike or plain-http URL: %s',
    (url) => expect(brokerForUrl(url)).toBeUndefined(),
  );

  it('declares no host twice, and no logged-in host is also a login host', () => {
    const hosts = DECLARATIONS.flatMap((d) => d.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    const login = new Set(DECLARATIONS.flatMap((d) => d.loginHosts));
    for (const h of hosts) expect(login.has(h)).toBe(false);
  });

  it('derives every host permission from a declaration, each https and exact', () => {
    expect(brokerHostPatterns()).toEqual(DECLARATIONS.flatMap((d) => d.hosts.map((h) => `https://${h}/*`)));
    for (const p of brokerHostPatterns()) expect(p).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
  });

  it('documents every host in docs/permissions.md', () => {
    const doc = readFileSync(join(root, 'docs', 'permissions.md'), 'utf8');
    for (const b of BROKERS)
      for (const h of b.hosts) {
        const numbered = /^site[0-3]\.sbisec\.co\.jp$/.test(h);
        expect(
          numbered
            ? doc.includes('site0.sbisec.co.jp') && doc.includes('site3.sbisec.co.jp')
            : doc.includes(`https://${h}/*`),
        ).toBe(true);
      }
  });

  it('lists a broker without an adapter (utils/brokers/firms.ts) only until it is declared', () => {
    const declared = new Set<string>(BROKER_IDS);
    const names = new Set(DECLARATIONS.flatMap((d) => [d.label.ja, ...(d.otherNames ?? [])]));
    for (const f of UNDECLARED_FIRMS) {
      expect(declared.has(f.key)).toBe(false);
      expect(names.has(f.ja)).toBe(false);
    }
    const keys = UNDECLARED_FIRMS.map((f) => f.key);
    expect(keys).toEqual([...keys].sort());
  });

  it('gives every CSV format at most one broker, and every declared format exists', () => {
    const formats = new Set(CSV_FORMATS.map((f) => f.id));
    const claimed = DECLARATIONS.flatMap((d) => d.csvFormats);
    expect(new Set(claimed).size).toBe(claimed.length);
    for (const id of claimed) expect(formats.has(id)).toBe(true);
  });
});

/** Product source files: what ships or runs for users (tests, fixtures and invented test data aside). */
function productFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name === 'fixtures' || name === 'node_modules') continue;
        walk(p);
      } else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(relative(root, p));
    }
  };
  for (const d of ['utils', 'entrypoints', 'components', 'cli']) walk(join(root, d));
  return [...out, 'wxt.config.ts'];
}

// Files of invented test data, named here so the exception is visible: they use a broker, they declare none.
const TEST_DATA = new Set(['utils/detect/testkit.ts', 'utils/evidence/fixture-store.ts']);

/** String literals of the code, comments aside (a comment may name a host it speaks about). */
function stringLiterals(src: string): string[] {
  const code = src
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .map((line) => line.replace(/\s\/\/\s.*$/, ''))
    .join('\n');
  // each quote kind on its own, so a string inside a template literal is seen too
  return [/'(?:[^'\\\n]|\\.)*'/g, /"(?:[^"\\\n]|\\.)*"/g, /`(?:[^`\\]|\\.)*`/g].flatMap((re) =>
    [...code.matchAll(re)].map((m) => m[0].slice(1, -1)),
  );
}

describe('a broker is declared once', () => {
  const files = productFiles().filter((f) => !TEST_DATA.has(f));
  const ownFolder = (file: string, id: string) => file.startsWith(`utils/brokers/${id}/`);

  it.each(DECLARATIONS.map((d) => [d.id, d] as const))(
    '%s: its id and hosts appear as strings only in its own folder',
    (id, d) => {
      const needles = [...d.hosts, ...d.loginHosts];
      const found: string[] = [];
      for (const f of files) {
        if (ownFolder(f, id)) continue;
        for (const s of stringLiterals(readFileSync(join(root, f), 'utf8'))) {
          if (s === id || needles.some((n) => s.includes(n))) found.push(`${f}: ${JSON.stringify(s.slice(0, 80))}`);
        }
      }
      expect(found).toEqual([]);
    },
  );
});
