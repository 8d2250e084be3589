// Finds the table whose headers mean what a reader needs, and which column
// holds each field. Synonyms are tried in order: exact header words first,
// then "contains" fallbacks; never column positions or styling classes.

import type { Cell, Grid } from './table';
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

function matchField<F extends string>(
  vocab: Vocabulary<F>,
  key: string,
  taken: Set<F>,
  strict: boolean,
): F | undefined {
  for (const field of Object.keys(vocab) as F[]) {
    if (taken.has(field)) continue;
    const v = vocab[field];
    if (v.not?.some((n) => key.includes(headerKey(n)))) continue;
    if (v.exact.some((w) => headerKey(w) === key)) return field;
  }
  if (strict) return undefined;
  for (const field of Object.keys(vocab) as F[]) {
    if (taken.has(field)) continue;
    const v = vocab[field];
    if (v.not?.some((n) => key.includes(headerKey(n)))) continue;
    if (v.contains?.some((w) => key.includes(headerKey(w)))) return field;
  }
  return undefined;
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
  for (const grid of grids) {
    let best: { row: number; columns: Partial<Record<F, number>>; n: number } | undefined;
    for (let r = 0; r < Math.min(3, grid.rows.length); r++) {
      const texts = grid.rows[r]!.map((c) => c.text);
      // a header cell is short; long cells are layout tables around the real one
      if (texts.some((t) => t.length > 40)) continue;
      const columns = mapHeaderRow(texts, vocab);
      const n = Object.keys(columns).length;
      if (!required.every((f) => columns[f] !== undefined) || n < minFields) continue;
      if (!best || n > best.n) best = { row: r, columns, n };
    }
    if (!best) continue;
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
