// Every stage that handles the history, timed at growing sizes (issue 13 item
// 2): a step that grows faster than the rows it handles shows as a growth
// factor above the size ratio (10x from 1k to 10k, 3x from 100k to 300k).
//   ingest      the history's records stored, a page of 1,000 rows at a time
//               (utils/capture/ingest.ts storeReading: ids, zod, the existence
//               check, the writes, one transaction per page)
//   detection   one capture after the history (16 logins, 4 trades): the
//               detection pass it is owed, including its loads, from the
//               checkpoint the history's own passes left (one untimed full
//               pass stands in for them, and the holder answers its review
//               of the history found at installation: "mine")
//   report      the case and both reports built from the store
//   export      the whole evidence bundle, to a sink that only counts
//   overview    what the popup's and the dashboard's first frame reads (lights,
//               times and the counts the writes keep: utils/store/record-counts.ts)
//   counted     the same, fully counted: the first frame's reads plus a count
//               where the counts are not kept (none here: the store counted
//               once when it was new, as a fresh install's first popup does)
//   recount     the one count a database from before the kept counts needs
// The same code runs in Node on fake-indexeddb (bench/run.ts) and bundled in
// the extension's service worker on real IndexedDB (bench/stages-chromium.ts):
// no Node imports here.

import type { BrokerId } from '../utils/brokers/types';
import { storeReading, storeSnapshot } from '../utils/capture/ingest';
import { applyFeedback, runDetection } from '../utils/detect/engine';
import { writeEvidenceBundle } from '../utils/evidence/bundle';
import { caseOf } from '../utils/evidence/case';
import { collectEvidence } from '../utils/evidence/collect';
import { damageStatement } from '../utils/evidence/damage';
import { renderReport } from '../utils/evidence/report';
import { countsPending, loadOverview, recount } from '../utils/dashboard/overview';
import { countNow } from '../utils/store/record-counts';
import { listAlerts } from '../utils/store/alerts';
import { earliestPerBroker } from '../utils/store/logins';
import { appendLog } from '../utils/store/capture-log';
import { KabuGuardDB } from '../utils/store/db';
import { BROKERS, END_MS, historyPages, newCapture } from './history';

export const STAGES = ['ingest', 'detection', 'report', 'export', 'overview', 'counted', 'recount'] as const;
export type Stage = (typeof STAGES)[number];

export interface StageRun {
  events: number;
  /** Wall-clock ms per stage (median where repeated). */
  ms: Record<Stage, number>;
  /** CPU ms of this process per stage, where the runtime tells (Node: fake-indexeddb runs in it too; steadier than wall time on a shared machine). */
  cpuMs?: Record<Stage, number>;
  bundleBytes: number;
}

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuUsage = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process?.cpuUsage;
const cpuNow = () => {
  const c = cpuUsage?.();
  return c ? (c.user + c.system) / 1000 : NaN;
};

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpu: number; value: T }> {
  const c0 = cpuNow();
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, cpu: cpuNow() - c0, value };
}

const ENV = { extensionName: 'Kabu Guard', extensionVersion: 'bench', userAgent: 'bench', timeZone: 'Asia/Tokyo' };

/** Stores one page reading as a capture does: its snapshot (not timed), then its records (timed). */
async function capture(db: KabuGuardDB, reading: ReturnType<typeof historyPages>[number]['reading'], at: string) {
  const rows = reading.logins.length + reading.orders.length;
  const { snapshot } = await storeSnapshot(db, {
    broker: reading.broker,
    url: `https://example.invalid/${reading.pageKind}`,
    how: 'background',
    html: `<html><body><table><tr><th>${reading.pageKind}</th></tr><tr><td>${rows} rows</td></tr></table></body></html>`,
    charset: 'utf-8',
    capturedAt: at,
  });
  return timed(() => storeReading(db, reading.broker, reading, snapshot.id, at));
}

