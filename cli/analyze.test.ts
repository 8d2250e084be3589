// The CLI as a user runs it: a real process, files on disk, one JSON object out.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzeResult } from '../utils/analyze';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SPAWN_MS = 60_000;

function analyze(...args: string[]) {
  const p = spawnSync('npx', ['tsx', 'cli/analyze.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: SPAWN_MS });
  return { code: p.status, stdout: p.stdout, stderr: p.stderr };
}
const expectedLogins = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')).logins;

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kg-analyze-'));
  writeFileSync(join(tmp, 'tradehistory(JP)_20250401.csv'), new Uint8Array([0x96, 0xf1, 0x92, 0xe8, 0x93, 0xfa, 0x0a])); // 約定日 in Shift_JIS
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run analyze', () => {
  let results: Map<string, AnalyzeResult>;
  let run: ReturnType<typeof analyze>;
  const files = {
    chromeMhtml: 'cli/fixtures/sbi-login-history.mhtml',
    mht: 'cli/fixtures/sbi-etgate-login-history.mht',
    savedFrom: 'cli/fixtures/rakuten-saved-from-url.html',
    noUrl: 'utils/brokers/rakuten/fixtures/login-history.html',
    sessionError: 'utils/brokers/rakuten/fixtures/session-error.html',
    maintenance: 'utils/brokers/sbi/fixtures/maintenance.html',
    home: 'utils/brokers/rakuten/fixtures/home.html',
    unreadable: 'utils/brokers/sbi/fixtures/login-history-unreadable.html',
    empty: 'utils/brokers/sbi/fixtures/login-history-empty.html',
    banner: 'utils/brokers/rakuten/fixtures/home-banner.html',
    holdings: 'utils/brokers/sbi/fixtures/holdings-legacy.html',
    accountChanges: 'utils/brokers/rakuten/fixtures/account-changes-list.html',
  };

  beforeAll(() => {
    run = analyze(...Object.values(files), join(tmp, 'tradehistory(JP)_20250401.csv'), join(tmp, 'missing.html'));
    results = new Map((JSON.parse(run.stdout) as { results: AnalyzeResult[] }).results.map((r) => [r.file, r]));
  }, SPAWN_MS);

  it('prints one JSON object with one result per file, in order, and exits 1 for the unreadable file', () => {
    expect(run.code).toBe(1);
    expect(Object.keys(JSON.parse(run.stdout))).toEqual(['results']);
    expect([...results.keys()]).toEqual([
      ...Object.values(files),
      join(tmp, 'tradehistory(JP)_20250401.csv'),
      join(tmp, 'missing.html'),
    ]);
    for (const r of results.values()) {
      expect(Object.keys(r)).toEqual([
        'file',
        'broker',
        'url',
        'pageKind',
        'status',
        'logins',
        'orders',
        'holdings',
        'accountEvents',
        'warnings',
      ]);
      expect(['ok', 'empty', 'not-logged-in', 'unreadable', 'unsupported']).toContain(r.status);
    }
  });

  it('reads Chrome MHTML (quoted-printable) and takes the URL from Snapshot-Content-Location', () => {
    expect(results.get(files.chromeMhtml)).toMatchObject({
      broker: 'sbi',
      url: 'https://site.sbisec.co.jp/account/security/login-history?period=3m',
      pageKind: 'login-history',
      status: 'ok',
      logins: expectedLogins('utils/brokers/sbi/fixtures/login-history-new.expected.json'),
      warnings: [],
    });
  });

  it('reads a CRLF base64 MHT whose HTML part is Shift_JIS, URL from Content-Location', () => {
    const r = results.get(files.mht)!;
    expect(r).toMatchObject({ broker: 'sbi', pageKind: 'login-history', status: 'ok', warnings: [] });
    expect(r.url).toMatch(/^https:\/\/site2\.sbisec\.co\.jp\/ETGate\/\?_ControlID=WPLETsmR001Control/);
    expect(r.logins).toEqual(expectedLogins('utils/brokers/sbi/fixtures/login-history.expected.json'));
  });

  it('takes the URL from the "saved from url" mark, without its session id (EUC-JP bytes)', () => {
    expect(results.get(files.savedFrom)).toMatchObject({
      broker: 'rakuten',
      url: 'https://member.rakuten-sec.co.jp/app/acc_login_history_lst.do?eventType=init',
      status: 'ok',
      logins: expectedLogins('utils/brokers/rakuten/fixtures/login-history-eucjp.expected.json'),
    });
  });

  it('tells the broker by content when the page was saved without a URL', () => {
    expect(results.get(files.noUrl)).toMatchObject({
      broker: 'rakuten',
      url: null,
      pageKind: 'login-history',
      status: 'ok',
      logins: expectedLogins('utils/brokers/rakuten/fixtures/login-history.expected.json'),
      warnings: ['no URL given or found in the file', 'broker identified by page content: rakuten'],
    });
  });

  it.each([
    ['sessionError', { broker: 'rakuten', pageKind: null, status: 'not-logged-in' }],
    ['maintenance', { broker: 'sbi', pageKind: null, status: 'unsupported' }],
    ['home', { broker: 'rakuten', pageKind: 'other', status: 'unsupported', logins: [] }],
    ['unreadable', { broker: 'sbi', pageKind: 'login-history', status: 'unreadable', logins: [] }],
    ['empty', { broker: 'sbi', pageKind: 'login-history', status: 'empty', logins: [] }],
  ] as const)('reports %s as %o', (key, fields) => {
    expect(results.get(files[key])).toMatchObject(fields);
  });

  it('prints the previous-login banner as a login marked as coming from the banner', () => {
    expect(results.get(files.banner)).toMatchObject({
      broker: 'rakuten',
      pageKind: 'other',
      logins: [
        {
          at: '2026-03-26T20:01:00+09:00',
          result: 'success',
          source: 'banner',
          raw: { banner: '前回ログイン日時:2026年 3月26日 20:01' },
        },
      ],
    });
  });

  it('prints holdings and account changes', () => {
    const read = (path: string, key: 'holdings' | 'accountEvents') =>
      JSON.parse(readFileSync(join(ROOT, path), 'utf8'))[key];
    expect(results.get(files.holdings)!.holdings).toEqual(
      read('utils/brokers/sbi/fixtures/holdings-legacy.expected.json', 'holdings'),
    );
    expect(results.get(files.holdings)!.holdings).toHaveLength(4);
    expect(results.get(files.accountChanges)!.accountEvents).toEqual(
      read('utils/brokers/rakuten/fixtures/account-changes-list.expected.json', 'accountEvents'),
    );
  });

  it('says a maintenance page is one, and why an unreadable page is', () => {
    expect(results.get(files.maintenance)!.warnings).toContain('maintenance page');
    expect(results.get(files.unreadable)!.warnings.some((w) => w.startsWith('row 1 not read (no login time'))).toBe(
      true,
    );
  });

  it('hands CSV files to the CSV branch and reports files it cannot open', () => {
    expect(results.get(join(tmp, 'tradehistory(JP)_20250401.csv'))).toMatchObject({
      broker: null,
      status: 'unsupported',
      warnings: [expect.stringMatching(/is not a CSV format this extension reads/)],
    });
    expect(results.get(join(tmp, 'missing.html'))).toMatchObject({
      broker: null,
      status: 'unsupported',
      warnings: ['cannot read file: ENOENT'],
    });
  });
});

