// What a CSV format is: a file-name shape, the header words that identify it,
// and a pure reader from rows to OrderRows through the shared order reader
// (utils/brokers/shared/orders.ts), so a CSV row and a page row of the same
// trade read the same.

import type { MarketRegion } from '../brokers/shared/markets';
import { findOrderHeader, readOrderRows, type OrderField } from '../brokers/shared/orders';
import { headerKey } from '../brokers/shared/text';
import type { OrderRow } from '../brokers/types';
import { isBlankRow } from './csv';

export interface CsvReading {
  status: 'ok' | 'empty' | 'unreadable';
  orders: OrderRow[];
  warnings: string[];
  /** Index of the header row (after the preamble). */
  headerRow: number;
}

/** Whose exports a format reads is declared by the broker (`csvFormats` in utils/brokers/<id>/broker.ts). */
export interface CsvFormat {
  id: string;
  /** Shown when a file is refused: which files are expected. */
  label: { ja: string; en: string };
  fileName: RegExp;
  /** Header words that identify the format: all words of one of these lists. */
  signature: string[][];
  read(rows: string[][], fileName: string): CsvReading;
}

/** The first row (of the first 40) that has every word of `signature` as a header (NFKC: ［］ = []). */
export function headerRowOf(rows: string[][], signature: string[]): number | undefined {
  const want = signature.map(headerKey);
  for (let r = 0; r < Math.min(40, rows.length); r++) {
    const keys = new Set(rows[r]!.map(headerKey));
    if (want.every((w) => keys.has(w))) return r;
  }
  return undefined;
}

export interface GenericOptions {
  pageRegion?: MarketRegion;
  /** Read this column as a combined instrument cell (SBI yakujo: `ペプシコ PEP / NASDAQ` in 銘柄名). */
  instrumentIs?: OrderField;
}

/** Header by meaning, then every row after it; a footer of blank rows ends the table. */
export function readOrderCsv(rows: string[][], signature: string[], opts: GenericOptions = {}): CsvReading {
  const warnings: string[] = [];
  const at = headerRowOf(rows, signature);
  const found = at === undefined ? undefined : findOrderHeader(rows.slice(at, at + 1), 1);
  if (at === undefined || !found) {
    return {
      status: 'unreadable',
      orders: [],
      warnings: ['no header row with a date, buy/sell, instrument and quantity'],
      headerRow: -1,
    };
  }
  const headers = rows[at]!;
  const columns = { ...found.columns };
  if (opts.instrumentIs && columns[opts.instrumentIs] !== undefined) {
    columns.instrument = columns[opts.instrumentIs];
    delete columns[opts.instrumentIs];
  }
  const body: string[][] = [];
  for (const row of rows.slice(at + 1)) {
    if (isBlankRow(row)) {
      if (body.length) break;
      continue;
    }
    body.push(row);
  }
  const orders = readOrderRows({ headers, columns, rows: body.map((r) => r.map((text) => ({ text }))) }, warnings, {
    defaultStatus: 'executed',
    ...(opts.pageRegion ? { pageRegion: opts.pageRegion } : {}),
  });
  if (!orders) return { status: 'unreadable', orders: [], warnings, headerRow: at };
  return { status: orders.length ? 'ok' : 'empty', orders, warnings, headerRow: at };
}
