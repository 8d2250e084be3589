// Seeded fuzzing of every reader of hostile input (issue 11: "make the classes
// permanent"): the page readers (every adapter's readPage on mutated fixtures),
// the CSV readers, MHTML, the ZIP reader and verify. A run fails on an uncaught
// exception, on one input taking more than MAX_MS (a hang ends in the test's
// timeout) and on the heap growing past MAX_HEAP_GROWTH.
//
// `npm test` runs a fixed seed, a few thousand inputs; `npm run fuzz` runs
// FUZZ_SCALE times as many with a fresh seed, printed so a failure can be
// replayed: FUZZ_SEED=<seed> FUZZ_SCALE=<n> npm run fuzz. Mutations are made by
// fast-check (MIT) from the real fixtures, so inputs stay close to pages the
// readers meet, with the hostile parts the audit used.

import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeSavedFile } from '../../utils/analyze';
import { ANALYZE_STATUSES } from '../../utils/analyze/result';
import { readMhtml } from '../../utils/analyze/mhtml';
import { BROKERS } from '../../utils/brokers';
import { decodeBytes } from '../../utils/capture/decode';
import { parseHtml } from '../../utils/dom/parse-html';
import { writeEvidenceBundle } from '../../utils/evidence/bundle';
import { buildCaseStore } from '../../utils/evidence/fixture-store';
import { verifyZip } from '../../cli/verify-zip';
import { readCsvFile } from '../../utils/import/read-csv';
import { KabuGuardDB } from '../../utils/store/db';

const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1));
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : SCALE > 1 ? Date.now() % 2 ** 31 : 20260711;
const MAX_MS = 5_000 * (process.env.CI ? 2 : 1);
const MAX_HEAP_GROWTH = 1_500 * 1024 * 1024;
const root = join(__dirname, '..', '..');
const runs = (n: number) => n * SCALE;
/** Inputs generated, per reader; `calls` counts every reader call on them (a page goes to every adapter). */
const counted: Record<string, number> = {};
let calls = 0;
const input = (what: string) => (counted[what] = (counted[what] ?? 0) + 1);
let slowest = { ms: 0, what: '' };

/** Runs `f` on one input, timing it: a slow input fails the run as a hang would. */
function timed<T>(what: string, f: () => T): T {
  const t0 = performance.now();
  const out = f();
  const ms = performance.now() - t0;
  if (ms > slowest.ms) slowest = { ms, what };
  expect(ms, `${what} took ${ms.toFixed(0)} ms`).toBeLessThan(MAX_MS);
  calls++;
  return out;
}

// ---- mutations ------------------------------------------------------------

/** What the audit threw at the readers: markup breakers, controls, huge spans, odd dates and numbers. */
const HOSTILE = [
  '<!--',
  '-->',
  '<',
  '</table>',
  '<table>',
  '<tr>',
  '<td rowspan="99999">',
  '<td colspan="0">',
  '<th>',
  '</tr></table><table><tr><th>日時</th>',
  '<![CDATA[',
  '<script>',
  '&#0;',
  '&#xD800;',
  '\u0000',
  '\u202e',
  '\u2066',
  '\ufeff',
  '２０２５／０３／２９',
  '2025/13/45 25:61',
  '9999/99/99',
  '-1,234,567',
  '１２３，４５６',
  '１.２.３',
  'NaN',
  'Infinity',
  '"',
  ',',
  '\r\n',
  '\n',
  '="cmd"',
  '𠮷',
  '\ud800',
];

type Mutation =
  | { op: 'delete'; at: number; len: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicate'; at: number; len: number }
  | { op: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.nat({ max: 400 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(...HOSTILE),
      fc.string({ maxLength: 20, unit: 'binary' }),
      fc.array(fc.constantFrom(...HOSTILE), { maxLength: 6 }).map((a) => a.join('')),
    ),
  }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), len: fc.nat({ max: 2_000 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutateText(text: string, ms: Mutation[]): string {
  let s = text;
  for (const m of ms) {
    const at = s.length ? m.at % (s.length + 1) : 0;
    if (m.op === 'delete') s = s.slice(0, at) + s.slice(at + m.len);
    else if (m.op === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.op === 'duplicate') s = s.slice(0, at + m.len) + s.slice(at, at + m.len) + s.slice(at + m.len);
    else if (m.at % 4 === 0) s = s.slice(0, at); // truncation: one time in four
  }
  return s;
}

type ByteMutation = { at: number; op: 'xor' | 'delete' | 'insert' | 'truncate'; value: number; len: number };
const byteMutation: fc.Arbitrary<ByteMutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('xor', 'xor', 'xor', 'delete', 'insert', 'truncate'),
  value: fc.integer({ min: 1, max: 255 }),
  len: fc.integer({ min: 1, max: 64 }),
});

function mutateBytes(bytes: Uint8Array, ms: ByteMutation[]): Uint8Array {
  let b = bytes;
  for (const m of ms) {
    const at = b.length ? m.at % b.length : 0;
    if (m.op === 'xor') {
      b = b.slice();
      if (b.length) b[at] = b[at]! ^ m.value;
    } else if (m.op === 'delete') b = new Uint8Array([...b.subarray(0, at), ...b.subarray(at + m.len)]);
    else if (m.op === 'insert')
      b = new Uint8Array([...b.subarray(0, at), ...new Uint8Array(m.len).fill(m.value), ...b.subarray(at)]);
    else if (m.value % 8 === 0) b = b.subarray(0, at);
  }
  return b;
}

// ---- corpora ----------------------------------------------------------------

interface PageFixture {
  broker: string;
  file: string;
  html: string;
  url: string;
}

function pageFixtures(): PageFixture[] {
  const out: PageFixture[] = [];
  for (const adapter of BROKERS) {
    const dir = join(root, 'utils', 'brokers', adapter.id, 'fixtures');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.expected.json'))) {
      const expected = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { url?: string };
      const page = join(dir, f.replace('.expected.json', '.html'));
      // the fixtures are stored in the broker's charset; the readers see the decoded text
      const { text } = decodeBytes(new Uint8Array(readFileSync(page)));
      out.push({ broker: adapter.id, file: f, html: text, url: expected.url ?? `https://${adapter.hosts[0]}/` });
    }
  }
  return out;
}

