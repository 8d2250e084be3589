// The verifier against forgeries (issue 11 defect 6) and ZIP bombs (defect 7).
// A forger here knows the format and recomputes every hash they can: what
// the verifier must still catch, and what only an outside record catches.

import { createHash } from 'node:crypto';
import { deflateSync, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHtml } from '../utils/dom/parse-html';
import { KabuGuardDB } from '../utils/store/db';
import { appendLog } from '../utils/store/capture-log';
import { writeEvidenceBundle } from '../utils/evidence/bundle';
import { buildCaseStore } from '../utils/evidence/fixture-store';
import { checkChain, verifyZip } from './verify-zip';

const environment = {
  extensionName: 'Kabu Guard',
  extensionVersion: '0.1.0',
  userAgent: 'vitest',
  timeZone: 'Asia/Tokyo',
};
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
type Files = Record<string, Uint8Array>;

let zip: Uint8Array;
let files: Files;
let zipSha: string;
let chainHead: string;

beforeAll(async () => {
  const db = new KabuGuardDB(`verify-${Math.random()}`);
  await buildCaseStore(db, parseHtml);
  const chunks: Uint8Array[] = [];
  const summary = await writeEvidenceBundle(db, { environment, exportedAt: '2025-04-10T13:00:00+09:00' }, (c) => {
    chunks.push(c);
  });
  zip = new Uint8Array(Buffer.concat(chunks));
  files = unzipSync(zip);
  zipSha = sha(zip);
  expect(summary.zipSha256).toBe(zipSha);
  chainHead = summary.chainHead!.hash;
  db.close();
});

const rezip = (f: Files) =>
  zipSync(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, [v, { level: 6 }]])) as Zippable);

/** What a forger who knows the format redoes after a change: SHA256SUMS, or manifest, datapackage and SHA256SUMS. */
function reseal(f: Files, what: 'sums' | 'all'): Files {
  const out = { ...f };
  if (what === 'all') {
    const manifest = JSON.parse(text(out['manifest.json']));
    manifest.files = manifest.files
      .filter((x: { path: string }) => out[x.path])
      .map((x: { path: string }) => ({ ...x, size: out[x.path]!.length, sha256: sha(out[x.path]!) }));
    const log = text(out['capture-log.jsonl']).trimEnd().split('\n');
    manifest.captureLog.entries = log.length;
    manifest.counts.captureLogEntries = log.length;
    manifest.captureLog.lastHash = JSON.parse(log.at(-1)!).hash;
    out['manifest.json'] = strToU8(JSON.stringify(manifest, null, 1) + '\n');
    const dp = JSON.parse(text(out['datapackage.json']));
    dp.resources = dp.resources
      .filter((r: { path: string }) => out[r.path])
      .map((r: { path: string }) => ({ ...r, bytes: out[r.path]!.length, hash: `sha256:${sha(out[r.path]!)}` }));
    out['datapackage.json'] = strToU8(JSON.stringify(dp, null, 1) + '\n');
  }
  out.SHA256SUMS = strToU8(
    Object.keys(out)
      .filter((n) => n !== 'SHA256SUMS')
      .map((n) => `${sha(out[n]!)}  ${n}\n`)
      .join(''),
  );
  return out;
}

function logLines(f: Files): string[] {
  return text(f['capture-log.jsonl']).trimEnd().split('\n');
}
const withLog = (f: Files, lines: string[]): Files => ({ ...f, 'capture-log.jsonl': strToU8(lines.join('\n') + '\n') });

describe('verify: an intact bundle', () => {
  it('is intact and self-consistent, names its ZIP SHA-256 and chain head, and says what that proves', async () => {
    const r = await verifyZip(zip);
    expect(r.problems.map((p) => p.en)).toEqual([]);
    expect(r).toMatchObject({ ok: true, altered: [], missing: [], extra: [], unreadable: [], manifestMismatch: [] });
    expect(r.zipSha256).toBe(zipSha);
    expect(r.chain).toMatchObject({ ok: true, entries: logLines(files).length, genesis: true });
    expect(r.chain.head?.hash).toBe(chainHead);
    expect(r.snapshots.checked).toBeGreaterThan(3);
    expect(r.recorded).toEqual([]);
  });

  it.each([
    ['the ZIP SHA-256', () => zipSha, 'zip'],
    ['the SHA256SUMS fingerprint', () => sha(files.SHA256SUMS!), 'fingerprint'],
    ['the chain head', () => chainHead, 'chain'],
  ])('matches %s recorded elsewhere', async (_n, value, kind) => {
    const r = await verifyZip(zip, { recorded: [value()] });
    expect(r.recorded).toEqual([expect.objectContaining({ value: value(), matches: kind })]);
    expect(r.ok).toBe(true);
  });
});

