// The teach panel's logic, apart from its DOM (panel.ts) so it is tested on
// its own: which tables can be taught, a first guess of each column's field
// from the built-in vocabulary, the draft mapping, and the live preview read
// by the same applier as the saved mapping (utils/brokers/shared/taught.ts).

import type { BrokerId } from '../brokers/types';
import { dataRows, mapHeaderRow } from '../brokers/shared/columns';
import { LOGIN_VOCAB } from '../brokers/shared/login-history';
import { ORDER_VOCAB } from '../brokers/shared/orders';
import { readGrids, type Grid } from '../brokers/shared/table';
import {
  LOGIN_MAPPING_FIELDS,
  ORDER_MAPPING_FIELDS,
  columnsFor,
  fieldsOf,
  headerRowOf,
  missingFields,
  previewRows,
  signatureOf,
  type MappingKind,
  type PreviewRow,
  type TaughtMapping,
  type TaughtTable,
} from '../brokers/shared/taught';
import type { MappingDraft } from '../store/mappings';

export { fieldsOf, missingFields };
export type { MappingKind };

/** A table the user can pick: a grid with a header row and at least one row under it, and no password field. */
export interface Candidate {
  grid: Grid;
  headerRow: number;
  headers: string[];
  /** Normalised header texts (the mapping's signature). */
  keys: string[];
}

export function candidates(root: ParentNode): Candidate[] {
  const out: Candidate[] = [];
  for (const grid of readGrids(root)) {
    // a login form laid out as a table is never offered (and no field value is ever read)
    if (grid.element.querySelector('input[type="password" i]')) continue;
    const headerRow = headerRowOf(grid);
    const headers = grid.rows[headerRow]!.map((c) => c.text);
    const keys = signatureOf(headers);
    if (headers.length < 2 || grid.rows.length < headerRow + 2) continue;
    // every column needs a header to be named by; long "headers" are layout tables
    if (keys.some((k) => !k || k.length > 60)) continue;
    if (new Set(keys).size !== keys.length) continue;
    out.push({ grid, headerRow, headers, keys });
  }
  return out;
}

/** The built-in vocabulary's guess of each column's field (by header key), limited to the fields teach mode offers. */
export function suggestFields(kind: MappingKind, headers: readonly string[]): Record<string, string> {
  const offered: readonly string[] = kind === 'login-history' ? LOGIN_MAPPING_FIELDS : ORDER_MAPPING_FIELDS;
  const columns =
    kind === 'login-history' ? mapHeaderRow([...headers], LOGIN_VOCAB) : mapHeaderRow([...headers], ORDER_VOCAB);
  const keys = signatureOf(headers);
  const out: Record<string, string> = {};
  for (const [field, i] of Object.entries(columns) as Array<[string, number]>) {
    // `orderAt` is the date column of an order inquiry: offered as `at`
    const f = field === 'orderAt' && columns.at === undefined ? 'at' : field;
    if (offered.includes(f) && keys[i]) out[keys[i]!] = f;
  }
  return out;
}

/** The kind whose vocabulary knows more of the headers (a login history when neither does). */
export function guessKind(headers: readonly string[]): MappingKind {
  const login = Object.keys(suggestFields('login-history', headers)).length;
  const orders = Object.keys(suggestFields('orders', headers)).length;
  return orders > login ? 'orders' : 'login-history';
}

export interface DraftState {
  broker: BrokerId;
  urlPattern: string;
  title?: string;
  kind: MappingKind;
  /** header key -> field ('' for not used). */
  fields: Record<string, string>;
}

export function draftOf(state: DraftState, c: Candidate): MappingDraft {
  const columns = c.keys.filter((k) => state.fields[k]).map((k) => ({ header: k, field: state.fields[k]! }));
  return {
    broker: state.broker,
    urlPattern: state.urlPattern,
    kind: state.kind,
    signature: c.keys,
    columns,
    ...(state.title ? { title: state.title } : {}),
  };
}

/** Fields chosen for two columns (the second one wins nothing: the draft is refused until fixed). */
export function duplicateFields(state: DraftState): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const f of Object.values(state.fields)) {
    if (!f) continue;
    if (seen.has(f)) dup.add(f);
    seen.add(f);
  }
  return [...dup];
}

export interface Preview {
  /** Required fields not mapped yet ('at', 'symbol|name', ...). */
  missing: string[];
  duplicates: string[];
  rows: PreviewRow[];
  /** Data rows in the table (the preview shows the first few). */
  total: number;
  /** Every previewed row reads, nothing is missing: the mapping can be saved. */
  ready: boolean;
}

export function preview(state: DraftState, c: Candidate, doc?: Document, url = '', limit = 5): Preview {
  const draft = draftOf(state, c);
  const missing = missingFields(
    state.kind,
    draft.columns.map((x) => x.field),
  );
  const duplicates = duplicateFields(state);
  const rows = dataRows(c.grid, c.headerRow, c.headers);
  const base = { missing, duplicates, total: rows.length };
  if (missing.length || duplicates.length)
    return { ...base, rows: rows.slice(0, limit).map((r) => ({ cells: r.map((x) => x.text) })), ready: false };
  const mapping: TaughtMapping = { id: 'preview', ...draft };
  const columns = columnsFor(mapping, c.keys)!;
  const table: TaughtTable = { mapping, grid: c.grid, headerRow: c.headerRow, headers: c.headers, columns, rows };
  const read = previewRows(table, limit, doc, url);
  return { ...base, rows: read, ready: read.length > 0 && read.every((r) => !r.problem) };
}

export function initialState(broker: BrokerId, urlPattern: string, c: Candidate, title?: string): DraftState {
  const kind = guessKind(c.headers);
  const suggested = suggestFields(kind, c.headers);
  return {
    broker,
    urlPattern,
    kind,
    fields: Object.fromEntries(c.keys.map((k) => [k, suggested[k] ?? ''])),
    ...(title ? { title } : {}),
  };
}

/** Switching the kind starts the columns again from the vocabulary's guess for that kind. */
export function withKind(state: DraftState, kind: MappingKind, c: Candidate): DraftState {
  const suggested = suggestFields(kind, c.headers);
  return { ...state, kind, fields: Object.fromEntries(c.keys.map((k) => [k, suggested[k] ?? ''])) };
}
