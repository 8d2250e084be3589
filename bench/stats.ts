// Timing helpers for the benchmarks: medians of repeated runs, and a table of
// target vs measured. Figures only; nothing here asserts (tests never time).
// The global `performance` (no node: import), so the ingest bench also runs
// bundled inside Chromium (bench/ingest-chromium.ts).

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs `fn` `warmup` times untimed, then `runs` times; returns every timing in ms. */
export async function timeRuns(fn: () => unknown, runs: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function timeOnce<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export function ms(v: number): string {
  return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 2 : 1)} ms`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export interface Figure {
  name: string;
  target: string;
  measured: string;
  /** undefined: informational, no target. */
  met?: boolean;
  note?: string;
}

export function printFigures(title: string, figures: Figure[]): void {
  console.log(`\n${title}`);
  const w = Math.max(...figures.map((f) => f.name.length));
  const wt = Math.max(...figures.map((f) => f.target.length), 6);
  const wm = Math.max(...figures.map((f) => f.measured.length), 8);
  console.log(`  ${'figure'.padEnd(w)}  ${'target'.padEnd(wt)}  ${'measured'.padEnd(wm)}  met`);
  for (const f of figures) {
    const met = f.met === undefined ? '-' : f.met ? 'yes' : 'NO';
    console.log(
      `  ${f.name.padEnd(w)}  ${f.target.padEnd(wt)}  ${f.measured.padEnd(wm)}  ${met}${f.note ? `  (${f.note})` : ''}`,
    );
  }
}

export interface StageRow {
  stage: string;
  /** ms at each size, same order as the sizes. */
  ms: number[];
}

/**
 * One row per stage: the time at each size, then the growth between sizes.
 * A stage that grows as fast as its rows grows by the size ratio; more than
 * that is a step that handles rows more than once (or sorts them).
 */
export function printStages(
  title: string,
  sizes: number[],
  rows: StageRow[],
  target: { from: number; to: number; max: number },
): void {
  console.log(`\n${title}`);
  const n = (v: number) => (v >= 1000 ? `${v / 1000}k` : String(v));
  const steps = sizes.slice(1).map((s, i) => `${n(sizes[i]!)}→${n(s)}`);
  const head = [
    'stage'.padEnd(10),
    ...sizes.map((s) => n(s).padStart(9)),
    ' |',
    ...steps.map((s) => s.padStart(11)),
    `  target ${n(target.from)}→${n(target.to)} <= ${target.max}x`,
  ];
  console.log(`  ${head.join(' ')}`);
  for (const r of rows) {
    const g = r.ms.slice(1).map((v, i) => v / r.ms[i]!);
    const at = sizes.indexOf(target.to);
    const checked = at > 0 && sizes[at - 1] === target.from ? g[at - 1] : undefined;
    console.log(
      `  ${[
        r.stage.padEnd(10),
        ...r.ms.map((v) => ms(v).padStart(9)),
        ' |',
        ...g.map((x) => `${x.toFixed(2)}x`.padStart(11)),
        checked === undefined ? '  -' : `  ${checked <= target.max ? 'yes' : 'NO'}`,
      ].join(' ')}`,
    );
  }
  console.log(
    `  (sizes grow ${sizes
      .slice(1)
      .map((s, i) => `${(s / sizes[i]!).toFixed(0)}x`)
      .join(', ')}: a linear stage grows as much)`,
  );
}
