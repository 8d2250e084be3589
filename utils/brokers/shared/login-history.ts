// The shared login-history reader. The real pages of Rakuten and SBI are not
// public (brokers.md §1.4, §2.5, §6), so a page is recognised by what it says:
// a heading naming a login history, or a table whose headers mean a login
// time plus something a login history shows (IP, environment, channel, result).

import type { LoginRow } from '../types';
import { cellOf, findTables, mapHeaderRow, rawOf, type MappedTable, type Vocabulary } from './columns';
import { parseJstDateTime } from './dates';
import { headingText, pageText } from './page-state';
import { readGrids, type Grid } from './table';
import { cleanText, headerKey, normalizeText } from './text';
import { rowContent } from './row-content';
import { isOrderTable, ORDER_VOCAB } from './orders';

export type LoginField =
  'at' | 'date' | 'time' | 'ip' | 'environment' | 'os' | 'browser' | 'userAgent' | 'channel' | 'result' | 'location';

export const LOGIN_VOCAB: Vocabulary<LoginField> = {
  at: {
    exact: [
      'ログイン日時',
      'アクセス日時',
      '日時',
      '接続日時',
      'ご利用日時',
      '利用日時',
      'ログイン時刻',
      'ログイン日時(日本時間)',
      '日時(日本時間)',
    ],
    contains: ['ログイン日時', 'アクセス日時', '日時'],
    // 前回ログイン日時 is the one-login box on every Rakuten page (rakuten/fixtures/home.html), not a history
    not: ['約定', '注文', '受渡', '発注', '入金', '出金', '変更', '前回', 'メンテナンス'],
  },
  date: { exact: ['日付', 'ログイン日', 'アクセス日'], not: ['約定', '注文', '受渡', '前回'] },
  time: { exact: ['時刻', '時間', 'ログイン時間', 'アクセス時刻'] },
  ip: {
    exact: ['IPアドレス', 'IP', 'IP Address', '接続元IPアドレス', 'アクセス元IPアドレス', 'グローバルIPアドレス'],
    contains: ['ipアドレス'],
  },
  userAgent: {
    exact: ['ユーザーエージェント', 'ユーザエージェント', 'User-Agent', 'UserAgent', 'UA', 'ブラウザ情報'],
    contains: ['エージェント'],
  },
  os: { exact: ['OS', 'OS名', 'オペレーティングシステム', 'OS・バージョン'] },
  browser: { exact: ['ブラウザ', 'ブラウザー', 'ブラウザ名', 'ブラウザ・バージョン'] },
  environment: {
    exact: [
      'ご利用環境',
      '利用環境',
      '接続環境',
      'ご利用端末',
      '利用端末',
      '端末',
      '端末情報',
      'デバイス',
      '機種',
      'ご利用機器',
      'OS/ブラウザ',
      'OS・ブラウザ',
    ],
    contains: ['環境', '端末'],
  },
  channel: {
    exact: [
      'ログイン方法',
      '経路',
      'チャネル',
      'チャンネル',
      'ログイン経路',
      'アクセス方法',
      'アクセス経路',
      'ご利用サービス',
      'ログイン元',
      '媒体',
      'ログイン区分',
      'サービス',
      '区分',
    ],
    contains: ['ログイン方法', '経路', 'チャネル'],
  },
  result: { exact: ['結果', 'ログイン結果', '認証結果', '状態', 'ステータス', '成否', '可否'], contains: ['結果'] },
  location: {
    exact: ['場所', '地域', '国', '国・地域', 'アクセス元', '接続元', '所在地', '推定地域', 'アクセス地域'],
    contains: ['地域'],
  },
};

const SIGNAL_FIELDS: LoginField[] = [
  'ip',
  'environment',
  'os',
  'browser',
  'userAgent',
  'channel',
  'result',
  'location',
];

const HEADING_RE = /ログイン履歴|ログイン日時履歴|ログイン記録|アクセス履歴|ログイン状況|Login\s*History/i;
const EMPTY_RE = /(履歴|データ|該当|ログイン|記録|情報).{0,15}(ありません|ございません|存在しません|見つかりません)/;

const UA_RE = /Mozilla\/|AppleWebKit|Chrome\/\d|Safari\/\d|Gecko\/|Firefox\/\d|Edg\/\d|CFNetwork|Dalvik\//;
const CHANNEL_RE =
  /^(PC|パソコン|スマートフォン|スマホ|タブレット|携帯|モバイル|iSPEED|アプリ|他社サービス|API|Web|WEB|ブラウザ)|アプリ|サービスから|iSPEED|SBI証券 株/;
