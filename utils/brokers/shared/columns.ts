// Finds the table whose headers mean what a reader needs, and which column
// holds each field. Synonyms are tried in order: exact header words first,
// then "contains" fallbacks; never column positions or styling classes.

import { cellParts, type Cell, type Grid } from './table';
import { headerKey } from './text';

export interface FieldVocab {
  exact: string[];
  contains?: string[];
  /** Header words that must never match this field (e.g. 約定 for a login time). */
  not?: string[];
}
export type Vocabulary<F extends string> = Record<F, FieldVocab>;

export interface MappedTable<F extends string> {
  grid: Grid;
  headerRow: number;
  headers: string[];
  columns: Partial<Record<F, number>>;
  /** Data rows: after the header, without repeated headers or full-width note rows. */
  rows: Cell[][];
}

/**
 * A header without its parenthesised note: `保有株数 (売却注文中)` is a held
 * quantity, whatever the note says (SBI 保有証券一覧, kabu.com `保有株数(注文中等)`:
 * docs/brokers.md "Real samples"); the exclusions (`not`) look at this part only.
 */
function mainPart(key: string): string {
  const main = key.replace(/\([^)]*\)/g, '');
  return main || key;
}

function matchField<F extends string>(
  vocab: Vocabulary<F>,
  key: string,
  taken: Set<F>,
  strict: boolean,
): F | undefined {
  const main = mainPart(key);
  for (const field of Object.keys(vocab) as F[]) {
    if (taken.has(field)) continue;
    const v = vocab[field];
    if (v.not?.some((n) => main.includes(headerKey(n)))) continue;
    if (v.exact.some((w) => headerKey(w) === key || headerKey(w) === main)) return field;
  }
  if (strict) return undefined;
  for (const field of Object.keys(vocab) as F[]) {
    if (taken.has(field)) continue;
    const v = vocab[field];
    if (v.not?.some((n) => main.includes(headerKey(n)))) continue;
    if (v.contains?.some((w) => key.includes(headerKey(w)))) return field;
  }
  return undefined;
}

const expanded = new WeakMap<Grid, Map<number, Grid>>();

/**
 * The grid with each column whose header cell holds several values
 * (`取得単価<br>取得金額`, `<li>注文番号</li><li>注文日時</li>`) split into one column
 * per value, when the data cells hold as many (and never more): SBI's backup-site
 * lot table, Rakuten's US 注文照会, kabu.com's 残高照会 (docs/brokers.md "Real
 * samples"). A header with a unit line (`保有数<br>[株]`) over one-value cells
 * stays one column. Data rows with fewer values fill from the first column.
 */
export function withParts(grid: Grid, headerRow: number): Grid {
  const header = grid.rows[headerRow];
  if (!header || !header.some((c) => c.el.firstElementChild)) return grid;
  let byRow = expanded.get(grid);
  const hit = byRow?.get(headerRow);
  if (hit) return hit;
  const body = grid.rows.slice(headerRow + 1);
  const splits = header.map((h, j) => {
    if (j > 0 && header[j - 1] === h) return 1; // a col-spanned header: its columns split alike
    const hp = cellParts(h);
    if (hp.length < 2) return 1;
    let equal = 0;
    for (const row of body) {
      const n = row[j] ? cellParts(row[j]!).length : 0;
      if (n > hp.length) return 1;
      if (n === hp.length) equal++;
    }
    return equal > 0 || body.length === 0 ? hp.length : 1;
  });
  let out = grid;
  if (splits.some((n) => n > 1)) {
    const split = (row: Cell[], isHeaderRow: boolean): Cell[] =>
      row.flatMap((c, j) => {
        const n = splits[j] ?? 1;
        if (n === 1) return [c];
        const parts = isHeaderRow ? cellParts(header[j]!) : cellParts(c);
        return Array.from({ length: n }, (_, i) => ({ text: parts[i] ?? '', isHeader: c.isHeader, el: c.el }));
      });
    out = {
      ...grid,
      rows: grid.rows.map((row, r) => (r < headerRow ? row : split(row, r === headerRow))),
    };
  }
  if (!byRow) expanded.set(grid, (byRow = new Map()));
  byRow.set(headerRow, out);
  return out;
}

