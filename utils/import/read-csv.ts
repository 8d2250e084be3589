// From a CSV file to a PageReading, pure: decode (Shift_JIS / cp932, UTF-8
// with or without BOM), tokenize, detect the format by header line and file
// name, read. The same function reads a fresh import and a stored import
// snapshot (utils/capture/ingest.ts), so a rebuild gives the same records.

import type { BrokerId, PageReading } from '../brokers/types';
import { decodeBytes } from '../capture/decode';
import { parseCsv } from './csv';
import { headerRowOf, type CsvFormat, type CsvReading } from './format';
import { monex } from './monex';
import { okasanYakujo } from './okasan-yakujo';
import { rakutenTradeHistory } from './rakuten-tradehistory';
import { sbiSaveFile } from './sbi-savefile';
import { sbiYakujo } from './sbi-yakujo';

export const CSV_FORMATS: readonly CsvFormat[] = [rakutenTradeHistory, sbiSaveFile, sbiYakujo, monex, okasanYakujo];
export const CSV_PARSER_VERSION = 'csv/2026.11.1';

export interface CsvFileReading extends CsvReading {
  format: CsvFormat | undefined;
  charset: string;
  /** Why a file was refused, naming the formats expected. */
  refusal?: { ja: string; en: string };
}

/** Formats whose header words the file has; one whose file name also matches comes first. */
export function detectFormat(rows: string[][], fileName: string): CsvFormat | undefined {
  const byHeader = CSV_FORMATS.filter((f) => f.signature.some((sig) => headerRowOf(rows, sig) !== undefined));
  return byHeader.find((f) => f.fileName.test(fileName)) ?? byHeader[0];
}

export function expectedFormats(lang: 'ja' | 'en'): string {
  return CSV_FORMATS.map((f) => f.label[lang]).join(lang === 'ja' ? '、' : ', ');
}

export function readCsvFile(bytes: Uint8Array, fileName: string, declaredCharset?: string): CsvFileReading {
  const decoded = decodeBytes(bytes, declaredCharset, 'text');
  const rows = parseCsv(decoded.text);
  const format = detectFormat(rows, fileName);
  if (!format) {
    return {
      status: 'unreadable',
      orders: [],
      headerRow: -1,
      format,
      charset: decoded.charset,
      warnings: [`not a known CSV format: ${fileName}`],
      refusal: {
        ja: `「${fileName}」は読み取れる形式のCSVではありません。読み取れるのは次の形式です: ${expectedFormats('ja')}。`,
        en: `"${fileName}" is not a CSV format this extension reads. Expected: ${expectedFormats('en')}.`,
      },
    };
  }
  const reading = format.read(rows, fileName);
  const out: CsvFileReading = { ...reading, format, charset: decoded.charset };
  if (reading.status === 'unreadable') {
    out.refusal = {
      ja: `「${fileName}」は${format.label.ja}のようですが、読み取れない行がありました（${reading.warnings.slice(-1)[0] ?? ''}）。何も保存していません。`,
      en: `"${fileName}" looks like ${format.label.en}, but a row could not be read (${reading.warnings.slice(-1)[0] ?? ''}). Nothing was stored.`,
    };
  }
  return out;
}

/** A stored import snapshot read again (ingest's readStored dispatches here on text/csv). */
export function readCsvSnapshot(
  snapshot: { broker: BrokerId; fileName?: string; charset: string; url: string },
  bytes: Uint8Array,
): PageReading {
  const r = readCsvFile(bytes, snapshot.fileName ?? snapshot.url, snapshot.charset);
  return {
    broker: snapshot.broker,
    pageKind: 'trade-history',
    status: r.status,
    loggedIn: false,
    logins: [],
    orders: r.status === 'unreadable' ? [] : r.orders,
    warnings: r.warnings,
    parserVersion: `${CSV_PARSER_VERSION}/${r.format?.id ?? 'unknown'}`,
  };
}
