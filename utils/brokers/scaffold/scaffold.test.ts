// The scaffold as a new engineer runs it: the folder it makes is a working
// broker (its declaration loads, its fixtures pass the fixture suite), and the
// registry line lands sorted.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { adapterOf } from '../shared/adapter';
import { fixtureSuite } from '../shared/testing';
import { checkOptions, scaffoldFiles, withoutFirm, withRegistryLine, type ScaffoldOptions } from './scaffold';

const OPTS: ScaffoldOptions = {
  id: 'exampleco',
  ja: '例示証券',
  en: 'Example Securities',
  hosts: ['member.example-sec.invalid'],
  loginHosts: ['www.example-sec.invalid'],
};

// a dot folder beside the real brokers, so the generated imports resolve as they will in the repository
const dir = join(fileURLToPath(new URL('..', import.meta.url)), `.scaffold-test-${process.pid}`);
for (const [path, text] of Object.entries(scaffoldFiles(OPTS))) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const declaration = (await import(/* @vite-ignore */ join(dir, 'broker.ts'))).default;
fixtureSuite(adapterOf(declaration), join(dir, 'fixtures'));

describe('npm run new-broker', () => {
  it('declares the broker it was asked for', () => {
    expect(declaration).toMatchObject({
      id: 'exampleco',
      label: { ja: '例示証券', en: 'Example Securities' },
      hosts: ['member.example-sec.invalid'],
      loginHosts: ['www.example-sec.invalid'],
      pageKinds: ['login-history'],
    });
  });

  it('writes the declaration, the adapter, its test and a fixture with an expected file for every page state', () => {
    expect(Object.keys(scaffoldFiles(OPTS)).sort()).toEqual([
      'broker.ts',
      'exampleco.test.ts',
      'fixtures/home.expected.json',
      'fixtures/home.html',
      'fixtures/login-history-empty.expected.json',
      'fixtures/login-history-empty.html',
      'fixtures/login-history-unreadable.expected.json',
      'fixtures/login-history-unreadable.html',
      'fixtures/login-history.expected.json',
      'fixtures/login-history.html',
      'fixtures/maintenance.expected.json',
      'fixtures/maintenance.html',
      'fixtures/session-expired.expected.json',
      'fixtures/session-expired.html',
      'index.ts',
    ]);
  });

  // fixed inputs in the shape of registry.ts and firms.ts (the live files change with every broker added)
  const REGISTRY = [
    '// THE registry',
    '',
    "import rakuten from './rakuten/broker';",
    "import sbi from './sbi/broker';",
    '',
    'export const DECLARATIONS = [rakuten, sbi] as const;',
    '',
  ].join('\n');
  const FIRMS = [
    'export const UNDECLARED_FIRMS: readonly Firm[] = [',
    "  { key: 'daiwa', ja: '大和証券', en: 'Daiwa Securities', domains: ['daiwa.co.jp'] },",
    '  {',
    "    key: 'kabucom',",
    "    ja: '三菱UFJ eスマート証券',",
    "    en: 'Mitsubishi UFJ eSmart Securities',",
    "    otherNames: ['auカブコム証券', 'カブドットコム証券'],",
    "    domains: ['kabu.co.jp', 'kabu.com'],",
    '  },',
    "  { key: 'matsui', ja: '松井証券', en: 'Matsui Securities', domains: ['matsui.co.jp'] },",
    '];',
    '',
  ].join('\n');

  it('adds the import and the registry entry, sorted by id', () => {
    const next = withRegistryLine(REGISTRY, 'matsui');
    expect(next).toContain(
      "import matsui from './matsui/broker';\nimport rakuten from './rakuten/broker';\nimport sbi from './sbi/broker';",
    );
    expect(next).toContain('export const DECLARATIONS = [matsui, rakuten, sbi] as const;');
    expect(withRegistryLine(next, 'monex')).toContain('[matsui, monex, rakuten, sbi]');
    expect(() => withRegistryLine(REGISTRY, 'sbi')).toThrow(/already/);
  });

  it('takes a broker of the wave off the list of brokers without an adapter', () => {
    const next = withoutFirm(FIRMS, 'kabucom');
    expect(next).not.toContain("key: 'kabucom'");
    expect(next).not.toContain('カブドットコム証券');
    expect(next).toContain("key: 'matsui'");
    expect(withoutFirm(next, 'matsui')).not.toContain("key: 'matsui'");
    expect(withoutFirm(FIRMS, 'exampleco')).toBe(FIRMS);
  });

  it.each([
    [{ ...OPTS, id: 'Matsui' }, /lower-case/],
    [{ ...OPTS, hosts: [] }, /logged-in host/],
    [{ ...OPTS, hosts: ['https://x.example/'] }, /not a host/],
    [{ ...OPTS, loginHosts: ['member.example-sec.invalid'] }, /both/],
  ])('refuses %o', (o, problem) => {
    expect(checkOptions(o).join('; ')).toMatch(problem);
  });
});