const IPV4_RE = /^\d{1,3}(?:\.\d{1,3}){3}$/;
// candidate address tokens; each is then validated (a time like 12:07:36 is not an address)
const ADDRESS_TOKEN_RE = /(?<![0-9a-z])[0-9a-f:.]+(?![0-9a-z])/gi;
// `Windows / Chrome 132`, `iOS／Safari`: one ご利用環境 cell holding OS and browser (sbi/fixtures/login-history-new.html)
const OS_SLASH_BROWSER_RE =
  /^((?:Windows|mac ?OS(?: X)?|Mac|iOS|iPadOS|Android|Linux|Chrome ?OS|ChromeOS)(?: ?[\d.]+)?) ?[/／|｜] ?(\S.*)$/i;
const FAILURE_RE = /失敗|エラー|NG|不可|拒否|ロック|誤り|不一致|無効|×|不正|ブロック|制限/;
const SUCCESS_RE = /成功|正常|OK|完了|ログイン|○|許可/;

export interface LoginHistoryReading {
  /** Does this page present itself as a login history? */
  recognised: boolean;
  status: 'ok' | 'empty' | 'unreadable' | 'absent';
  logins: LoginRow[];
  warnings: string[];
}

function isIpv4(token: string): boolean {
  return IPV4_RE.test(token) && token.split('.').every((o) => Number(o) <= 255);
}

