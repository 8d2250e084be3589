// The store packages, checked as they will be uploaded (`npm run store:check`,
// run by .ci/run after `npm test`):
//   1. the Chrome ZIP: the Chrome Web Store checks (tests/support/manifest-checks.ts);
//   2. the Firefox ZIP: `web-ext lint` (no errors; only the warnings listed below,
//      each explained in docs/store/amo-reviewer-notes.md) and the AMO checks;
//   3. the Firefox sources ZIP builds reproducibly: unpacked in a temporary
//      folder, installed and built twice as docs/store/amo-reviewer-notes.md tells
//      a reviewer, and both builds equal the Firefox ZIP file for file.
// `wxt zip` and `wxt zip -b firefox` must have run first (the npm script does).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { knownLintWarning } from '../tests/support/lint-warnings';
import { chromeStoreProblems, firefoxStoreProblems } from '../tests/support/manifest-checks';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const ZIPS = {
  chrome: join(root, '.output', `${pkg.name}-${pkg.version}-chrome.zip`),
  firefox: join(root, '.output', `${pkg.name}-${pkg.version}-firefox.zip`),
  sources: join(root, '.output', `${pkg.name}-${pkg.version}-sources.zip`),
};
const doc = readFileSync(join(root, 'docs', 'permissions.md'), 'utf8');
/** Each check and what it found (nothing: passed). */
const results: Array<{ check: string; problems: string[] }> = [];
const record = (check: string, problems: string[]) => results.push({ check, problems });
const t0 = Date.now();
const step = (what: string) => console.log(`== ${what} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

function unzipTo(zip: string, dir: string): void {
  for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(zip))))) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
}

function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

function compare(what: string, a: Map<string, string>, b: Map<string, string>): void {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  const differ = names.filter((n) => a.get(n) !== b.get(n));
  record(what, differ.length ? [`${differ.length} files differ: ${differ.slice(0, 10).join(', ')}`] : []);
  if (!differ.length) console.log(`   ${what}: ${names.length} files, identical`);
}

const work = mkdtempSync(join(tmpdir(), 'kg-store-check-'));
try {
  step('Chrome package: Chrome Web Store checks');
  const chromeDir = join(work, 'chrome');
  unzipTo(ZIPS.chrome, chromeDir);
  record('Chrome Web Store checks', chromeStoreProblems(chromeDir, doc));

  step('Firefox package: AMO checks and web-ext lint');
  const firefoxDir = join(work, 'firefox');
  unzipTo(ZIPS.firefox, firefoxDir);
  record('AMO checks', firefoxStoreProblems(firefoxDir, doc));
  let lintOut = '';
  try {
    lintOut = execFileSync(
      'npx',
      ['web-ext', 'lint', '--source-dir', firefoxDir, '--output', 'json', '--no-config-discovery'],
      {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 64 * 2 ** 20,
      },
    );
  } catch (err) {
    // web-ext exits non-zero when the linter found errors; its JSON is still on stdout
    lintOut = String((err as { stdout?: string }).stdout ?? '');
  }
  const lint = JSON.parse(lintOut.slice(lintOut.indexOf('{'))) as {
    summary: { errors: number; warnings: number; notices: number };
    errors: Array<{ code: string; file?: string; message: string }>;
    warnings: Array<{ code: string; file?: string; line?: number; column?: number; message: string }>;
  };
  console.log(`   web-ext lint: ${JSON.stringify(lint.summary)}`);
  const lintProblems = lint.errors.map((e) => `error ${e.code} ${e.file ?? ''}: ${e.message}`);
  for (const w of lint.warnings) {
    const shipped = w.file ? readFileSync(join(firefoxDir, w.file), 'utf8') : '';
    const known = knownLintWarning(w, shipped);
    if (known) console.log(`   known warning ${w.code} ${w.file}: ${known.why}`);
    else lintProblems.push(`warning ${w.code} ${w.file ?? ''}: ${w.message}`);
  }
  record('web-ext lint', lintProblems);

  step('Firefox sources: unpack, npm ci, build twice as the reviewer notes say');
  const src = join(work, 'sources');
  unzipTo(ZIPS.sources, src);
  const env = { ...process.env, CI: 'true' };
  // from npm's cache where it can (the same lockfile as the repository's own install)
  execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: src, stdio: 'inherit', env });
  const builds: Array<Map<string, string>> = [];
  for (let i = 1; i <= 2; i++) {
    rmSync(join(src, '.output'), { recursive: true, force: true });
    execFileSync('npm', ['run', 'build:firefox'], { cwd: src, stdio: 'inherit', env });
    builds.push(hashes(join(src, '.output', 'firefox-mv3')));
    step(`sources build ${i} done`);
  }
  compare('sources build 1 vs build 2', builds[0]!, builds[1]!);
  compare('sources build vs the Firefox package', builds[0]!, hashes(firefoxDir));
} finally {
  rmSync(work, { recursive: true, force: true });
}

step('done');
const failed = results.filter((r) => r.problems.length);
for (const r of failed) for (const p of r.problems) console.error(`FAIL ${r.check}: ${p}`);
// the plain closing line CI reads
console.log(`store:check: ${results.length - failed.length} passed, ${failed.length} failed`);
if (failed.length) process.exit(1);
