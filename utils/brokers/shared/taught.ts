// Tables the user taught (teach mode): on a page the built-in readers do not
// know, a saved mapping says which column means what. The table is found by
// its header row's meaning (the header texts, normalised, in any column
// order), never by position or styling, and its rows are read by the very
// row readers of the built-in tables (readLoginRows, readOrderRows): a bad
// time or a row without buy/sell makes the whole table unreadable, as for
// any page. Pure: the mappings come from the caller (the store loads them).
// No zod here (the content script's page-side check uses the matcher).

import type { BrokerId, LoginRow, OrderRow, PageKind } from '../types';
import { dataRows, type MappedTable } from './columns';
import { readLoginRows, type LoginField } from './login-history';
import { pageRegionOf, readOrderRows, type OrderField, type OrderTable } from './orders';
import type { Cell, Grid } from './table';
import { headerKey } from './text';

/** Fields a login-history column can be taught to mean (LoginField). */
export const LOGIN_MAPPING_FIELDS = [
  'at',
  'date',
  'time',
  'ip',
  'environment',
  'browser',
  'os',
  'channel',
  'result',
  'location',
] as const;
/** Fields an order column can be taught to mean (OrderField). */
export const ORDER_MAPPING_FIELDS = [
  'at',
  'symbol',
  'name',
  'market',
  'side',
  'quantity',
  'price',
  'currency',
  'account',
  'status',
] as const;
export const MAPPING_KINDS = ['login-history', 'orders'] as const;
export type MappingKind = (typeof MAPPING_KINDS)[number];
export type LoginMappingField = (typeof LOGIN_MAPPING_FIELDS)[number];
export type OrderMappingField = (typeof ORDER_MAPPING_FIELDS)[number];

const REQUIRED: Record<MappingKind, { all: string[]; oneOf: string[][] }> = {
  // a time is what makes a login row: `at`, or a date (with a time)
  'login-history': { all: [], oneOf: [['at', 'date']] },
  // what readOrderRows needs of every row, and what makes it an order
  orders: { all: ['at', 'side'], oneOf: [['symbol', 'name']] },
};

export function fieldsOf(kind: MappingKind): readonly string[] {
  return kind === 'login-history' ? LOGIN_MAPPING_FIELDS : ORDER_MAPPING_FIELDS;
}

/** Which required fields a set of mapped fields still lacks (`symbol|name`: one of them); empty: complete. */
export function missingFields(kind: MappingKind, fields: readonly string[]): string[] {
  const req = REQUIRED[kind];
  const missing = req.all.filter((f) => !fields.includes(f));
  for (const group of req.oneOf) if (!group.some((f) => fields.includes(f))) missing.push(group.join('|'));
  return missing;
}

/** What a reader needs of a TableMapping (utils/records/table-mapping.ts): plain data. */
export interface TaughtMapping {
  id: string;
  broker: BrokerId;
  urlPattern: string;
  kind: MappingKind;
  signature: readonly string[];
  columns: ReadonlyArray<{ header: string; field: string }>;
  createdAt?: string;
}

/** Query keys that name a page rather than a session or a view (SBI's ETGate pages: brokers.md §2.2). */
const PAGE_KEYS = ['_ControlID'];

/** The path without `;BV_SessionID=…` and other matrix parameters (Rakuten: brokers.md §1.1). */
function plainPath(u: URL): string {
  return u.pathname.split(';')[0] || '/';
}

/** The origin-less pattern a mapping is saved under: the path, plus the query keys that name the page. */
export function urlPatternOf(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '/';
  }
  const query = PAGE_KEYS.filter((k) => u.searchParams.get(k)).map(
    (k) => `${encodeURIComponent(k)}=${encodeURIComponent(u.searchParams.get(k)!)}`,
  );
  return plainPath(u) + (query.length ? `?${query.join('&')}` : '');
}

/** Path equal (or starting so, for a pattern ending in `*`) and every query key of the pattern with its value. */
export function matchesUrl(pattern: string, url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const q = pattern.indexOf('?');
  const pathPattern = q < 0 ? pattern : pattern.slice(0, q);
  const path = plainPath(u);
  const pathOk = pathPattern.endsWith('*') ? path.startsWith(pathPattern.slice(0, -1)) : path === pathPattern;
  if (!pathOk) return false;
  if (q < 0) return true;
  for (const [k, v] of new URLSearchParams(pattern.slice(q + 1))) if (u.searchParams.get(k) !== v) return false;
  return true;
}

/** The broker's mappings for this URL, newest first (a newer teaching wins). */
export function mappingsForUrl<M extends TaughtMapping>(
  mappings: readonly M[] | undefined,
  broker: BrokerId,
  url: string,
): M[] {
  if (!mappings?.length) return [];
  return mappings
    .filter((m) => m.broker === broker && matchesUrl(m.urlPattern, url))
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
}

/** A header row as its signature: the normalised texts, in page order. */
export function signatureOf(headers: readonly string[]): string[] {
  return headers.map(headerKey);
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((k, i) => k === y[i]);
}