describe('npm run analyze --url', () => {
  it(
    'uses the given URL for every file, over anything in the file',
    () => {
      const url = 'https://site3.sbisec.co.jp/ETGate/?_ControlID=WPLETsmR001Control&_ActionID=loginHistory&getFlg=on';
      const run = analyze(
        '--url',
        url,
        'cli/fixtures/sbi-login-history.mhtml',
        'utils/brokers/sbi/fixtures/login-history-rowspan.html',
      );
      expect(run.code).toBe(0);
      const { results } = JSON.parse(run.stdout) as { results: AnalyzeResult[] };
      expect(results.map((r) => [r.broker, r.url, r.status, r.logins.length])).toEqual([
        ['sbi', url, 'ok', 4],
        ['sbi', url, 'ok', 5],
      ]);
    },
    SPAWN_MS,
  );

  it(
    'reads a page by the layout its broker declares for that address (SBI backup-site holdings)',
    () => {
      const run = analyze(
        '--url',
        'https://k.sbisec.co.jp/bsite/member/acc/holdStockList.do',
        'utils/brokers/sbi/fixtures/holdings-bsite.html',
      );
      const [r] = (JSON.parse(run.stdout) as { results: AnalyzeResult[] }).results;
      expect(r!.holdings).toEqual(
        JSON.parse(readFileSync(join(ROOT, 'utils/brokers/sbi/fixtures/holdings-bsite.expected.json'), 'utf8'))
          .holdings,
      );
    },
    SPAWN_MS,
  );

  it.each([[[]], [['--url']]])(
    'rejects %j with usage on stderr and exit 2',
    (args) => {
      const run = analyze(...args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/usage: npm run -s analyze -- \[--url URL\] FILE\.\.\./);
    },
    SPAWN_MS,
  );
});