describe('verify: forgeries (issue 11 defect 6)', () => {
  it.each<[string, () => Files, RegExp]>([
    ['a ZIP holding only an empty SHA256SUMS', () => ({ SHA256SUMS: new Uint8Array(0) }), /missing|lists no file/],
    [
      'a ZIP holding only SHA256SUMS that lists itself',
      () => ({ SHA256SUMS: strToU8(`${'0'.repeat(64)}  x\n`) }),
      /missing/,
    ],
    [
      'a forged report with SHA256SUMS recomputed',
      () => reseal({ ...files, 'report.html': strToU8('<p>forged</p>') }, 'sums'),
      /manifest/,
    ],
    [
      'a reordered capture log with every hash file recomputed',
      () => {
        const l = logLines(files);
        [l[1], l[2]] = [l[2]!, l[1]!];
        return reseal(withLog(files, l), 'all');
      },
      /chain/,
    ],
    [
      'a capture log shortened in the middle, resealed',
      () => {
        const l = logLines(files);
        l.splice(2, 1);
        return reseal(withLog(files, l), 'all');
      },
      /chain/,
    ],
    [
      'a capture log shortened at the end, SHA256SUMS recomputed',
      () => reseal(withLog(files, logLines(files).slice(0, -2)), 'sums'),
      /manifest/,
    ],
    [
      'an edited log entry with its own hash recomputed but not the next',
      () => {
        const l = logLines(files);
        const e = JSON.parse(l[1]!);
        e.detail = { ...e.detail, url: 'https://example.invalid/' };
        e.hash = createHash('sha256')
          .update(JSON.stringify([e.v, e.seq, e.at, e.type, e.detail, e.prevHash]))
          .digest('hex');
        l[1] = JSON.stringify(e);
        return reseal(withLog(files, l), 'all');
      },
      /chain/,
    ],
    [
      'a swapped snapshot body, resealed (the log recorded the original hash)',
      () => {
        const body = Object.keys(files).find((n) => /^snapshots\/[0-9a-f]{64}\.html$/.test(n))!;
        return reseal({ ...files, [body]: strToU8('<html>forged</html>') }, 'all');
      },
      /snapshot/,
    ],
    [
      'a report.html removed, resealed',
      () => {
        const { ['report.html']: _gone, ...rest } = files;
        return reseal(rest, 'all');
      },
      /report\.html/,
    ],
  ])('catches %s', async (_n, forge, expected) => {
    const r = await verifyZip(rezip(forge()));
    expect(r.ok).toBe(false);
    const said = [
      ...r.problems.map((p) => p.en),
      ...r.missing.map((m) => `missing ${m}`),
      ...r.manifestMismatch.map((m) => `manifest disagrees on ${m}`),
      r.chain.problem?.en ?? '',
    ].join('\n');
    expect(said).toMatch(expected);
  });

  it.each<[string, (f: Files) => Uint8Array, string]>([
    ['a file under hidden/', (f) => rezip({ ...f, 'hidden/notes.txt': strToU8('x') }), 'hidden/notes.txt'],
    ['a directory entry that carries data', (f) => rezip({ ...f, 'hidden/': strToU8('secret') }), 'hidden/'],
  ])('reports %s as added', async (_n, build, name) => {
    const r = await verifyZip(build(files));
    expect(r.ok).toBe(false);
    expect(r.extra).toContain(name);
  });

  it('reports bytes hidden between entries or after the end of the ZIP', async () => {
    const tail = new Uint8Array(zip.length + 5);
    tail.set(zip);
    tail.set(strToU8('extra'), zip.length);
    expect((await verifyZip(tail)).problems.map((p) => p.en).join('\n')).toMatch(/after the end/);
    // a stored entry followed by bytes that no entry of the central directory covers
    const one = handZip([{ name: 'a.txt', data: strToU8('abc'), size: 3, stored: true }], 0);
    const cdAt = new DataView(one.buffer).getUint32(one.length - 6, true);
    const gap = new Uint8Array(Buffer.concat([one.subarray(0, cdAt), strToU8('hidden!'), one.subarray(cdAt)]));
    new DataView(gap.buffer).setUint32(gap.length - 6, cdAt + 7, true);
    expect((await verifyZip(gap)).problems.map((p) => p.en).join('\n')).toMatch(/7 bytes .*no entry/);
  });

  it('a forged report with everything resealed is self-consistent: only the recorded fingerprint catches it', async () => {
    const forged = rezip(reseal({ ...files, 'report.html': strToU8('<p>forged</p>') }, 'all'));
    const alone = await verifyZip(forged);
    expect(alone.ok).toBe(true);
    const checked = await verifyZip(forged, { recorded: [zipSha] });
    expect(checked.ok).toBe(false);
    expect(checked.recorded).toEqual([expect.objectContaining({ value: zipSha, matches: null })]);
    // the log was not touched: its chain head still matches a recorded head
    expect((await verifyZip(forged, { recorded: [chainHead] })).recorded[0]!.matches).toBe('chain');
  });
});

