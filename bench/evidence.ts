// Export speed and memory of the evidence bundle: 10,000 events (logins and
// orders) and 500 snapshots in an in-memory store (fake-indexeddb), written to
// a file and checked with the verifier of `npm run verify`. Targets (issue 13
// item 3): at most 5 s, and peak memory at most 2x the largest snapshot plus a
// fixed 4 MB. Memory is JS heap + ArrayBuffers above their level before the
// export, sampled at every chunk, every phase and every 5 ms; once without a
// forced GC and once with one at every phase boundary (bundle.ts ExportPhase).
// The ZIP goes to a file, so it is not counted (the extension hands it to a
// Blob, which the browser keeps outside the page's heap).
// bench/run.ts (the project's bench) calls benchEvidence(); run alone with
//   npx tsx bench/evidence.ts

import 'fake-indexeddb/auto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { verifyZip } from '../cli/verify-zip';
import { toJstIso } from '../utils/brokers/shared/dates';
import { sha256Hex } from '../utils/crypto';
import { writeEvidenceBundle, type ExportPhase } from '../utils/evidence/bundle';
import type { LoginEvent, OrderEvent, Snapshot } from '../utils/records';
import { appendLog } from '../utils/store/capture-log';
import { KabuGuardDB } from '../utils/store/db';
import { putLogins } from '../utils/store/logins';

export interface MemoryFigures {
  /** Highest (JS heap + ArrayBuffers) above the level before the export. */
  peakBytes: number;
  /** Of which the records collectEvidence holds (live after a forced GC at 'collected'). */
  recordsBytes: number;
  /** Highest live level (after a forced GC) at any phase boundary, above the level before. */
  liveBytes: number;
  rssBytes: number;
}

export interface EvidenceBenchResult {
  events: number;
  snapshots: number;
  snapshotBytes: number;
  largestSnapshotBytes: number;
  bundleBytes: number;
  files: number;
  seconds: number;
  /** Per phase, ms (no forced GC). */
  phases: Record<string, number>;
  /** Without forced GC: what the export costs as it runs. */
  free: MemoryFigures;
  /** With a GC forced at every phase boundary (and every 25 snapshots): what it keeps. */
  collected: MemoryFigures;
  /** 2x the largest snapshot + FIXED_BYTES. */
  targetBytes: number;
  zipVerified: boolean;
  withinTime: boolean;
}

/** "A fixed few MB" of issue 13 item 3: the writer's own buffers, the report's strings, fflate's window. */
export const FIXED_BYTES = 4 * 1_048_576;

const IPS = ['198.51.100.', '203.0.113.', '192.0.2.'];