function isIpv6(token: string): boolean {
  if (!/[0-9a-f]/i.test(token) || (token.match(/:/g)?.length ?? 0) < 2) return false;
  try {
    // the URL parser is the one IPv6 grammar every runtime ships
    return new URL(`http://[${token}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

/** The first IPv4 or IPv6 address in a cell, and what else the cell says (a place, a note). */
export function extractIp(text: string): { ip: string; rest: string } | undefined {
  const t = normalizeText(text);
  // the usual cell: one IPv4 address and nothing else
  if (isIpv4(t)) return { ip: t, rest: '' };
  for (const m of t.matchAll(ADDRESS_TOKEN_RE)) {
    const token = m[0].replace(/^[.]+|[.]+$/g, '');
    if (!isIpv4(token) && !isIpv6(token)) continue;
    const start = m.index! + m[0].indexOf(token);
    const rest = (t.slice(0, start) + t.slice(start + token.length))
      .replace(/^[\s()（）/／,、-]+|[\s()（）/／,、-]+$/g, '')
      .trim();
    return { ip: token.toLowerCase(), rest };
  }
  return undefined;
}

function classifyEnvironment(value: string, row: Partial<LoginRow>): void {
  if (!value) return;
  const split = OS_SLASH_BROWSER_RE.exec(value);
  if (UA_RE.test(value)) row.userAgent ??= value;
  else if (split && row.os === undefined && row.browser === undefined) {
    row.os = split[1]!.trim();
    row.browser = split[2]!.trim();
  } else if (CHANNEL_RE.test(normalizeText(value)) && row.channel === undefined) row.channel = value;
  else row.device ??= value;
}

function readResult(text: string | undefined, warnings: string[]): 'success' | 'failure' {
  const t = normalizeText(text);
  if (!t) return 'success';
  if (FAILURE_RE.test(t)) return 'failure';
  if (SUCCESS_RE.test(t)) return 'success';
  warnings.push(`result-unknown: ${t.slice(0, 40)}`);
  return 'success';
}

function isLoginTable(t: MappedTable<LoginField>, headingSays: boolean): boolean {
  const hasTime = t.columns.at !== undefined || t.columns.date !== undefined;
  if (!hasTime) return false;
  const signals = SIGNAL_FIELDS.filter((f) => t.columns[f] !== undefined);
  if (signals.length === 0) return false;
  // an order table's 受付日時 and 状態 are not a login's time and result (matsui/fixtures/orders-inquiry.html)
  if (isOrderTable(mapHeaderRow(t.headers, ORDER_VOCAB))) return false;
  const atHeader = headerKey(t.headers[t.columns.at ?? t.columns.date ?? 0] ?? '');
  const loginWords = /ログイン|アクセス|接続/.test(atHeader);
  // a generic 日時 + 区分 table (deposits, notices) is not a login history
  // unless the page says so or the columns are unmistakable
  const strongSignal = signals.some((f) => f === 'ip' || f === 'userAgent' || f === 'result');
  return headingSays || loginWords || strongSignal;
}

const TAKEN_AS_SHOWN = ['channel', 'os', 'browser', 'userAgent', 'location'] as const;

/**
 * `partial`: keep the rows that read and name the others in the warnings (a
 * page); otherwise one bad row fails the table (a taught preview). Undefined
 * when no row could be read.
 */
export function readLoginRows(t: MappedTable<LoginField>, warnings: string[], partial = false): LoginRow[] | undefined {
  const out: LoginRow[] = [];
  let failed = 0;
  for (const [i, cells] of t.rows.entries()) {
    const atText = cellOf(t, cells, 'at') ?? '';
    const dateText = cellOf(t, cells, 'date');
    const timeText = cellOf(t, cells, 'time');
    const when = parseJstDateTime(
      dateText !== undefined && !parseJstDateTime(atText)
        ? `${dateText} ${timeText ?? ''}`
        : atText && timeText && !/\d:\d/.test(atText)
          ? `${atText} ${timeText}`
          : atText,
    );
    if (!when || when.dateOnly) {
      failed++;
      const why = `no login time in "${(atText || dateText || '').slice(0, 40)}"`;
      warnings.push(partial ? `row ${i + 1} not read (${why}): ${rowContent(cells)}` : `row ${i + 1}: ${why}`);
      if (!partial) return undefined; // never half records
      continue;
    }
    const row: LoginRow = {
      at: when.iso,
      result: readResult(cellOf(t, cells, 'result'), warnings),
      raw: rawOf(t, cells),
    };
    const ipCell = cellOf(t, cells, 'ip');
    if (ipCell) {
      const found = extractIp(ipCell);
      if (found) {
        row.ip = found.ip;
        if (found.rest && t.columns.location === undefined) row.location = found.rest;
      } else if (normalizeText(ipCell) && !/^-+$/.test(normalizeText(ipCell))) {
        warnings.push(`row ${i + 1}: not an IP address: "${ipCell.slice(0, 40)}"`);
      }
    }
    for (const f of TAKEN_AS_SHOWN) {
      const v = cleanText(cellOf(t, cells, f));
      if (v && !/^-+$/.test(v)) row[f] = v;
    }
    const env = cleanText(cellOf(t, cells, 'environment'));
    if (env && !/^-+$/.test(env)) classifyEnvironment(env, row);
    out.push(row);
  }
  return failed > 0 && out.length === 0 ? undefined : out;
}

export interface LoginTables {
  /** The page's headings name a login history. */
  headingSays: boolean;
  /** The tables to read: those of the most specific login-table shape. */
  tables: MappedTable<LoginField>[];
}

/** Which tables of a page are its login history (no rows read): shared by the reader and the page side (sense-page.ts). */
export function findLoginTables(grids: Grid[], heading: string): LoginTables {
  const headingSays = HEADING_RE.test(heading);
  const tables = findTables(grids, LOGIN_VOCAB, [], 2).filter((t) => isLoginTable(t, headingSays));
  if (tables.length === 0) return { headingSays, tables };
  // a page may split its history over several tables of the same shape; other
  // shapes (a responsive duplicate, a summary box) are not read twice
  const signature = (t: MappedTable<LoginField>) => Object.keys(t.columns).sort().join(',');
  const best = signature(tables[0]!);
  return {
    headingSays,
    tables: tables.filter((x) => signature(x) === best && x.grid.source === tables[0]!.grid.source),
  };
}

/** `heading`: headingText(doc), when the caller has it already. */
export function readLoginHistory(
  doc: Document,
  grids: Grid[] = readGrids(doc),
  heading: string = headingText(doc),
): LoginHistoryReading {
  const warnings: string[] = [];
  const { headingSays, tables } = findLoginTables(grids, heading);
  if (tables.length === 0) {
    if (!headingSays) return { recognised: false, status: 'absent', logins: [], warnings };
    if (EMPTY_RE.test(pageText(doc))) return { recognised: true, status: 'empty', logins: [], warnings };
    warnings.push('login-history heading found, but no table with a login time and login details');
    return { recognised: true, status: 'unreadable', logins: [], warnings };
  }
  const logins: LoginRow[] = [];
  for (const t of tables) {
    const rows = readLoginRows(t, warnings, true);
    if (!rows) return { recognised: true, status: 'unreadable', logins: [], warnings };
    logins.push(...rows);
  }
  return { recognised: true, status: logins.length ? 'ok' : 'empty', logins, warnings };
}
