// Saved pages in, readings out: bytes + file name (+ URL if known) -> one
// AnalyzeResult. Pure (no file system), so cli/analyze.ts stays a thin shell
// and the same procedure can be tested without spawning it.
//
// Dispatch: `.csv` -> analyzeCsv; MHTML (by name or content) -> its HTML part;
// everything else is read as an HTML page in whatever charset it is in.
// The broker comes from the URL (given, or found in the file); failing that,
// from what the page says about itself (name, links), failing that, from
// which adapter can read it.

import { brokerForUrl, BROKERS } from '../brokers';
import { stripSessionIds } from '../brokers/shared/url';
import type { BrokerAdapter, PageReading, PageStatus } from '../brokers/types';
import { decodeBytes } from '../capture/decode';
import { parseHtml } from '../dom/parse-html';
import { readPageReportFile } from '../report/page-report';
import { brokersByContent, firmsByContent } from './broker-by-content';
import { analyzeCsv } from './csv';
import { pageRefusal } from './limits';
import { isMhtml, readMhtml } from './mhtml';
import { savedPageUrl } from './page-url';
import { fromReading, unsupported, type AnalyzeResult } from './result';

export interface SavedFile {
  /** The file's name or path, reported back as `file`. */
  name: string;
  bytes: Uint8Array;
  /** The page's URL when the user knows it (`--url`); wins over anything found in the file. */
  url?: string;
}

const PREFERENCE: PageStatus[] = ['ok', 'empty', 'unreadable', 'not-logged-in', 'maintenance', 'unsupported'];
const rank = (r: PageReading) => PREFERENCE.indexOf(r.status);

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 80);
  }
}

/**
 * One file, one result: whatever the file holds, a result with a reason comes
 * back instead of an exception, so one bad file never stops a run of many
 * (issue 11 defect 9).
 */
export function analyzeSavedFile(input: SavedFile): AnalyzeResult {
  try {
    return analyze(input);
  } catch (e) {
    return unsupported(input.name, `could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function analyze(input: SavedFile): AnalyzeResult {
  const { name } = input;
  if (/\.csv$/i.test(name)) return analyzeCsv(input);
  const tooBig = pageRefusal(input.bytes.length);
  if (tooBig) return unsupported(name, tooBig);

  let bytes = input.bytes;
  let charset: string | undefined;
  let url = input.url;
  const warnings: string[] = [];
  if (/\.json$/i.test(name)) {
    // a page saved for a report by the extension (utils/report/page-report.ts)
    const report = readPageReportFile(new TextDecoder().decode(bytes));
    if (!report) return unsupported(name, 'not a Kabu Guard page report');
    bytes = new TextEncoder().encode(report.html);
    charset = 'utf-8';
    url ??= report.url || undefined;
  } else if (/\.mht(ml)?$/i.test(name) || isMhtml(bytes)) {
    const page = readMhtml(bytes);
    if (!page) return unsupported(name, 'MHTML file without an HTML part');
    bytes = page.bytes;
    charset = page.charset;
    url ??= page.url;
    if (page.truncated) warnings.push('the MHTML file is truncated: read as far as it goes');
  }

  const { text } = decodeBytes(bytes, charset);
  if (!/<(?:!doctype|html|head|body|table)\b/i.test(text.slice(0, 100_000)))
    return unsupported(name, 'not an HTML page');
  const tooDeep = pageRefusal(bytes.length, text);
  if (tooDeep) return unsupported(name, tooDeep);
  const doc = parseHtml(text);
  url ??= savedPageUrl(text, doc);
  const shownUrl = url ? stripSessionIds(url) : null;

  const evidence = brokersByContent(doc);
  const byUrl = url ? brokerForUrl(url) : undefined;
  if (byUrl) {
    const other = evidence[0];
    if (
      other &&
      other.adapter.id !== byUrl.id &&
      other.score > (evidence.find((e) => e.adapter.id === byUrl.id)?.score ?? 0)
    ) {
      warnings.push(`the URL is ${byUrl.id}'s, but the page content names ${other.adapter.id}`);
    }
    return fromReading(name, shownUrl, byUrl.readPage(doc, url!), warnings);
  }
  warnings.push(
    url ? `not a logged-in page of a supported broker: ${hostOf(url)}` : 'no URL given or found in the file',
  );

  const top = evidence[0];
  if (top && (evidence.length === 1 || top.score > evidence[1]!.score)) {
    warnings.push(`broker identified by page content: ${top.adapter.id}`);
    return fromReading(name, shownUrl, top.adapter.readPage(doc, url ?? ''), warnings);
  }

  // nothing names a declared broker: keep the reading of the adapter that reads it best, if only one does
  // (unless the page names a broker without an adapter: then it is that broker's page, read by the shared readers)
  const named = evidence.length === 0 && firmsByContent(doc).length > 0;
  const readings = (evidence.length ? evidence.map((e) => e.adapter) : BROKERS).map((a: BrokerAdapter) =>
    a.readPage(doc, url ?? ''),
  );
  readings.sort((a, b) => rank(a) - rank(b));
  const best = readings[0]!;
  if (!named && readings.filter((r) => rank(r) === rank(best)).length === 1) {
    warnings.push(`broker identified by which reader could read the page: ${best.broker}`);
    return fromReading(name, shownUrl, best, warnings);
  }
  const firm = firmsByContent(doc)[0]?.firm;
  if (firm) warnings.push(`the page names ${firm.ja} (${firm.key}), a broker without an adapter yet`);
  else warnings.push('broker not identified: the page names no broker');
  return { ...fromReading(name, shownUrl, best, warnings), broker: null };
}

export type { AnalyzeResult } from './result';
