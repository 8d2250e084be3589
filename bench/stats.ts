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