/** A login-history-like page of ~40 KB (numbers vary, so it compresses like a real one). */
function page(i: number): string {
  let rows = '';
  for (let r = 0; r < 300; r++) {
    rows += `<tr><td>2025/0${1 + (r % 9)}/${10 + (r % 18)} ${String(r % 24).padStart(2, '0')}:${String((r * 7 + i) % 60).padStart(2, '0')}</td><td>${r % 3 ? 'PC' : 'スマートフォン'}</td><td>${IPS[r % 3]}${(r * 13 + i) % 250}</td></tr>\n`;
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>ログイン履歴 ${i}</title></head><body><h2>ログイン履歴</h2><table><tr><th>ログイン日時</th><th>ログイン方法</th><th>IPアドレス</th></tr>${rows}</table></body></html>`;
}

async function fill(db: KabuGuardDB, events: number, snapshots: number): Promise<{ total: number; largest: number }> {
  const snaps: Snapshot[] = [];
  let snapshotBytes = 0;
  let largest = 0;
  const base = Date.parse('2024-01-01T00:00:00+09:00');
  for (let i = 0; i < snapshots; i++) {
    const bytes = new TextEncoder().encode(page(i));
    const sha256 = await sha256Hex(bytes);
    snapshotBytes += bytes.length;
    largest = Math.max(largest, bytes.length);
    const at = toJstIso(base + i * 3_600_000);
    await db.snapshotBodies.put({ sha256, bytes });
    snaps.push({
      v: 1,
      id: `snap_bench_${i}`,
      broker: i % 2 ? 'sbi' : 'rakuten',
      pageKind: 'login-history',
      url: 'https://member.rakuten-sec.co.jp/app/login_history.do',
      capturedAt: at,
      how: 'visit',
      charset: 'utf-8',
      storedEncoding: 'utf-8',
      mediaType: 'text/html',
      sha256,
      size: bytes.length,
      redactions: [],
      parse: { status: 'ok', parserVersion: 'bench', warnings: [], records: 20, at },
    });
  }
  await db.snapshots.bulkPut(snaps);
  const logins: LoginEvent[] = [];
  const orders: OrderEvent[] = [];
  for (let i = 0; i < events; i++) {
    const at = toJstIso(base + i * 600_000);
    const snap = snaps[i % snaps.length]!;
    if (i % 10 < 7) {
      logins.push({
        v: 1,
        id: `login_bench_${i}`,
        broker: snap.broker,
        at,
        result: i % 50 ? 'success' : 'failure',
        channel: i % 3 ? 'PC' : 'スマートフォン',
        ip: `${IPS[i % 3]}${i % 250}`,
        raw: { ログイン日時: at, ログイン方法: 'PC' },
        snapshotIds: [snap.id],
        firstSeenAt: snap.capturedAt,
        lastSeenAt: snap.capturedAt,
      });
    } else {
      orders.push({
        v: 1,
        id: `order_bench_${i}`,
        broker: snap.broker,
        at,
        side: i % 2 ? 'buy' : 'sell',
        symbol: String(1000 + (i % 8000)),
        name: `銘柄${i % 300}`,
        market: '東証',
        marketRegion: 'JP',
        quantity: 100 * (1 + (i % 5)),
        price: 1000 + (i % 900),
        currency: '円',
        account: i % 4 ? '特定' : 'NISA成長投資枠',
        status: 'executed',
        raw: { 約定日: at },
        snapshotIds: [snap.id],
        firstSeenAt: snap.capturedAt,
        lastSeenAt: snap.capturedAt,
      });
    }
  }
  await putLogins(db, logins);
  await db.orders.bulkPut(orders);
  // a few answers, so the report has a case to show
  for (const l of logins.slice(-5))
    await appendLog(db, { type: 'feedback', detail: { broker: l.broker, eventId: l.id, verdict: 'not-mine' } });
  return { total: snapshotBytes, largest };
}

const gcOf = (): (() => void) => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
};

const level = () => {
  const m = process.memoryUsage();
  return { live: m.heapUsed + m.arrayBuffers, rss: m.rss };
};

/** One export into a file; memory sampled at every chunk, every phase and every 5 ms. */
async function exportOnce(db: KabuGuardDB, file: string, forceGc: boolean) {
  const gc = gcOf();
  gc();
  const before = level();
  let peak = 0;
  let peakRss = 0;
  let live = 0;
  let records = 0;
  const sample = () => {
    const m = level();
    peak = Math.max(peak, m.live - before.live);
    peakRss = Math.max(peakRss, m.rss - before.rss);
  };
  const timer = setInterval(sample, 5);
  const fd = openSync(file, 'w');
  const phases: Record<string, number> = {};
  let last = performance.now();
  let snapshotsSeen = 0;
  const t0 = performance.now();
  const summary = await writeEvidenceBundle(
    db,
    {
      environment: {
        extensionName: 'Kabu Guard',
        extensionVersion: 'bench',
        userAgent: `Node.js ${process.version}`,
        timeZone: 'Asia/Tokyo',
      },
      exportedAt: '2025-04-10T13:00:00+09:00',
    },
    (c) => {
      writeSync(fd, c);
      sample();
    },
    (phase: ExportPhase) => {
      sample();
      const now = performance.now();
      if (phase !== 'snapshot') {
        phases[phase] = now - last;
        last = now;
      }
      if (!forceGc || (phase === 'snapshot' && ++snapshotsSeen % 25)) return;
      gc();
      const m = level().live - before.live;
      live = Math.max(live, m);
      if (phase === 'collected') records = m;
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  closeSync(fd);
  return {
    summary,
    seconds,
    phases,
    memory: { peakBytes: peak, recordsBytes: records, liveBytes: live, rssBytes: peakRss },
  };
}

export async function benchEvidence(opts: { events?: number; snapshots?: number } = {}): Promise<EvidenceBenchResult> {
  const events = opts.events ?? 10_000;
  const snapshots = opts.snapshots ?? 500;
  const db = new KabuGuardDB(`bench-evidence-${Date.now()}`);
  const { total: snapshotBytes, largest } = await fill(db, events, snapshots);
  const dir = mkdtempSync(join(tmpdir(), 'kg-bench-'));
  try {
    const free = await exportOnce(db, join(dir, 'free.zip'), false);
    const collected = await exportOnce(db, join(dir, 'gc.zip'), true);
    // the exported file, checked by the same verifier as `npm run verify`
    const verified = await verifyZip(new Uint8Array(readFileSync(join(dir, 'free.zip'))));
    db.close();
    return {
      events,
      snapshots,
      snapshotBytes,
      largestSnapshotBytes: largest,
      bundleBytes: free.summary.bytes,
      files: free.summary.files.length,
      seconds: free.seconds,
      phases: free.phases,
      free: free.memory,
      collected: { ...collected.memory, recordsBytes: collected.memory.recordsBytes },
      targetBytes: 2 * largest + FIXED_BYTES,
      zipVerified: verified.ok,
      withinTime: free.seconds <= 5,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatEvidenceBench(r: EvidenceBenchResult): string {
  const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;
  const mem = (m: MemoryFigures) =>
    `peak +${mb(m.peakBytes)} (records held ${mb(m.recordsBytes)}), live at phase ends +${mb(m.liveBytes)}, rss +${mb(m.rssBytes)}`;
  return [
    `evidence export: ${r.events} events + ${r.snapshots} snapshots (${mb(r.snapshotBytes)} of pages, largest ${mb(r.largestSnapshotBytes)}) -> ${r.files} files, ${mb(r.bundleBytes)} ZIP, verified ${r.zipVerified}`,
    `  time ${r.seconds.toFixed(2)} s (target <= 5 s: ${r.withinTime ? 'met' : 'MISSED'}); ${Object.entries(r.phases)
      .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
      .join(', ')}`,
    `  memory, no forced GC: ${mem(r.free)}`,
    `  memory, GC between phases: ${mem(r.collected)}`,
    `  target peak <= ${mb(r.targetBytes)} (2x largest snapshot + ${mb(FIXED_BYTES)})`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchEvidence().then((r) => process.stdout.write(formatEvidenceBench(r) + '\n'));
}
