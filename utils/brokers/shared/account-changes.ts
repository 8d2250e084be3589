// The account-change reader (Rakuten お客様情報変更履歴, `acc_info_change_lst.do`,
// brokers.md §1.2). Takeovers change the e-mail address and notification
// settings so the owner stops hearing about logins, register a new withdrawal
// bank account, or open the foreign-stock account needed for HK buys. The page's
// markup is not public: it is recognised by heading and by a table of a change
// time plus what changed.

import type { AccountEventRow, PageKind } from '../types';
import { mapHeaderRow, type Vocabulary } from './columns';
import { parseJstDateTime } from './dates';
import { pageText } from './page-state';
import type { Grid } from './table';
import { rowContent } from './row-content';
import { cleanText, headerKey, normalizeText } from './text';

export type AccountChangeField = 'at' | 'item' | 'detail' | 'channel' | 'status';

export const ACCOUNT_CHANGE_VOCAB: Vocabulary<AccountChangeField> = {
  at: {
    exact: ['変更日時', '受付日時', '変更日', '手続日時', 'お手続き日時', '申込日時', '受付日', '日時', '変更受付日時'],
    contains: ['変更日', '受付日', '手続日', '日時'],
  },
  item: {
    exact: ['変更内容', '変更項目', '項目', '手続内容', 'お手続き内容', '内容', 'お手続き', '手続き名', '変更区分'],
    contains: ['変更内容', '変更項目', '手続'],
  },
  // after 変更項目 has claimed `item`, a 変更内容 column is its detail
  detail: { exact: ['詳細', '変更後', '備考', '変更後の内容', '変更内容'], contains: ['変更後', '詳細'] },
  channel: {
    exact: ['受付方法', '受付経路', '経路', '手続方法', '受付チャネル', 'お手続き方法', '申込方法'],
    contains: ['経路', '方法'],
  },
  status: { exact: ['状態', '受付状況', 'ステータス', '処理状況'], contains: ['状況'] },
};

export const ACCOUNT_CHANGE_KINDS = [
  'email',
  'notification-settings',
  'withdrawal-bank-account',
  'foreign-stock-account',
  'document-consent',
  'address',
  'phone',
  'password',
  'security-settings',
  'name',
  'other',
] as const;
export type AccountChangeKind = (typeof ACCOUNT_CHANGE_KINDS)[number];

/** Ordered: the first that matches wins (メール通知 is a notification setting, not an e-mail change). */
const KIND_WORDS: Array<{ re: RegExp; kind: AccountChangeKind }> = [
  // 外国証券取引口座約款への同意 is a consent, not the account itself
  { re: /交付書面|電子交付|目論見書|契約締結前|同意|約諾|約款/, kind: 'document-consent' },
  { re: /外国株|外国証券|海外株|米国株|中国株|アセアン株/, kind: 'foreign-stock-account' },
  {
    re: /出金先|振込先|入出金口座|登録金融機関|金融機関口座|銀行口座|出金口座|受取口座/,
    kind: 'withdrawal-bank-account',
  },
  { re: /通知|メールサービス|お知らせメール|配信|メール受信設定/, kind: 'notification-settings' },
  { re: /メールアドレス|e-?mail|Eメール|メール/i, kind: 'email' },
  { re: /パスワード|暗証番号/, kind: 'password' },
  { re: /ログイン追加認証|二段階|多要素|認証|セキュリティ|デバイス|端末登録/, kind: 'security-settings' },
  { re: /住所|郵便番号/, kind: 'address' },
  { re: /電話番号|携帯番号/, kind: 'phone' },
  { re: /氏名|名前/, kind: 'name' },
];

export function accountChangeKind(text: string): AccountChangeKind {
  const t = normalizeText(text);
  return KIND_WORDS.find((k) => k.re.test(t))?.kind ?? 'other';
}

export const HEADING_RE = /お客様情報変更履歴|登録情報変更履歴|変更履歴|お手続き履歴|手続き履歴/;
const EMPTY_RE = /(変更|履歴|手続|データ|該当).{0,15}(ありません|ございません|存在しません)/;

