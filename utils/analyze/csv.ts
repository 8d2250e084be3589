// The CSV branch of the analyzer (broker trade-history exports, issue 3):
// the same pure reader as the extension's import (utils/import/read-csv.ts).

import { brokerOfCsvFormat } from '../brokers/registry';
import { readCsvFile } from '../import/read-csv';
import type { AnalyzeResult } from './result';
import { unsupported } from './result';

export interface CsvInput {
  name: string;
  bytes: Uint8Array;
  url?: string;
}

export function analyzeCsv(input: CsvInput): AnalyzeResult {
  const base = input.name.split(/[\\/]/).pop() || input.name;
  const r = readCsvFile(input.bytes, base);
  if (!r.format) return unsupported(input.name, r.refusal?.en ?? 'not a known CSV format');
  // a format no declared broker claims (Monex) is read, but has no broker id yet
  const broker = brokerOfCsvFormat(r.format.id) ?? null;
  const warnings = [`format: ${r.format.id}`, ...r.warnings];
  const orders = r.orders.map(({ raw, ...fields }) => ({ ...fields, raw }));
  return {
    file: input.name,
    broker,
    url: null,
    pageKind: 'trade-history',
    status: r.status,
    logins: [],
    orders,
    holdings: [],
    accountEvents: [],
    warnings,
  };
}