const csvFixtures = () => {
  const dir = join(root, 'utils', 'import', 'fixtures');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.csv'))
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
};

const mhtmlFixtures = () => {
  const dir = join(root, 'cli', 'fixtures');
  return readdirSync(dir)
    .filter((n) => /\.mht(ml)?$/.test(n))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'latin1') }));
};

// ---- the runs ----------------------------------------------------------------

const heapAtStart = process.memoryUsage().heapUsed;
const checkHeap = () => {
  const grown = process.memoryUsage().heapUsed - heapAtStart;
  expect(grown, `heap grew ${(grown / 1048576).toFixed(0)} MB`).toBeLessThan(MAX_HEAP_GROWTH);
};

describe(`fuzz (seed ${SEED}, scale ${SCALE})`, () => {
  const pages = pageFixtures();
  let bundle: Uint8Array;

  beforeAll(async () => {
    const db = new KabuGuardDB(`fuzz-${SEED}`);
    await buildCaseStore(db, parseHtml);
    const chunks: Uint8Array[] = [];
    await writeEvidenceBundle(
      db,
      {
        environment: { extensionName: 'fuzz', extensionVersion: '0', userAgent: 'fuzz', timeZone: 'Asia/Tokyo' },
        exportedAt: '2025-04-10T13:00:00+09:00',
      },
      (c) => {
        chunks.push(c);
      },
    );
    bundle = new Uint8Array(Buffer.concat(chunks));
    db.close();
  }, 120_000);

  afterAll(() => {
    const total = Object.values(counted).reduce((a, b) => a + b, 0);
    console.log(
      `fuzz seed ${SEED} scale ${SCALE}: ${total} inputs ${JSON.stringify(counted)}, ${calls} reader calls; ` +
        `slowest call ${slowest.ms.toFixed(0)} ms (${slowest.what})`,
    );
  });

  it(`page readers: every adapter's readPage on mutated fixtures (${pages.length} fixtures)`, () => {
    expect(pages.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (pick, ms) => {
        const f = pages[pick % pages.length]!;
        const html = mutateText(f.html, ms);
        input('page');
        const doc = timed('page', () => parseHtml(html));
        // the page's own adapter, and every other adapter (analyze may try them all)
        for (const adapter of BROKERS) {
          const reading = timed('page', () => adapter.readPage(doc, f.url));
          expect(['ok', 'empty', 'unreadable', 'not-logged-in', 'maintenance', 'unsupported']).toContain(
            reading.status,
          );
        }
      }),
      { seed: SEED, numRuns: runs(700) },
    );
    checkHeap();
  }, 600_000);

  it('CSV readers: every import format on mutated exports', () => {
    const files = csvFixtures();
    expect(files.length).toBeGreaterThan(5);
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.array(byteMutation, { minLength: 1, maxLength: 6 }), (pick, name, ms) => {
        const f = files[pick % files.length]!;
        const bytes = mutateBytes(f.bytes, ms);
        input('csv');
        // the file name decides the format as much as the content does: try another fixture's name too
        for (const n of [f.name, files[name % files.length]!.name]) {
          const r = timed('csv', () => readCsvFile(bytes, n));
          expect(Array.isArray(r.orders)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: runs(1000) },
    );
    checkHeap();
  }, 600_000);

  it('MHTML: the reader and the analyzer on mutated saved pages', () => {
    const files = mhtmlFixtures();
    expect(files.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (pick, ms) => {
        const f = files[pick % files.length]!;
        const text = mutateText(f.text, ms);
        const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
        input('mhtml');
        timed('mhtml', () => readMhtml(bytes));
        const r = timed('mhtml', () => analyzeSavedFile({ name: f.name, bytes }));
        expect(ANALYZE_STATUSES).toContain(r.status);
        expect(r.warnings.join('\n')).not.toMatch(/^could not be read/m);
      }),
      { seed: SEED, numRuns: runs(300) },
    );
    checkHeap();
  }, 600_000);

  it('ZIP reader and verify: mutated bundles give a verdict or a clear refusal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(byteMutation, { minLength: 1, maxLength: 4 }), async (ms) => {
        const zip = mutateBytes(bundle, ms);
        const t0 = performance.now();
        try {
          const r = await verifyZip(zip);
          expect(typeof r.ok).toBe('boolean');
        } catch (e) {
          // listZip refuses what it cannot read, with a reason in both languages; anything else is a bug
          expect((e as { ja?: string }).ja, String(e)).toBeTypeOf('string');
        }
        const ms_ = performance.now() - t0;
        expect(ms_).toBeLessThan(MAX_MS);
        input('zip');
        calls++;
      }),
      { seed: SEED, numRuns: runs(400) },
    );
    checkHeap();
  }, 600_000);
});
