// The two evidence commands as a user runs them (spawned, real files).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_SCENARIO } from '../utils/evidence/fixture-store';

const root = resolve(__dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const run = (script: string, args: string[]) =>
  spawnSync(tsx, [join(root, 'cli', script), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('npm run bundle / npm run verify', () => {
  let dir: string;
  let zipPath: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'evidence-cli-'));
    writeFileSync(join(dir, 'case.json'), JSON.stringify(CASE_SCENARIO));
    zipPath = join(dir, 'case.zip');
    const r = run('bundle.ts', [
      '--out',
      zipPath,
      join(dir, 'case.json'),
      join(root, 'cli/fixtures/rakuten-saved-from-url.html'),
    ]);
    expect(r.stderr).toContain('read  ');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*case\.zip: \d+ files/);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says an untouched bundle is intact', () => {
    const r = run('verify.ts', [zipPath]);
    const n = Object.keys(unzipSync(new Uint8Array(readFileSync(zipPath)))).length - 1;
    expect(r.stdout).toContain(`all ${n} files intact`);
    expect(r.status).toBe(0);
  });

  it.each([
    [
      'one changed byte',
      (f: Record<string, Uint8Array>) => {
        const b = f['data/logins.csv']!.slice();
        b[7] = b[7]! ^ 1;
        f['data/logins.csv'] = b;
      },
      'ALTERED  data/logins.csv',
    ],
    [
      'a removed file',
      (f: Record<string, Uint8Array>) => {
        delete f['capture-log.jsonl'];
      },
      'MISSING  capture-log.jsonl',
    ],
    [
      'an added file',
      (f: Record<string, Uint8Array>) => {
        f['notes.txt'] = new Uint8Array([0x78]);
      },
      'ADDED  notes.txt',
    ],
  ])('exits 1 and names the file after %s', (_n, change, line) => {
    const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
    change(files);
    const bad = join(dir, 'bad.zip');
    writeFileSync(bad, zipSync(files as Zippable));
    const r = run('verify.ts', [bad]);
    expect(r.stdout.split('\n')).toContain(line);
    expect(r.stdout).toContain('NOT INTACT');
    expect(r.status).toBe(1);
  });

  it('refuses a file that is not a ZIP, and an unknown option', () => {
    writeFileSync(join(dir, 'x.zip'), 'not a zip');
    expect(run('verify.ts', [join(dir, 'x.zip')]).status).toBe(2);
    expect(run('bundle.ts', ['--nope']).status).toBe(2);
  }, 60_000);

  it('bundles the rest when an input is bad, and says what was left out (issue 11 defect 9)', () => {
    const truncated = join(dir, 'cut.mhtml');
    writeFileSync(
      truncated,
      [
        'Content-Type: multipart/related; boundary="b"',
        'Snapshot-Content-Location: https://member.rakuten-sec.co.jp/app/acc_login_history_lst.do',
        '',
        '--b',
        'Content-Type: text/html',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('<html><body><table><tr><th>ログイン日時</th></tr>').toString('base64').slice(0, -3),
      ].join('\r\n'),
    );
    const deep = join(dir, 'deep.html');
    writeFileSync(deep, `<html><body>${'<div>'.repeat(20_000)}x</body></html>`);
    const out = join(dir, 'partial.zip');
    const r = run('bundle.ts', [
      '--out',
      out,
      '--url',
      'https://member.rakuten-sec.co.jp/app/acc_login_history_lst.do',
      join(dir, 'case.json'),
      truncated,
      deep,
      join(dir, 'no-such-file.html'),
    ]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/NOT READ {2}.*deep\.html .*nested/);
    expect(r.stderr).toContain('no-such-file.html: cannot read: ENOENT');
    expect(r.stdout).toContain('left out (named in manifest.json inputsNotRead): 3 inputs');
    const manifest = JSON.parse(
      new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(out)))['manifest.json']),
    );
    // the cut MHTML is read as far as it goes: its table is cut off, so the page is unreadable
    expect(manifest.inputsNotRead.map((x: { name: string }) => x.name)).toEqual([
      join(dir, 'no-such-file.html'),
      truncated,
      deep,
    ]);
    expect(run('verify.ts', [out]).status).toBe(0);
  }, 120_000);

  it('refuses a ZIP holding only an empty SHA256SUMS (issue 11 defect 6)', () => {
    const bad = join(dir, 'empty-sums.zip');
    writeFileSync(bad, zipSync({ SHA256SUMS: new Uint8Array(0) }));
    const r = run('verify.ts', [bad]);
    expect(r.stdout.split('\n')).toContain('MISSING  manifest.json');
    expect(r.status).toBe(1);
  });

  it('prints the ZIP SHA-256 and the chain head, and checks a value recorded at export', () => {
    const zipSha = createHash('sha256').update(readFileSync(zipPath)).digest('hex');
    const plain = run('verify.ts', [zipPath]);
    expect(plain.stdout).toContain(`ZIP SHA-256: ${zipSha}`);
    expect(plain.stdout).toMatch(/capture-log chain head: entry \d+, [0-9a-f]{64}/);
    expect(plain.stdout).toContain('cannot show on its own');
    const ok = run('verify.ts', ['--recorded', zipSha, zipPath]);
    expect(ok.stdout).toContain(`RECORDED MATCHES  ${zipSha} is this ZIP's SHA-256`);
    expect(ok.status).toBe(0);
    const other = run('verify.ts', ['--recorded', 'f'.repeat(64), zipPath]);
    expect(other.stdout).toContain('RECORDED DIFFERS');
    expect(other.status).toBe(1);
  }, 60_000);
});