export function mapHeaderRow<F extends string>(cells: string[], vocab: Vocabulary<F>): Partial<Record<F, number>> {
  const columns: Partial<Record<F, number>> = {};
  const taken = new Set<F>();
  const keys = cells.map(headerKey);
  // exact matches claim their fields before any "contains" fallback does
  for (const strict of [true, false]) {
    keys.forEach((key, i) => {
      if (!key || Object.values(columns).includes(i)) return;
      const f = matchField(vocab, key, taken, strict);
      if (f) {
        columns[f] = i;
        taken.add(f);
      }
    });
  }
  return columns;
}

/**
 * `row.map((c) => headerKey(c.text)).join('|') === headerKeys`, stopping at
 * the first cell that differs (a data row's first cell, nearly always).
 */
function repeatsHeader(row: Cell[], headerKeys: string): boolean {
  let at = 0;
  for (const [i, c] of row.entries()) {
    const part = (i ? '|' : '') + headerKey(c.text);
    if (!headerKeys.startsWith(part, at)) return false;
    at += part.length;
  }
  return at === headerKeys.length;
}

/** The data rows after a header row: without repeated headers, full-width note rows or empty rows (also taught.ts). */
export function dataRows(grid: Grid, headerRow: number, headers: string[]): Cell[][] {
  const headerKeys = headers.map(headerKey).join('|');
  return grid.rows.slice(headerRow + 1).filter((row) => {
    if (repeatsHeader(row, headerKeys)) return false;
    // a single cell spanning the row ("該当データはありません", notes)
    if (row.length > 1 && row.every((c) => c.el === row[0]!.el)) return false;
    return row.some((c) => c.text !== '');
  });
}

/**
 * The best table for a vocabulary: the grid and header row (among its first
 * three rows) that map the most fields, having all of `required`.
 */
export function findTables<F extends string>(
  grids: Grid[],
  vocab: Vocabulary<F>,
  required: F[],
  minFields = 2,
): MappedTable<F>[] {
  const found: MappedTable<F>[] = [];
  for (const raw of grids) {
    let best: { row: number; grid: Grid; columns: Partial<Record<F, number>>; n: number } | undefined;
    for (let r = 0; r < Math.min(3, raw.rows.length); r++) {
      // a header cell is short; long cells are layout tables around the real one
      if (raw.rows[r]!.some((c) => c.text.length > 40)) continue;
      const grid = withParts(raw, r);
      const texts = grid.rows[r]!.map((c) => c.text);
      const columns = mapHeaderRow(texts, vocab);
      const n = Object.keys(columns).length;
      if (!required.every((f) => columns[f] !== undefined) || n < minFields) continue;
      if (!best || n > best.n) best = { row: r, grid, columns, n };
    }
    if (!best) continue;
    const grid = best.grid;
    const headers = grid.rows[best.row]!.map((c) => c.text);
    found.push({ grid, headerRow: best.row, headers, columns: best.columns, rows: dataRows(grid, best.row, headers) });
  }
  // most specific first
  return found.sort((a, b) => Object.keys(b.columns).length - Object.keys(a.columns).length);
}

export function cellOf<F extends string>(t: MappedTable<F>, row: Cell[], field: F): string | undefined {
  const i = t.columns[field];
  return i === undefined ? undefined : row[i]?.text;
}

export function rawOf<F extends string>(t: MappedTable<F>, row: Cell[]): Record<string, string> {
  const raw: Record<string, string> = {};
  t.headers.forEach((h, i) => {
    const key = h || `#${i + 1}`;
    if (row[i] && !(key in raw)) raw[key] = row[i]!.text;
  });
  return raw;
}