export interface AccountChangePageReading {
  recognised: boolean;
  status: 'ok' | 'empty' | 'unreadable' | 'absent';
  accountEvents: AccountEventRow[];
  warnings: string[];
}

function headings(doc: Document): string {
  return normalizeText(
    `${doc.title} ${Array.from(doc.querySelectorAll('h1,h2,h3,caption'))
      .map((e) => e.textContent)
      .join(' ')}`,
  );
}

export function readAccountChangePage(doc: Document, grids: Grid[], hinted: PageKind | null): AccountChangePageReading {
  const warnings: string[] = [];
  const said = HEADING_RE.test(headings(doc));
  // a table of 日時 + 内容 is too common (notices, deposits) to be read without the page saying what it is
  if (!said && hinted !== 'account-changes')
    return { recognised: false, status: 'absent', accountEvents: [], warnings };
  let table:
    { grid: Grid; row: number; headers: string[]; columns: Partial<Record<AccountChangeField, number>> } | undefined;
  for (const grid of grids) {
    for (let r = 0; r < Math.min(3, grid.rows.length) && !table; r++) {
      const texts = grid.rows[r]!.map((c) => c.text);
      if (texts.some((x) => x.length > 40)) continue;
      const columns = mapHeaderRow(texts, ACCOUNT_CHANGE_VOCAB);
      if (columns.at !== undefined && columns.item !== undefined) table = { grid, row: r, headers: texts, columns };
    }
    if (table) break;
  }
  if (!table) {
    if (EMPTY_RE.test(pageText(doc))) return { recognised: true, status: 'empty', accountEvents: [], warnings };
    warnings.push('account changes: no table with a change time and what changed was found');
    return { recognised: true, status: 'unreadable', accountEvents: [], warnings };
  }
  const { columns, headers } = table;
  const keys = headers.map(headerKey).join('|');
  const out: AccountEventRow[] = [];
  let failed = 0;
  for (const [i, row] of table.grid.rows.slice(table.row + 1).entries()) {
    if (row.map((c) => headerKey(c.text)).join('|') === keys) continue;
    if (row.length > 1 && row.every((c) => c.el === row[0]!.el)) continue;
    if (!row.some((c) => c.text)) continue;
    const get = (f: AccountChangeField) =>
      columns[f] === undefined ? undefined : cleanText(row[columns[f]!]?.text) || undefined;
    const when = parseJstDateTime(get('at'));
    const item = get('item');
    if (!when || !item) {
      // named with what it says, the others kept (issue 12)
      failed++;
      const why = `no change time or content in "${(get('at') ?? '').slice(0, 30)}"`;
      warnings.push(`account change row ${i + 1} not read (${why}): ${rowContent(row)}`);
      continue;
    }
    // what changed is the item; the detail only helps when the item is vague (「登録情報の変更」)
    const byItem = accountChangeKind(item);
    const c: AccountEventRow = {
      at: when.iso,
      kind: byItem === 'other' ? accountChangeKind(get('detail') ?? '') : byItem,
      item,
      raw: {},
    };
    if (when.dateOnly) c.dateOnly = true;
    const detail = get('detail');
    if (detail && !/^-+$/.test(detail)) c.detail = detail;
    const channel = get('channel');
    if (channel && !/^-+$/.test(channel)) c.channel = channel;
    const status = get('status');
    if (status && !/^-+$/.test(status)) c.status = status;
    headers.forEach((h, j) => {
      const key = h || `#${j + 1}`;
      if (row[j] && !(key in c.raw)) c.raw[key] = cleanText(row[j]!.text);
    });
    out.push(c);
  }
  if (failed > 0 && out.length === 0) return { recognised: true, status: 'unreadable', accountEvents: [], warnings };
  return { recognised: true, status: out.length ? 'ok' : 'empty', accountEvents: out, warnings };
}
