// "Save this page for a report" (issue 12): a page the extension could not read,
// as ONE file the user can attach to a GitHub issue, so a maintainer can fix the
// reader without ever seeing the account. Pure: the caller gives the stored page
// and the functions to parse, redact and read it (the report page uses the
// extension's own; tests and the CLI the same ones).
//
// What the file holds, and nothing else:
//  - the page as stored, through the snapshot redaction (serializePage: input
//    values, scripts, session ids and the like never leave it), and then with the
//    holder's personal text masked (maskPersonal below);
//  - what the reader saw: page kind (read, and hinted by the URL), status,
//    warnings, the tables found with their header cells and row counts, how many
//    records were read;
//  - what the snapshot's own reading said when it was captured;
//  - the extension's version and the time the report was made.
// No network request is made to build or save it.

import type { SerializedPage } from '../capture/serialize';
import { maskDigits, maskText } from '../evidence/mask';
import type { Snapshot } from '../records';
import { urlKind } from '../brokers/shared/read-page';
import { readGrids, type Grid } from '../brokers/shared/table';
import type { BrokerAdapter, PageKind, PageStatus } from '../brokers/types';

export const PAGE_REPORT_KIND = 'kabu-guard-page-report';

export interface PageReportInput {
  snapshot: Pick<Snapshot, 'id' | 'broker' | 'url' | 'capturedAt' | 'charset' | 'pageKind' | 'parse' | 'redactions'>;
  /** The stored page as text. */
  html: string;
  /** When the report is made, JST with offset. */
  createdAt: string;
  extensionVersion: string;
  /** Names the user asks to hide wherever they occur (their own, family members'). */
  extraNames?: readonly string[];
}

export interface PageReportDeps {
  parseHtml(html: string): Document;
  /** The snapshot redaction (utils/capture/serialize.ts), called through its exported function. */
  serializePage(doc: Document): SerializedPage;
  /** The broker's reader; absent for a broker this version no longer has. */
  adapter?: BrokerAdapter;
}

export interface ReportTable {
  /** How the grid was found (table, data-label list, unlabelled list). */
  source: Grid['source'];
  rows: number;
  /** The header cells the reader had to go by: the labels, the first row with header cells, else the first row. */
  header: string[];
}

/** The report file's content (version 1). */
export interface PageReportV1 {
  v: 1;
  kind: typeof PAGE_REPORT_KIND;
  about: { ja: string; en: string };
  createdAt: string;
  extensionVersion: string;
  broker: string;
  /** The page's address: origin, path and ordinary query parameters (no session ids). */
  url: string;
  capturedAt: string;
  /** The page's own charset; `html` below is UTF-8 text. */
  charset: string;
  reading: {
    pageKind: PageKind | null;
    /** The kind the page's address suggests (the broker's URL hints), whatever the content said. */
    urlHint: PageKind | null;
    status: PageStatus | 'no-reader';
    loggedIn: boolean;
    parserVersion: string;
    warnings: string[];
    records: { logins: number; orders: number; holdings: number; accountEvents: number };
    previousLoginBanner: boolean;
    tables: ReportTable[];
  };
  /** What the snapshot's reading said when the page was captured. */
  atCapture: { status: string; parserVersion: string; warnings: string[]; records: number };
  /** What was taken out: the snapshot's redactions, this copy's, and the masking of personal text. */
  redactions: string[];
  html: string;
}

export interface PageReport {
  fileName: string;
  /** The exact bytes the file will hold, as text (shown in the preview before saving). */
  text: string;
  content: PageReportV1;
}

const ABOUT = {
  ja: '株ガードが読み取れなかったページの報告用ファイルです。ページは保存時の伏せ字処理（入力欄の値・スクリプト・セッションIDなどの除去）の後、氏名・口座番号・メールアドレス・電話番号・IPアドレスを伏せています。GitHubのissueに添付する前に、内容をご確認ください。',
  en: 'A page Kabu Guard could not read, saved for a report. The page went through the snapshot redaction (form values, scripts, session ids and the like removed), then names, account numbers, e-mail addresses, phone numbers and IP addresses were masked. Please look through it before attaching it to a GitHub issue.',
};

const MAX_TABLES = 25;
const MAX_CELLS = 30;
const MAX_CELL = 60;
const MAX_WARNINGS = 50;

// -- masking the holder's personal text ------------------------------------