describe('verify: the capture-log chain, link by link', () => {
  it('accepts what appendLog writes, and names the first broken link', async () => {
    const db = new KabuGuardDB(`chain-${Math.random()}`);
    for (let i = 0; i < 5; i++) await appendLog(db, { type: 'capture', detail: { n: i, text: '楽天\u202e' } });
    const lines = (await db.captureLog.orderBy('seq').toArray()).map((e) => JSON.stringify(e));
    expect(await checkChain(lines)).toMatchObject({ ok: true, entries: 5, genesis: true });
    const bad = [...lines];
    bad[3] = bad[3]!.replace('"n":3', '"n":33');
    expect(await checkChain(bad)).toMatchObject({ ok: false, brokenAt: 4 });
    expect(await checkChain([lines[0]!, lines[2]!])).toMatchObject({ ok: false, brokenAt: 3 });
    expect(await checkChain([...lines.slice(2)])).toMatchObject({ ok: true, genesis: false });
    expect(await checkChain(['{not json'])).toMatchObject({ ok: false, brokenAt: 1 });
    db.close();
  });
});

describe('verify: ZIP bombs and hostile ZIPs (issue 11 defect 7)', () => {
  /** A ZIP whose one entry inflates to `size` zero bytes (deflate reaches about 1000:1). */
  const bomb = (size: number) =>
    handZip([{ name: 'b.bin', data: deflateSync(new Uint8Array(size), { level: 9 }), size }], 8);

  it.each([
    [
      'one entry declaring 4 GB',
      () => handZip([{ name: 'big.bin', data: new Uint8Array(10), size: 0xfffffff0 }], 8),
      /inflate to|limit/,
    ],
    ['a 10 MB-of-zeros entry at 1000:1', () => bomb(10 << 20), /ratio|limit/],
    [
      'many entries',
      () =>
        handZip(
          Array.from({ length: 60_000 }, (_, i) => ({ name: `${i}`, data: new Uint8Array(0), size: 0 })),
          0,
        ),
      /entries/,
    ],
  ])('refuses %s quickly, with a clear message', async (_n, build, message) => {
    const started = Date.now();
    const heap = process.memoryUsage().heapUsed;
    await expect(verifyZip(build())).rejects.toThrow(message);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(200 << 20);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('an entry that inflates past its declared size is damaged, not inflated on', async () => {
    const packed = deflateSync(new Uint8Array(5 << 20), { level: 9 });
    const r = await verifyZip(
      handZip(
        [
          { name: 'SHA256SUMS', data: strToU8(`${'0'.repeat(64)}  lie.bin\n`), size: 0, stored: true },
          { name: 'lie.bin', data: packed, size: 1000 },
        ],
        8,
      ),
    );
    expect(r.ok).toBe(false);
    expect(r.unreadable).toContain('lie.bin');
  });
});

interface HandEntry {
  name: string;
  data: Uint8Array;
  size: number;
  stored?: boolean;
}

/** A ZIP written by hand, so that declared sizes can lie. */
function handZip(entries: HandEntry[], method: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const m = e.stored ? 0 : method;
    const size = e.stored ? e.data.length : e.size;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(8, m, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(10, m, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    parts.push(local, e.data);
    central.push(cd);
    offset += local.length + e.data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, Math.min(entries.length, 0xfffe), true);
  ev.setUint16(10, Math.min(entries.length, 0xfffe), true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return new Uint8Array(Buffer.concat([...parts, ...central, eocd]));
}
