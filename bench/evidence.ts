// Export speed and memory of the evidence bundle: 10,000 events (logins and
// orders) and 500 snapshots in an in-memory store. Targets: at most 5 s, and
// peak extra memory at most 2x the bundle's size (the bundle itself is kept
// in memory, as the extension keeps it for its Blob). Memory is the sampled
// maximum of rss and of arrayBuffers above their level before the export.
// bench/run.ts (the project's bench) calls benchEvidence(); run alone with
//   npx tsx bench/evidence.ts

import 'fake-indexeddb/auto';
import { pathToFileURL } from 'node:url';
import { toJstIso } from '../utils/brokers/shared/dates';
import { sha256Hex } from '../utils/crypto';
import { blobSink, writeEvidenceBundle } from '../utils/evidence/bundle';
import type { LoginEvent, OrderEvent, Snapshot } from '../utils/records';
import { appendLog } from '../utils/store/capture-log';
import { KabuGuardDB } from '../utils/store/db';

export interface EvidenceBenchResult {
  events: number;
  snapshots: number;
  snapshotBytes: number;
  bundleBytes: number;
  files: number;
  seconds: number;
  peakRssDeltaBytes: number;
  peakArrayBuffersDeltaBytes: number;
  /** max(rss delta, arrayBuffers delta) / bundle size: target <= 2. */
  memoryRatio: number;
  withinTime: boolean;
  withinMemory: boolean;
}

const IPS = ['198.51.100.', '203.0.113.', '192.0.2.'];

/** A login-history-like page of ~40 KB (numbers vary, so it compresses like a real one). */
function page(i: number): string {
  let rows = '';
  for (let r = 0; r < 300; r++) {
    rows += `<tr><td>2025/0${1 + (r % 9)}/${10 + (r % 18)} ${String(r % 24).padStart(2, '0')}:${String((r * 7 + i) % 60).padStart(2, '0')}</td><td>${r % 3 ? 'PC' : 'スマートフォン'}</td><td>${IPS[r % 3]}${(r * 13 + i) % 250}</td></tr>\n`;
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>ログイン履歴 ${i}</title></head><body><h2>ログイン履歴</h2><table><tr><th>ログイン日時</th><th>ログイン方法</th><th>IPアドレス</th></tr>${rows}</table></body></html>`;
}

async function fill(db: KabuGuardDB, events: number, snapshots: number): Promise<number> {
  const snaps: Snapshot[] = [];
  let snapshotBytes = 0;
  const base = Date.parse('2024-01-01T00:00:00+09:00');
  for (let i = 0; i < snapshots; i++) {
    const bytes = new TextEncoder().encode(page(i));
    const sha256 = await sha256Hex(bytes);
    snapshotBytes += bytes.length;
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
  await db.logins.bulkPut(logins);
  await db.orders.bulkPut(orders);
  // a few answers, so the report has a case to show
  for (const l of logins.slice(-5))
    await appendLog(db, { type: 'feedback', detail: { broker: l.broker, eventId: l.id, verdict: 'not-mine' } });
  return snapshotBytes;
}

export async function benchEvidence(opts: { events?: number; snapshots?: number } = {}): Promise<EvidenceBenchResult> {
  const events = opts.events ?? 10_000;
  const snapshots = opts.snapshots ?? 500;
  const db = new KabuGuardDB(`bench-evidence-${Date.now()}`);
  const snapshotBytes = await fill(db, events, snapshots);
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  let peakRss = 0;
  let peakAb = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss - before.rss);
    peakAb = Math.max(peakAb, m.arrayBuffers - before.arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  const out = blobSink();
  const gc = (globalThis as { gc?: () => void }).gc;
  let n = 0;
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
    },
    (c) => {
      out.sink(c);
      // with --expose-gc, collect now and then so the peak is live memory, not garbage awaiting collection
      if (gc && ++n % 50 === 0) gc();
      sample();
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  const blob = out.blob();
  clearInterval(timer);
  sample();
  if (blob.size !== summary.bytes) throw new Error('bundle size mismatch');
  db.close();
  const memoryRatio = Math.max(peakRss, peakAb) / summary.bytes;
  return {
    events,
    snapshots,
    snapshotBytes,
    bundleBytes: summary.bytes,
    files: summary.files.length,
    seconds,
    peakRssDeltaBytes: peakRss,
    peakArrayBuffersDeltaBytes: peakAb,
    memoryRatio,
    withinTime: seconds <= 5,
    withinMemory: memoryRatio <= 2,
  };
}

export function formatEvidenceBench(r: EvidenceBenchResult): string {
  const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;
  return [
    `evidence export: ${r.events} events + ${r.snapshots} snapshots (${mb(r.snapshotBytes)} of pages) -> ${r.files} files, ${mb(r.bundleBytes)} ZIP`,
    `  time ${r.seconds.toFixed(2)} s (target <= 5 s: ${r.withinTime ? 'met' : 'MISSED'})`,
    `  peak extra memory: rss ${mb(r.peakRssDeltaBytes)}, arrayBuffers ${mb(r.peakArrayBuffersDeltaBytes)} = ${r.memoryRatio.toFixed(2)}x the bundle (target <= 2x: ${r.withinMemory ? 'met' : 'MISSED'})`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchEvidence().then((r) => process.stdout.write(formatEvidenceBench(r) + '\n'));
}