/** A name before an honorific (`山田 太郎 様`, `見本　太郎様 へのご連絡`); group 1 is the name. */
const HONORIFIC =
  /([^\s\u3000、。，,：:（()「『【[\]】』」<>|/・*＊]{1,15}(?:[ \u3000]+[^\s\u3000、。，,：:（()「『【[\]】』」<>|/・*＊]{1,15})?)[ \u3000]*(?:様(?![式子々])|さま|殿)/g;
/** Words before 様 that are not a person's name. */
const NOT_A_NAME =
  /^(?:お客|皆|みな|各位|ご利用者|利用者|会員|ご本人|本人|ご契約者|契約者|お得意|得意|ご担当者|担当者)$/;
/** SBI-style account numbers (`Z12-1234567`, docs/brokers.md "Real samples"). */
const LETTER_ACCOUNT = /(?<![A-Za-z0-9])[A-Z]\d{2}[-－‐]\d{7}(?!\d)/g;
const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])/g;
const IPV6_CANDIDATE = /(?<![0-9A-Fa-f:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Fa-f:.])/g;

/** Eight groups, or fewer with one `::` (a time like `02:41:05` is neither). */
function isIpv6(s: string): boolean {
  const parts = s.split(':');
  const gaps = s.split('::').length - 1;
  if (gaps > 1 || !/[0-9A-Fa-f]/.test(s)) return false;
  return gaps === 1 ? parts.length <= 8 : parts.length === 8 && parts.every((p) => p.length > 0);
}

/**
 * Masks the holder's personal text: names before 様 and the names the user
 * typed, account numbers, e-mail addresses, phone numbers (utils/evidence/mask.ts),
 * and IP addresses, each replaced by a documentation address (192.0.2.N,
 * 2001:db8::N) so that the same address stays the same and a reader still
 * sees an address. Dates, times, amounts and stock names are kept: they are
 * what a reader has to read.
 */
export function personalMasker(extraNames: readonly string[] = []): (text: string) => string {
  const ips = new Map<string, string>();
  const placeholder = (ip: string, v6: boolean) => {
    let p = ips.get(ip);
    if (!p) {
      p = v6 ? `2001:db8::${ips.size + 1}` : `192.0.2.${(ips.size % 254) + 1}`;
      ips.set(ip, p);
    }
    return p;
  };
  return (text: string) => {
    if (!text || !/\S/.test(text)) return text;
    let s = maskText(text, { accountNumbers: true, names: true, extraNames: [...extraNames] });
    s = s.replace(LETTER_ACCOUNT, (a) => maskDigits(a));
    s = s.replace(IPV4, (ip) => (/^192\.0\.2\.\d+$/.test(ip) ? ip : placeholder(ip, false)));
    s = s.replace(IPV6_CANDIDATE, (ip) => (!isIpv6(ip) || /^2001:db8::/i.test(ip) ? ip : placeholder(ip, true)));
    s = s.replace(HONORIFIC, (all, name: string) =>
      NOT_A_NAME.test(name.trim()) || /^＊+$/.test(name.trim()) ? all : all.replace(name, '＊＊＊＊'),
    );
    return s;
  };
}

/** Every text node and attribute value of the document, masked in place. */
function maskDocument(doc: Document, mask: (s: string) => string): void {
  const visit = (node: Node): void => {
    if (node.nodeType === 3 || node.nodeType === 4) {
      const v = node.nodeValue ?? '';
      const m = mask(v);
      if (m !== v) node.nodeValue = m;
      return;
    }
    if (node.nodeType === 1) {
      const el = node as Element;
      for (const name of el.getAttributeNames()) {
        const v = el.getAttribute(name) ?? '';
        const m = mask(v);
        if (m !== v) el.setAttribute(name, m);
      }
    }
    for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
  };
  if (doc.documentElement) visit(doc.documentElement);
}

// -- what the reader saw -----------------------------------------------------

const clip = (s: string) => (s.length > MAX_CELL ? `${s.slice(0, MAX_CELL)}…` : s);

function headerOf(g: Grid): string[] {
  if (g.labels?.length) return g.labels;
  const row = g.rows.find((r) => r.some((c) => c.isHeader)) ?? g.rows[0] ?? [];
  return row.map((c) => c.text);
}