export async function runStages(events: number, opts: { runs?: number } = {}): Promise<StageRun> {
  const runs = opts.runs ?? 5;
  const db = new KabuGuardDB(`kabu-guard-stages-${events}-${Math.random()}`);
  await db.open();
  // a fresh install: the first popup counts the empty store, and from then on the writes keep the counts
  await countNow(db);
  try {
    let ingestMs = 0;
    let ingestCpu = 0;
    for (const p of historyPages(events)) {
      const t = await capture(db, p.reading, p.capturedAt);
      ingestMs += t.ms;
      ingestCpu += t.cpu;
    }

    // the history as the extension would have it: judged (its captures' passes left a checkpoint), untimed
    await runDetection(db, {
      newEventIds: [],
      brokers: [...BROKERS],
      now: new Date(END_MS + 3600_000).toISOString(),
      full: true,
    });
    // and, as a holder does, its review answered: the history found at installation was theirs (unanswered,
    // the review's flagged sessions make every later trade in them a high alert the popup would show)
    for (const a of await listAlerts(db, { status: 'open' }))
      if (a.reasons.some((r) => r.rule === 'history-review'))
        await applyFeedback(db, a.id, 'mine', new Date(END_MS + 2 * 3600_000).toISOString());
    // the capture after the history, and the detection it is owed
    const fresh: string[] = [];
    const starts: Array<{ broker: BrokerId; at: string }> = [];
    const now = new Date(END_MS + 6 * 3600_000).toISOString();
    for (const r of newCapture(BROKERS[0] as BrokerId)) {
      const { value } = await capture(db, r, now);
      fresh.push(...value.newEventIds);
      if (value.loginsFrom) starts.push({ broker: r.broker, at: value.loginsFrom });
    }
    const loginsFrom = earliestPerBroker(starts);
    const detect: Array<{ ms: number; cpu: number }> = [];
    for (let i = 0; i < runs; i++)
      detect.push(await timed(() => runDetection(db, { newEventIds: fresh, loginsFrom, now })));
    // the holder's answers, so the case has rows of both standings
    for (const id of fresh.slice(0, 3))
      await appendLog(db, { type: 'feedback', detail: { broker: BROKERS[0], eventId: id, verdict: 'not-mine' } });

    const report: Array<{ ms: number; cpu: number }> = [];
    for (let i = 0; i < Math.min(runs, 3); i++)
      report.push(
        await timed(async () => {
          const data = await collectEvidence(db);
          const caseFile = caseOf(data);
          const damage = damageStatement({ case: caseFile, orders: data.orders, holdings: data.holdings });
          const common = {
            data,
            caseFile,
            damage,
            masked: false,
            snapshotsWithheld: false,
            logCheck: { ok: true, count: data.captureLog.length },
            storeCheck: { checked: 0, mismatched: [], missing: [] },
            files: [],
          };
          return renderReport({ ...common, lang: 'ja' }).length + renderReport({ ...common, lang: 'en' }).length;
        }),
      );

    let bundleBytes = 0;
    const exp = await timed(() =>
      writeEvidenceBundle(db, { environment: ENV }, (c) => {
        bundleBytes += c.length;
      }),
    );

    const overview: Array<{ ms: number; cpu: number }> = [];
    const counted: Array<{ ms: number; cpu: number }> = [];
    const recounts: Array<{ ms: number; cpu: number }> = [];
    for (let i = 0; i < runs; i++) {
      overview.push(await timed(() => loadOverview(db)));
      counted.push(
        await timed(async () => {
          const o = await loadOverview(db);
          // what the pages do (Popup.tsx, OverviewSection.tsx); here it must never need the recount
          if (countsPending(o)) throw new Error('the counts were not kept at ingest');
          return o;
        }),
      );
      recounts.push(await timed(() => recount(db)));
    }

    const m = (xs: Array<{ ms: number; cpu: number }>, k: 'ms' | 'cpu') => med(xs.map((x) => x[k]));
    const cpu = {
      ingest: ingestCpu,
      detection: m(detect, 'cpu'),
      report: m(report, 'cpu'),
      export: exp.cpu,
      overview: m(overview, 'cpu'),
      counted: m(counted, 'cpu'),
      recount: m(recounts, 'cpu'),
    };
    return {
      events,
      ms: {
        ingest: ingestMs,
        detection: m(detect, 'ms'),
        report: m(report, 'ms'),
        export: exp.ms,
        overview: m(overview, 'ms'),
        counted: m(counted, 'ms'),
        recount: m(recounts, 'ms'),
      },
      ...(Number.isNaN(cpu.ingest) ? {} : { cpuMs: cpu }),
      bundleBytes,
    };
  } finally {
    db.close();
    await db.delete();
  }
}

/** Growth between consecutive sizes: time ratio, next to the size ratio a linear stage would show. */
export function growth(
  runs: StageRun[],
  stage: Stage,
  clock: 'ms' | 'cpuMs' = 'ms',
): Array<{ from: number; to: number; factor: number; sizeRatio: number }> {
  const out = [];
  for (let i = 1; i < runs.length; i++) {
    const a = runs[i - 1]!;
    const b = runs[i]!;
    const f = (r: StageRun) => (clock === 'cpuMs' ? r.cpuMs?.[stage] : r.ms[stage]) ?? NaN;
    out.push({ from: a.events, to: b.events, factor: f(b) / f(a), sizeRatio: b.events / a.events });
  }
  return out;
}