/** The header row of a grid as the teach UI offers it: the first of its first three rows made of header cells, else the first. */
export function headerRowOf(grid: Grid): number {
  for (let r = 0; r < Math.min(3, grid.rows.length); r++)
    if (grid.rows[r]!.length && grid.rows[r]!.every((c) => c.isHeader)) return r;
  return 0;
}

export interface TaughtTable {
  mapping: TaughtMapping;
  grid: Grid;
  headerRow: number;
  headers: string[];
  /** field -> column index in this grid (found by header text). */
  columns: Record<string, number>;
  rows: Cell[][];
}

/** Column indexes of a mapping in a header row; undefined when a mapped header is missing. */
export function columnsFor(
  mapping: Pick<TaughtMapping, 'columns'>,
  keys: readonly string[],
): Record<string, number> | undefined {
  const columns: Record<string, number> = {};
  for (const c of mapping.columns) {
    const i = keys.indexOf(c.header);
    if (i < 0) return undefined;
    columns[c.field] = i;
  }
  return columns;
}

/** The grids whose header row (among their first three rows) is the mapping's signature, in any column order. */
export function findTaughtTables(grids: readonly Grid[], mapping: TaughtMapping): TaughtTable[] {
  const found: TaughtTable[] = [];
  for (const grid of grids) {
    for (let r = 0; r < Math.min(3, grid.rows.length); r++) {
      const headers = grid.rows[r]!.map((c) => c.text);
      const keys = signatureOf(headers);
      if (!sameKeys(keys, mapping.signature)) continue;
      const columns = columnsFor(mapping, keys);
      if (!columns) continue;
      found.push({ mapping, grid, headerRow: r, headers, columns, rows: dataRows(grid, r, headers) });
      break;
    }
  }
  // one kind of grid: a page that repeats its table as a list for small screens is read once
  return found.filter((t) => t.grid.source === found[0]!.grid.source);
}

/** The first of the mappings (newest first) whose table is on the page. */
export function findTaught(grids: readonly Grid[], mappings: readonly TaughtMapping[]): TaughtTable[] {
  for (const m of mappings) {
    const tables = findTaughtTables(grids, m);
    if (tables.length) return tables;
  }
  return [];
}

/** The page kind a taught table gives: an order table with a status column is an order inquiry. */
export function taughtPageKind(m: Pick<TaughtMapping, 'kind' | 'columns'>): PageKind {
  if (m.kind === 'login-history') return 'login-history';
  return m.columns.some((c) => c.field === 'status') ? 'order-inquiry' : 'trade-history';
}

export interface TaughtRows {
  logins: LoginRow[];
  orders: OrderRow[];
  /** undefined rows: a row could not be read (see the warnings): nothing is kept. */
  ok: boolean;
  warnings: string[];
}

function readRows(
  t: TaughtTable,
  rows: Cell[][],
  doc: Document | undefined,
  url: string,
  warnings: string[],
): { logins: LoginRow[]; orders: OrderRow[] } | undefined {
  if (t.mapping.kind === 'login-history') {
    const table: MappedTable<LoginField> = {
      grid: t.grid,
      headerRow: t.headerRow,
      headers: t.headers,
      columns: t.columns as Partial<Record<LoginField, number>>,
      rows,
    };
    const logins = readLoginRows(table, warnings);
    return logins && { logins, orders: [] };
  }
  const table: OrderTable = { headers: t.headers, columns: t.columns as Partial<Record<OrderField, number>>, rows };
  const pageRegion = doc ? pageRegionOf(doc, url) : undefined;
  const kind = taughtPageKind(t.mapping);
  const orders = readOrderRows(table, warnings, {
    ...(pageRegion ? { pageRegion } : {}),
    ...(kind === 'trade-history' ? { defaultStatus: 'executed' as const } : {}),
  });
  return orders && { logins: [], orders };
}

/** Every row of the taught tables, or none (ok: false) when one row cannot be read. */
export function readTaughtTables(tables: readonly TaughtTable[], doc: Document | undefined, url: string): TaughtRows {
  const warnings: string[] = [];
  const out: TaughtRows = { logins: [], orders: [], ok: true, warnings };
  for (const t of tables) {
    const rows = readRows(t, t.rows, doc, url, warnings);
    if (!rows) return { logins: [], orders: [], ok: false, warnings };
    out.logins.push(...rows.logins);
    out.orders.push(...rows.orders);
  }
  return out;
}

export interface PreviewRow {
  cells: string[];
  login?: LoginRow;
  order?: OrderRow;
  /** Why this row cannot be read (the table would be unreadable). */
  problem?: string;
}

/** The first rows read one by one, for the teach panel's live preview: each row's record or its problem. */
export function previewRows(t: TaughtTable, limit = 5, doc?: Document, url = ''): PreviewRow[] {
  return t.rows.slice(0, limit).map((cells) => {
    const warnings: string[] = [];
    const read = readRows(t, [cells], doc, url, warnings);
    const row: PreviewRow = { cells: cells.map((c) => c.text) };
    if (!read) row.problem = (warnings[warnings.length - 1] ?? 'unreadable').replace(/^row 1: /, '');
    else if (read.logins[0]) row.login = read.logins[0];
    else if (read.orders[0]) row.order = read.orders[0];
    else row.problem = warnings[0] ?? 'skipped';
    return row;
  });
}