function tablesOf(doc: Document, mask: (s: string) => string): ReportTable[] {
  return readGrids(doc)
    .slice(0, MAX_TABLES)
    .map((g) => ({
      source: g.source,
      rows: g.rows.length,
      header: headerOf(g)
        .slice(0, MAX_CELLS)
        .map((h) => clip(mask(h))),
    }));
}

/** The page's address through the same redaction as its links (a link's href), with the snapshot's origin. */
function redactedUrl(url: string, deps: PageReportDeps, mask: (s: string) => string): string {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return '';
  }
  const probe = deps.parseHtml(`<!DOCTYPE html><html><body><a href="${escapeAttr(url)}">x</a></body></html>`);
  const href = deps.parseHtml(deps.serializePage(probe).html).querySelector('a')?.getAttribute('href') ?? '';
  try {
    const u = new URL(href, origin);
    return mask(u.origin === origin ? u.toString() : origin + '/');
  } catch {
    return origin + '/';
  }
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function stamp(iso: string): string {
  return iso.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

const EMPTY_PAGE = '<!DOCTYPE html><html><head></head><body></body></html>';

export function buildPageReport(input: PageReportInput, deps: PageReportDeps): PageReport {
  const { snapshot } = input;
  const mask = personalMasker(input.extraNames);
  // a stored body that parses to no document at all (empty, junk) is reported as an empty page
  const parse = (html: string) => {
    const doc = deps.parseHtml(html);
    return doc.documentElement ? doc : deps.parseHtml(EMPTY_PAGE);
  };

  // the page through the snapshot redaction (a snapshot kept by an older version went through an older one),
  // so that what the reader saw is read from what the file holds, and holds nothing more
  const redacted = deps.serializePage(parse(input.html));
  const readDoc = parse(redacted.html);
  const r = deps.adapter?.readPage(readDoc, snapshot.url);
  const tables = tablesOf(readDoc, mask);

  // the copy: the holder's personal text masked, then the redaction again (masking keeps the allow-list's shape)
  const copyDoc = parse(redacted.html);
  maskDocument(copyDoc, mask);
  const copy = deps.serializePage(copyDoc);

  const content: PageReportV1 = {
    v: 1,
    kind: PAGE_REPORT_KIND,
    about: ABOUT,
    createdAt: input.createdAt,
    extensionVersion: input.extensionVersion,
    broker: snapshot.broker,
    url: redactedUrl(snapshot.url, deps, mask),
    capturedAt: snapshot.capturedAt,
    charset: snapshot.charset,
    reading: {
      pageKind: r ? r.pageKind : snapshot.pageKind,
      urlHint: deps.adapter ? urlKind(snapshot.url, deps.adapter.urlHints) : null,
      status: r ? r.status : 'no-reader',
      loggedIn: r?.loggedIn ?? false,
      parserVersion: r?.parserVersion ?? snapshot.parse.parserVersion,
      warnings: (r?.warnings ?? []).slice(0, MAX_WARNINGS).map(mask),
      records: {
        logins: r?.logins.length ?? 0,
        orders: r?.orders.length ?? 0,
        holdings: r?.holdings?.length ?? 0,
        accountEvents: r?.accountEvents?.length ?? 0,
      },
      previousLoginBanner: !!r?.previousLogin,
      tables,
    },
    atCapture: {
      status: snapshot.parse.status,
      parserVersion: snapshot.parse.parserVersion,
      warnings: snapshot.parse.warnings.slice(0, MAX_WARNINGS).map(mask),
      records: snapshot.parse.records,
    },
    redactions: [
      ...new Set([...snapshot.redactions, ...redacted.redactions, ...copy.redactions, 'personal-text']),
    ].sort(),
    html: copy.html,
  };
  return {
    fileName: `kabu-guard-page-report-${snapshot.broker}-${stamp(input.createdAt)}.json`,
    text: `${JSON.stringify(content, null, 2)}\n`,
    content,
  };
}

/** A report file read back (npm run analyze): its page and address, or undefined when it is not one. */
export function readPageReportFile(text: string): Pick<PageReportV1, 'html' | 'url' | 'broker'> | undefined {
  try {
    const o = JSON.parse(text) as Partial<PageReportV1>;
    if (o?.kind !== PAGE_REPORT_KIND || typeof o.html !== 'string') return undefined;
    return { html: o.html, url: typeof o.url === 'string' ? o.url : '', broker: String(o.broker ?? '') };
  } catch {
    return undefined;
  }
}
