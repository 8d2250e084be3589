import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHtml } from '../dom/parse-html';
import { verifyCaptureLog } from '../store/capture-log';
import { KabuGuardDB } from '../store/db';
import { writeEvidenceBundle, type BundleSummary } from './bundle';
import { parseCsv } from './csv';
import { buildCaseStore, XSS_CORPUS } from './fixture-store';
import { listZip } from '../../cli/read-zip';
import { verifyZip } from '../../cli/verify-zip';
import { allLogins, putLogins } from '../store/logins';

const environment = {
  extensionName: 'Kabu Guard',
  extensionVersion: '0.1.0',
  userAgent: 'vitest',
  timeZone: 'Asia/Tokyo',
};
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

async function bundle(db: KabuGuardDB, extra: Partial<Parameters<typeof writeEvidenceBundle>[1]> = {}) {
  const chunks: Uint8Array[] = [];
  const summary = await writeEvidenceBundle(
    db,
    { environment, exportedAt: '2025-04-10T13:00:00+09:00', ...extra },
    (c) => {
      chunks.push(c);
    },
  );
  const zip = new Uint8Array(Buffer.concat(chunks));
  return { zip, files: unzipSync(zip), summary };
}

describe('evidence bundle', () => {
  let db: KabuGuardDB;
  let zip: Uint8Array;
  let files: Record<string, Uint8Array>;
  let summary: BundleSummary;
  let logBefore: number;

  beforeAll(async () => {
    db = new KabuGuardDB(`evidence-${Math.random()}`);
    await buildCaseStore(db, parseHtml);
    logBefore = await db.captureLog.count();
    ({ zip, files, summary } = await bundle(db));
  });

  it('has every part of the layout', () => {
    const names = Object.keys(files);
    for (const f of [
      'report.html',
      'report.en.html',
      'verify.html',
      'capture-log.jsonl',
      'manifest.json',
      'datapackage.json',
      'SHA256SUMS',
    ])
      expect(names).toContain(f);
    for (const t of ['logins', 'orders', 'alerts', 'visits', 'account-events']) {
      expect(names).toContain(`data/${t}.csv`);
      expect(names).toContain(`data/${t}.json`);
    }
    expect(names.filter((n) => /^snapshots\/snap_.*\.meta\.json$/.test(n)).length).toBe(summary.counts.snapshots);
  });

  it('SHA256SUMS covers every other file, and each hash is right (recomputed with node:crypto)', () => {
    const lines = text(files.SHA256SUMS).trimEnd().split('\n');
    const listed = new Map(
      lines.map((l) => {
        const m = /^([0-9a-f]{64}) {2}(\S+)$/.exec(l)!;
        return [m[2]!, m[1]!];
      }),
    );
    expect([...listed.keys()].sort()).toEqual(
      Object.keys(files)
        .filter((n) => n !== 'SHA256SUMS')
        .sort(),
    );
    for (const [path, hash] of listed) expect(sha(files[path]!), path).toBe(hash);
  });

  it('manifest.json lists every content file with size and hash, and says where and when it was made', () => {
    const manifest = JSON.parse(text(files['manifest.json']));
    const listed = manifest.files.map((f: { path: string }) => f.path).sort();
    expect(listed).toEqual(
      Object.keys(files)
        .filter((n) => !['SHA256SUMS', 'manifest.json', 'datapackage.json'].includes(n))
        .sort(),
    );
    for (const f of manifest.files) {
      expect(files[f.path]!.length, f.path).toBe(f.size);
      expect(sha(files[f.path]!), f.path).toBe(f.sha256);
    }
    expect(manifest).toMatchObject({
      format: 'kabu-guard.evidence/1',
      exportedAt: '2025-04-10T13:00:00+09:00',
      exportedAtUtc: '2025-04-10T04:00:00.000Z',
      timeZone: 'Asia/Tokyo',
      userAgent: 'vitest',
      extension: { version: '0.1.0' },
    });
    const dp = JSON.parse(text(files['datapackage.json']));
    expect(dp.resources.map((r: { path: string }) => r.path).sort()).toEqual([...listed, 'manifest.json'].sort());
    for (const r of dp.resources) expect(r.hash).toBe(`sha256:${sha(files[r.path]!)}`);
  });

  it('keeps the export time out of every content file', () => {
    for (const [name, bytes] of Object.entries(files)) {
      if (name === 'manifest.json') continue;
      expect(text(bytes), name).not.toContain('2025-04-10T13:00');
    }
  });

  it('stores every snapshot byte for byte, with its description', async () => {
    const snapshots = await db.snapshots.toArray();
    expect(snapshots.length).toBeGreaterThan(3);
    for (const s of snapshots) {
      const meta = JSON.parse(text(files[`snapshots/${s.id}.meta.json`]));
      expect(meta).toMatchObject({
        id: s.id,
        url: s.url,
        capturedAt: s.capturedAt,
        how: s.how,
        charset: s.charset,
        sha256: s.sha256,
      });
      const body = (await db.snapshotBodies.get(s.sha256))!.bytes;
      expect(Buffer.from(files[meta.body]!)).toEqual(Buffer.from(body));
      expect(sha(files[meta.body]!)).toBe(s.sha256);
    }
  });

  it('writes CSV with BOM, CRLF and the formula guard, and JSON with a format version', () => {
    const csv = text(files['data/orders.csv']);
    expect([...files['data/orders.csv']!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.split('\r\n').length).toBeGreaterThan(5);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const logins = parseCsv(text(files['data/logins.csv']));
    expect(logins.map((r) => r[logins[0]!.indexOf('device')])).toContain(`'${XSS_CORPUS[11]}`);
    const flagCol = logins[0]!.indexOf('flag');
    // the page and the scenario both show the 02:41 login: an answer about that time covers both rows
    expect([
      ...new Set(logins.filter((r) => r[flagCol] === 'not-mine').map((r) => r[logins[0]!.indexOf('at_jst')])),
    ]).toEqual(['2025-03-29T02:41:00+09:00', '2025-03-31T10:38:00+09:00']);
    const json = JSON.parse(text(files['data/logins.json']));
    expect(json.format).toBe('kabu-guard.evidence.logins/1');
    expect(json.records.length).toBe(json.count);
    expect(json.records.length).toBe(logins.length - 1);
  });

  it("carries the alerts detection raised on the way in, with the holder's answers", () => {
    const alerts = JSON.parse(text(files['data/alerts.json']));
    expect(alerts.format).toBe('kabu-guard.evidence.alerts/1');
    expect(
      alerts.records.some(
        (a: { status: string; severity: string }) => a.status === 'not-mine' && a.severity === 'high',
      ),
    ).toBe(true);
    const csv = parseCsv(text(files['data/alerts.csv']));
    expect(
      csv
        .slice(1)
        .every((r) => r[csv[0]!.indexOf('title')]!.length > 0 && !/^det[A-Z]/.test(r[csv[0]!.indexOf('title')]!)),
    ).toBe(true);
  });

  it('the capture log is taken before the export, which is logged after with the fingerprint', async () => {
    const lines = text(files['capture-log.jsonl']).trimEnd().split('\n');
    expect(lines.length).toBe(logBefore);
    const log = await db.captureLog.orderBy('seq').toArray();
    expect(log.length).toBe(logBefore + 1);
    expect(log.at(-1)!.type).toBe('export');
    expect(log.at(-1)!.detail.fingerprint).toBe(sha(files.SHA256SUMS!));
    expect(summary.fingerprint).toBe(sha(files.SHA256SUMS!));
    expect(await verifyCaptureLog(log)).toEqual({ ok: true });
    expect(await verifyCaptureLog(lines.map((l) => JSON.parse(l)))).toEqual({ ok: true });
  });

  it('the report states the damage items and the hand-over steps', () => {
    const ja = text(files['report.html']);
    for (const s of [
      '無断で売却された保有株',
      '2,695',
      'NISA',
      '#9110',
      'アクセス記録',
      'sha256sum -c SHA256SUMS',
      '2025/03/29 02:41:00',
      '2025-03-28 17:41:00Z',
      '香港ドル',
      '要点',
    ])
      expect(ja).toContain(s);
    const en = text(files['report.en.html']);
    expect(en).toContain('Holdings sold without consent');
    expect(en).toContain('lang="en"');
  });

  it('carries the case and the damage statement as data, the same the report shows', () => {
    const c = JSON.parse(text(files['data/case.json']));
    expect(c.format).toBe('kabu-guard.evidence.case/1');
    expect(c.basis).toBe('attribution');
    expect(c.counts).toEqual({
      logins: { notMine: 3, suspect: 1 },
      orders: { notMine: 5, suspect: 0 },
      // the e-mail change at 02:45 lies in the sessions of the 02:41 logins answered "not me" (fixture-store.ts)
      accountChanges: { notMine: 1, suspect: 0 },
    });
    for (const o of c.orders) expect(o.sources.length, o.at).toBeGreaterThan(0);
    expect(c.logins[0].sources[0]).toMatchObject({
      pageKind: expect.any(String),
      capturedAt: expect.stringMatching(/\+09:00$/),
    });
    const d = JSON.parse(text(files['data/damage.json']));
    expect(d.format).toBe('kabu-guard.evidence.damage/1');
    // 539,000 + 152,000 + 331,000
    expect(d.items['3-sold-without-consent'].total).toEqual({
      byCurrency: { JPY: 1_022_000 },
      jpy: 1_022_000,
      unconverted: 0,
    });
    // 84,000 + 27,000 HKD, no rate on the page: left for the holder
    expect(d.items['1-held-attacker-buys'].total).toEqual({ byCurrency: { HKD: 111_000 }, jpy: 0, unconverted: 2 });
    expect(d.rates).toEqual([{ currency: 'HKD', source: 'missing', tradeIds: expect.any(Array) }]);
  });

  it('sha256sum -c accepts the unpacked bundle, and a changed byte fails it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evidence-'));
    try {
      for (const [name, bytes] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), bytes);
      }
      const out = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
      expect(
        out
          .trim()
          .split('\n')
          .every((l) => l.endsWith(': OK')),
      ).toBe(true);
      const victim = files['data/orders.csv']!.slice();
      victim[10] = victim[10]! ^ 1;
      writeFileSync(join(dir, 'data/orders.csv'), victim);
      let failed = '';
      try {
        execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
      } catch (err) {
        failed = String((err as { stdout?: string }).stdout);
      }
      expect(failed.trim()).toBe('data/orders.csv: FAILED');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('verification', () => {
    const rezip = (f: Record<string, Uint8Array>) =>
      zipSync(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, [v, { level: 0 }]])) as Zippable);

    it('passes an intact bundle', async () => {
      const r = await verifyZip(zip);
      expect(r).toMatchObject({ ok: true, altered: [], missing: [], extra: [], unreadable: [] });
      expect(r.intact.length).toBe(Object.keys(files).length - 1);
    });

    it.each([
      [
        'a changed byte',
        (f: Record<string, Uint8Array>) => {
          const b = f['report.html']!.slice();
          b[200] = b[200]! ^ 1;
          f['report.html'] = b;
        },
        { altered: ['report.html'] },
      ],
      [
        'a removed file',
        (f: Record<string, Uint8Array>) => {
          delete f['data/logins.csv'];
        },
        { missing: ['data/logins.csv'] },
      ],
      [
        'an added file',
        (f: Record<string, Uint8Array>) => {
          f['data/extra.csv'] = strToU8('x');
        },
        { extra: ['data/extra.csv'] },
      ],
      [
        'an edited manifest',
        (f: Record<string, Uint8Array>) => {
          f['manifest.json'] = strToU8(text(f['manifest.json']).replace('vitest', 'other'));
        },
        { altered: ['manifest.json'] },
      ],
    ])('names %s', async (_n, change, expected) => {
      const copy = { ...files };
      change(copy);
      const r = await verifyZip(rezip(copy));
      expect(r.ok).toBe(false);
      expect(r).toMatchObject(expected);
    });

    it('names a file whose compressed bytes were damaged inside the ZIP', async () => {
      const damaged = zip.slice();
      const e = listZip(zip).find((x) => x.name === 'data/logins.csv')!;
      const at = e.localOffset + 30 + e.name.length + 20;
      damaged[at] = damaged[at]! ^ 0xff;
      const r = await verifyZip(damaged);
      expect(r.ok).toBe(false);
      expect([...r.altered, ...r.unreadable]).toEqual(['data/logins.csv']);
    });
  });

  it('masks account numbers and names, and then withholds snapshot bodies', async () => {
    const db2 = new KabuGuardDB(`evidence-mask-${Math.random()}`);
    await buildCaseStore(db2, parseHtml);
    await putLogins(
      db2,
      (await allLogins(db2)).map((l) => ({ ...l, raw: { ...l.raw, 口座番号: '123-4567890', 氏名: '山田 太郎' } })),
    );
    const { files: masked } = await bundle(db2, {
      mask: { accountNumbers: true, names: true, extraNames: ['山田 太郎'] },
    });
    for (const [name, bytes] of Object.entries(masked)) {
      expect(text(bytes), name).not.toContain('4567890');
      expect(text(bytes), name).not.toContain('山田');
    }
    expect(Object.keys(masked).filter((n) => n.startsWith('snapshots/') && !n.endsWith('.json'))).toEqual([]);
    expect(text(masked['report.html'])).toContain('伏せ字');
    expect((await verifyZip((await bundle(db2, { mask: { accountNumbers: true, names: false } })).zip)).ok).toBe(true);
  });

  it.each([
    ['a date range', { from: '2025-03-29T00:00:00+09:00', to: '2025-03-30T00:00:00+09:00' }, 2, 0],
    ['another broker', { broker: 'sbi' as const }, 0, 0],
    ['one broker', { broker: 'rakuten' as const }, 8, 8],
  ])('limits the records to %s', async (_n, scope, logins, orders) => {
    const { files: f } = await bundle(db, { scope });
    const m = JSON.parse(text(f['manifest.json']));
    expect(m.counts.logins).toBe(logins);
    expect(m.counts.orders).toBe(orders);
    expect(m.scope).toMatchObject(scope);
  });

  afterAll(async () => {
    db.close();
  });
});
