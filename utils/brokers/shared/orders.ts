// The shared order / execution reader, for pages and CSV exports alike. Like
// the login-history reader it finds tables by what their headers mean
// (約定日, 銘柄, 売買区分, 数量 ...: brokers.md §1.5, §2.2–2.4), never by
// position. A row it cannot read is never half stored: on a page the rows it
// could read are kept and the ones it could not are named in the warnings, with
// their content (`partial`); a CSV import stays all or nothing. Decisions on
// values that are not plain buys and sells:
//  * 入庫 / 出庫 / 移管 / 株式分割 ... are transfers or corporate actions, not
//    orders: they are not stored as OrderEvents, but each one is listed in the
//    warnings (a 出庫 is worth seeing; the snapshot keeps the row).
//  * 分配金再投資, 自動買付, 積立 are purchases the account made: `buy`.
//  * A money-market fund (外貨建MMF: SBI's yakujo rows `… マネー・マーケット・ファンド（米ドル）
//    X0934000`, docs/brokers.md "Real samples") is the account's cash, not a stock
//    order: listed in the warnings like a transfer, never a US buy.

import type { OrderRow, PageKind } from '../types';
import { mapHeaderRow, withParts, type Vocabulary } from './columns';
import { parseJstDateTime, referenceDateOf, type ReferenceDate } from './dates';
import {
  currencyCode,
  marketRegion,
  normaliseSymbol,
  regionOfAssetClass,
  splitInstrument,
  type MarketRegion,
} from './markets';
import { pageText } from './page-state';
import { type Grid } from './table';
import { rowContent } from './row-content';
import { cleanText, headerKey, normalizeText } from './text';

export type OrderField =
  | 'at'
  | 'orderAt'
  | 'time'
  | 'settleDate'
  | 'symbol'
  | 'name'
  | 'instrument'
  | 'market'
  | 'side'
  | 'trade'
  | 'quantity'
  | 'orderQuantity'
  | 'price'
  | 'orderPrice'
  | 'fees'
  | 'amount'
  | 'account'
  | 'currency'
  | 'status'
  | 'orderNumber'
  | 'product';

export const ORDER_VOCAB: Vocabulary<OrderField> = {
  at: {
    exact: ['約定日時', '約定日', '国内約定日', '約定日付', '約定年月日', '約定日(国内)', '約定日時(日本時間)'],
    contains: ['約定日'],
    not: ['建', '受渡', '現地', '期限'],
  },
  orderAt: {
    exact: ['注文日時', '国内注文日時', '注文日', '発注日時', '注文受付日時', '受注日時', '受付日時'],
    contains: ['注文日'],
    not: ['現地', '期限'],
  },
  time: { exact: ['約定時刻', '約定時間', '時刻'] },
  settleDate: { exact: ['受渡日', '国内受渡日', '受渡日付', '受渡予定日'], contains: ['受渡日'] },
  symbol: {
    exact: [
      '銘柄コード',
      'コード',
      'ティッカー',
      'ティッカーシンボル',
      'シンボル',
      '証券コード',
      '銘柄コード・ティッカー',
      'ティッカー・コード',
    ],
    contains: ['コード', 'ティッカー'],
    not: ['注文'],
  },
  name: { exact: ['銘柄名', '銘柄名称', 'ファンド名'], contains: ['銘柄名'] },
  instrument: { exact: ['銘柄', '銘柄(コード)', '銘柄・市場', '商品・銘柄', '銘柄/市場'], contains: ['銘柄'] },
  market: { exact: ['市場', '市場名称', '市場名', '取引所', '上場市場', '執行市場'], contains: ['市場'] },
  side: { exact: ['売買区分', '売買', '売買種別', '売/買', '売買の別'], contains: ['売買'] },
  trade: {
    exact: ['取引', '取引区分', '取引種別', '注文種別', '取引内容', '区分'],
    contains: ['取引'],
    not: ['取引所', '日', '番号', '口座', '通貨'],
  },
  quantity: {
    exact: [
      '約定数量',
      '数量',
      '数量[株]',
      '数量(未約定数量)',
      '数量(株/口)/返済数量',
      '株数',
      '約定株数',
      '数量[株/口]',
      '約定数量[株]',
    ],
    contains: ['約定数量', '数量', '株数'],
    not: ['注文数量', '未約定数量のみ'],
  },
  orderQuantity: { exact: ['注文数量', '注文株数', '発注数量'], contains: ['注文数量', '注文株数'] },
  price: {
    exact: ['約定単価', '平均約定単価', '単価', '約定価格', '単価/返済約定単価'],
    contains: ['約定単価', '単価'],
    not: ['建', '注文', '取得', '現在', '評価'],
  },
  // 価格 alone heads an order's limit price or 成行 (okasan/fixtures/orders-inquiry.html, mizuho/…)
  orderPrice: { exact: ['注文単価', '注文価格', '指値', '注文単価[円]', '価格'], contains: ['注文単価', '注文価格'] },
  fees: { exact: ['手数料', '手数料/諸経費等', '国内手数料'], contains: ['手数料'], not: ['建', '消費税'] },
  amount: {
    exact: ['受渡金額', '受渡金額/決済損益', '約定代金', '約定金額', '受渡金額(円)'],
    contains: ['受渡金額', '約定代金', '約定金額'],
  },
  account: {
    exact: ['預り', '預り区分', '口座', '口座区分', '口座種別', '預り口座', '預かり区分'],
    contains: ['預り', '口座'],
    not: ['番号'],
  },
  currency: { exact: ['通貨', '決済通貨', '取引通貨', '通貨区分'], contains: ['通貨'] },
  status: { exact: ['状態', '注文状況', 'ステータス', '注文状態', '状況', '約定状況'], contains: ['状況', '状態'] },
  orderNumber: { exact: ['注文番号', '受付番号', '注文no', '注文no.'], contains: ['注文番号'] },
  // Monex's 商品 (株式 / 米国株式 …: its CSV, ../shared/brokers.md §3; monex/fixtures/trade-history.html)
  product: { exact: ['商品', '商品区分', '商品種別'] },
};

/** A cell as the reader needs it: text, and the element when it came from a page (links, data attributes). */
export interface OrderCell {
  text: string;
  el?: Element;
}

export interface OrderTable {
  headers: string[];
  columns: Partial<Record<OrderField, number>>;
  rows: OrderCell[][];
}

export interface OrderReadOptions {
  /** The region the page or file is about (Rakuten 取引履歴（米国株式） has no 市場 column). */
  pageRegion?: MarketRegion;
  /** Status when the table has none: executions and trade histories list executed trades. */
  defaultStatus?: OrderRow['status'];
  /** Keep the rows that read and name the others (pages); otherwise one bad row fails the table (CSV import). */
  partial?: boolean;
  /** The page's own date, for dates printed without a year (asked only when a row needs it). */
  reference?: () => ReferenceDate | undefined;
}

// MRF (マネー・リザーブ・ファンド) is the yen cash fund brokers sweep into (nomura/fixtures/trade-history.html)
const MMF_RE = /マネー・?マーケット・?ファンド|マネーマーケット|マネー・?リザーブ・?ファンド|\bMMF\b|\bMRF\b/i;

export { rowContent } from './row-content';

const SKIP_RE = /入庫|出庫|移管|株式分割|分割|併合|合併|償還|贈与|相続|振替|株式交換|株式移転/;
const BUY_WORDS = /分配金再投資|再投資|現引|積立/;
const SELL_WORDS = /現渡|解約|換金/;

/** `買付` → buy; `入庫` → skip; undefined when the text says neither. */
export function readSide(text: string | undefined): 'buy' | 'sell' | 'skip' | undefined {
  const t = normalizeText(text);
  if (!t || /^-+$/.test(t)) return undefined;
  if (SKIP_RE.test(t)) return 'skip';
  if (BUY_WORDS.test(t)) return 'buy';
  if (SELL_WORDS.test(t)) return 'sell';
  const buy = t.includes('買');
  const sell = t.includes('売');
  if (buy && !sell) return 'buy';
  if (sell && !buy) return 'sell';
  if (/^buy$/i.test(t)) return 'buy';
  if (/^sell$/i.test(t)) return 'sell';
  return undefined;
}

const STATUS_WORDS: Array<{ re: RegExp; status: OrderRow['status'] | 'done' }> = [
  { re: /取消|取り消|キャンセル|失効|期限切れ|出来ず|不成立|無効|訂正済/, status: 'cancelled' },
  // 発注受付: GMOクリック証券's open order (docs/brokers.md "Real samples", gmoclick)
  { re: /一部約定|注文中|受付中|待機中|発注中|執行中|未約定|注文受付|発注受付|予約中|受付済/, status: 'open' },
  { re: /約定済|全部約定|全約定|約定$|^約定/, status: 'executed' },
  // SBI's new site marks finished orders 完了 whether filled or expired (brokers.md §2.3)
  { re: /完了|終了/, status: 'done' },
];
const STATUS_TOKEN =
  /^(一部約定|注文中|受付中|待機中|発注中|執行中|未約定|約定済|全部約定|取消済|取消中|取消|失効|完了|期限切れ|出来ず)\s*/;

export function readStatus(text: string | undefined): OrderRow['status'] | 'done' | undefined {
  const t = normalizeText(text);
  if (!t || /^-+$/.test(t)) return undefined;
  for (const { re, status } of STATUS_WORDS) if (re.test(t)) return status;
  return undefined;
}

/** `1 ( 1 )` (SBI new site: quantity, unfilled), `4,000`, `△1,200`, `--`. */
export function readAmount(text: string | undefined): number | undefined {
  const t = normalizeText(text)
    .replace(/[,円株口]|USドル|HKドル/g, '')
    .replace(/^[△▲]/, '-')
    .trim();
  if (t === '' || /^-+$/.test(t)) return undefined;
  const m = /^([+-]?\d+(?:\.\d+)?)(?:\s|$|\()/.exec(t);
  return m ? Number(m[1]) : undefined;
}

function unfilledOf(text: string | undefined): number | undefined {
  const m = /\(\s*([\d,]+(?:\.\d+)?)\s*\)/.exec(normalizeText(text));
  return m ? Number(m[1]!.replace(/,/g, '')) : undefined;
}

function shown(text: string | undefined): string | undefined {
  const t = cleanText(text);
  return t && !/^[-－ー―]+$/.test(t) ? t : undefined;
}

/** `単価［USドル］` → `USドル`: the currency a header states for its column. */
function bracketCurrency(header: string | undefined): string | undefined {
  const m = /[[［(（〔]([^\]］)）〕]+)[\]］)）〕]\s*$/.exec(header ?? '');
  return m && currencyCode(m[1]) ? m[1] : undefined;
}

const REGION_CURRENCY: Partial<Record<MarketRegion, string>> = {
  JP: 'JPY',
  US: 'USD',
  HK: 'HKD',
  CN: 'CNY',
  SG: 'SGD',
  KR: 'KRW',
  VN: 'VND',
  TH: 'THB',
  ID: 'IDR',
  MY: 'MYR',
};

/** Symbol, name and market from the instrument cell(s), using links and data attributes where a page has them. */
function readInstrument(
  t: OrderTable,
  row: OrderCell[],
): { symbol?: string; name?: string; market?: string; statusWord?: string } {
  const cell = (f: OrderField) => (t.columns[f] === undefined ? undefined : row[t.columns[f]!]);
  const inst = cell('instrument');
  let symbol = shown(cell('symbol')?.text);
  let name = shown(cell('name')?.text);
  let market = shown(cell('market')?.text);
  let statusWord: string | undefined;
  if (inst) {
    let text = cleanText(inst.text);
    const sm = STATUS_TOKEN.exec(text);
    if (sm) {
      statusWord = sm[1];
      text = text.slice(sm[0].length);
    }
    const el = inst.el;
    // SBI new site: `[data-security-code="GOOG"]`, lines `name` / `GOOG NASDAQ` (brokers.md §2.3)
    const coded = el?.querySelector?.('[data-security-code]') ?? (el?.getAttribute?.('data-security-code') ? el : null);
    const code = coded?.getAttribute('data-security-code') ?? undefined;
    // SBI legacy: `i_stock_sec=6846+` in the stock link (brokers.md §2.2)
    const href = el?.querySelector?.('a[href*="i_stock_sec="]')?.getAttribute('href') ?? '';
    const linked = /i_stock_sec=([0-9A-Za-z]+)/.exec(href)?.[1];
    const lines = el
      ? Array.from(el.querySelectorAll('p'))
          .map((p) => cleanText(p.textContent))
          .filter((l) => l && !STATUS_TOKEN.test(l + ' '))
      : [];
    let parts = splitInstrument(text);
    if (lines.length >= 2) {
      const last = lines[lines.length - 1]!;
      const tm = /^([A-Za-z0-9.\-]+)\s+(.+)$/.exec(normalizeText(last));
      if (tm && (code === undefined || tm[1] === code))
        parts = { name: lines.slice(0, -1).join(' '), symbol: tm[1], market: tm[2] };
    }
    // a data attribute or link beats text; a 銘柄名 column beats the instrument cell's name
    symbol ??= code ?? linked ?? parts.symbol;
    name ??= parts.name;
    market ??= parts.market;
  }
  return {
    ...(symbol ? { symbol } : {}),
    ...(name ? { name } : {}),
    ...(market ? { market } : {}),
    ...(statusWord ? { statusWord } : {}),
  };
}

function rawOf(t: OrderTable, row: OrderCell[]): Record<string, string> {
  const raw: Record<string, string> = {};
  t.headers.forEach((h, i) => {
    const key = h || `#${i + 1}`;
    if (row[i] && !(key in raw)) raw[key] = cleanText(row[i]!.text);
  });
  return raw;
}

/**
 * Reads every row of a mapped table, or returns undefined (with a warning)
 * when one row cannot be read: the caller then reports the page unreadable.
 */
export function readOrderRows(t: OrderTable, warnings: string[], opts: OrderReadOptions = {}): OrderRow[] | undefined {
  const out: OrderRow[] = [];
  const text = (row: OrderCell[], f: OrderField) => (t.columns[f] === undefined ? undefined : row[t.columns[f]!]?.text);
  const priceHeader = t.headers[t.columns.price ?? t.columns.orderPrice ?? -1];
  let failed = 0;
  let reference: ReferenceDate | undefined | null = null;
  const referenceDate = () => (reference === null ? (reference = opts.reference?.()) : reference);
  /** One row that cannot be read: named in the warnings; the table fails unless partial. */
  const unread = (i: number, why: string, row: OrderCell[]): boolean => {
    failed++;
    warnings.push(opts.partial ? `row ${i + 1} not read (${why}): ${rowContent(row)}` : `row ${i + 1}: ${why}`);
    return !opts.partial;
  };
  for (const [i, row] of t.rows.entries()) {
    const sideCell = text(row, 'side');
    const tradeCell = text(row, 'trade');
    let side = readSide(sideCell);
    if (side === undefined) side = readSide(tradeCell);
    else if (side !== 'skip' && readSide(tradeCell) === 'skip') side = 'skip';
    const inst = readInstrument(t, row);
    if (side === 'skip' || (side && MMF_RE.test(normalizeText(inst.name)))) {
      // the row as shown: what it is, then its instrument and quantity (its cells when it names none)
      const what = side === 'skip' ? normalizeText(sideCell || tradeCell) : 'MMF';
      const named = [inst.symbol, inst.name, normalizeText(text(row, 'quantity'))].filter(Boolean).join(' ');
      warnings.push(`not an order (${what}): ${named || rowContent(row)}`.slice(0, 120));
      continue;
    }
    if (!side) {
      if (unread(i, `no buy/sell in "${normalizeText(sideCell || tradeCell || '').slice(0, 30)}"`, row))
        return undefined;
      continue;
    }
    const atText = shown(text(row, 'at'));
    const timeText = shown(text(row, 'time'));
    const orderText = shown(text(row, 'orderAt'));
    const parse = (s: string) => parseJstDateTime(s) ?? parseJstDateTime(s, referenceDate());
    const when =
      (atText ? parse(timeText && !/\d:\d/.test(atText) ? `${atText} ${timeText}` : atText) : undefined) ??
      (orderText ? parse(orderText) : undefined);
    if (!when) {
      const shownDate = (atText ?? orderText ?? '').slice(0, 40);
      if (unread(i, `no trade or order date in "${shownDate}"`, row)) return undefined;
      continue;
    }
    // status: its own column, else a badge word in the instrument cell, else the page's default
    let status = readStatus(text(row, 'status')) ?? readStatus(inst.statusWord);
    const qtyText = text(row, 'quantity');
    let quantity = readAmount(qtyText);
    const unfilled = unfilledOf(qtyText);
    const orderQuantity = readAmount(text(row, 'orderQuantity'));
    let price = readAmount(text(row, 'price'));
    const orderPrice = readAmount(text(row, 'orderPrice'));
    if (status === 'done') {
      // 完了: filled if something was filled, else it expired or was cancelled
      status =
        unfilled !== undefined && quantity !== undefined && unfilled >= quantity && price === undefined
          ? 'cancelled'
          : 'executed';
    }
    status ??= opts.defaultStatus ?? (atText && price !== undefined ? 'executed' : 'open');
    if (
      status === 'executed' &&
      quantity !== undefined &&
      unfilled !== undefined &&
      unfilled > 0 &&
      unfilled < quantity
    )
      quantity -= unfilled;
    // an order open or cancelled with nothing filled (約定数量 0): its quantity is what was ordered
    if (quantity === undefined || (status !== 'executed' && quantity === 0 && orderQuantity)) quantity = orderQuantity;
    if (price === undefined && status !== 'executed') price = orderPrice;

    const market = inst.market;
    const currencyShown = bracketCurrency(priceHeader) ?? shown(text(row, 'currency'));
    const pageRegion = opts.pageRegion ?? regionOfAssetClass(text(row, 'product'), inst.symbol);
    const region = marketRegion({ market, currency: currencyShown, symbol: inst.symbol, pageRegion });
    const symbol = normaliseSymbol(inst.symbol, region);
    const ccy = currencyCode(currencyShown) ?? REGION_CURRENCY[region];
    const o: OrderRow = { at: when.iso, side, status, raw: rawOf(t, row) };
    if (when.dateOnly) o.dateOnly = true;
    // 注文日時 beside 約定日時: when the order was placed, not when it executed (an evening order runs at the open)
    const ordered = orderText ? parseJstDateTime(orderText) : undefined;
    if (ordered && !ordered.dateOnly) o.orderedAt = ordered.iso;
    if (symbol) o.symbol = symbol;
    if (inst.name) o.name = inst.name;
    if (market) o.market = market;
    o.marketRegion = region;
    if (quantity !== undefined) o.quantity = quantity;
    if (price !== undefined) o.price = price;
    if (currencyShown) o.currency = currencyShown;
    if (ccy) o.currencyCode = ccy;
    const amount = readAmount(text(row, 'amount'));
    if (amount !== undefined) o.amount = amount;
    const fees = readAmount(text(row, 'fees'));
    if (fees !== undefined) o.fees = fees;
    // Rakuten's US 注文照会 writes the account after the trade: `現物 買付 ・特定` (docs/brokers.md "Real samples")
    const account = shown(text(row, 'account')) ?? /・\s*(\S+)$/.exec(normalizeText(tradeCell))?.[1];
    if (account) o.account = account;
    const no = shown(text(row, 'orderNumber'));
    if (no) o.orderNumber = normalizeText(no);
    out.push(o);
  }
  // every row failed: nothing on the page could be read
  if (failed > 0 && out.length === 0 && failed === t.rows.length) return undefined;
  return out;
}

/** A table is an order table when it has a date, a buy/sell column, an instrument and an amount. */
export function isOrderTable(columns: Partial<Record<OrderField, number>>): boolean {
  const has = (f: OrderField) => columns[f] !== undefined;
  return (
    (has('at') || has('orderAt')) &&
    (has('side') || has('trade')) &&
    (has('symbol') || has('name') || has('instrument')) &&
    (has('quantity') || has('orderQuantity') || has('price') || has('amount'))
  );
}

/** The header row of a CSV or text table: the first of its first `limit` rows that maps as an order table. */
export function findOrderHeader(
  rows: string[][],
  limit = 40,
): { index: number; columns: Partial<Record<OrderField, number>> } | undefined {
  for (let r = 0; r < Math.min(limit, rows.length); r++) {
    const cells = rows[r]!;
    if (cells.some((c) => c.length > 40)) continue;
    const columns = mapHeaderRow(cells, ORDER_VOCAB);
    if (isOrderTable(columns)) return { index: r, columns };
  }
  return undefined;
}

// ---- pages ---------------------------------------------------------------

export const ORDER_KINDS: PageKind[] = ['executions', 'trade-history', 'order-inquiry'];
const HEADINGS: Array<{ re: RegExp; kind: PageKind }> = [
  // 注文約定照会 / 注文・約定照会 / 注文約定一覧: orders with their fills, an order inquiry
  // (mizuho/fixtures/orders-inquiry.html; kabu.com's menu name, docs/brokers.md "Real samples")
  { re: /注文[・･]?約定(?:照会|一覧)/, kind: 'order-inquiry' },
  { re: /当日約定|約定一覧|約定照会|約定明細/, kind: 'executions' },
  { re: /注文照会|注文履歴|注文一覧|注文状況/, kind: 'order-inquiry' },
  { re: /取引履歴|約定履歴|売買履歴/, kind: 'trade-history' },
];
const EMPTY_RE = /(約定|注文|取引|履歴|データ|該当|明細).{0,15}(ありません|ございません|存在しません|見つかりません)/;

/** The title and top-level headings only: menus name every page, so they must not decide. */
function mainHeadings(doc: Document): string {
  const parts = [doc.title ?? ''];
  for (const el of Array.from(doc.querySelectorAll('h1,h2,caption'))) {
    const t = el.textContent ?? '';
    if (t.length < 120) parts.push(t);
  }
  return normalizeText(parts.join(' | '));
}

export function headingKind(
  doc: Document,
  candidates: Array<{ re: RegExp; kind: PageKind }> = HEADINGS,
): PageKind | undefined {
  const h = mainHeadings(doc);
  return candidates.find((c) => c.re.test(h))?.kind;
}

/** What a page says about its region: 取引履歴（米国株式）, 中国株式, 外国株式 US. */
export function pageRegionOf(doc: Document, url: string): MarketRegion | undefined {
  const h = mainHeadings(doc);
  if (/米国株式|米国株|\/us\//.test(h) || /_us_|\/us\//.test(url)) return 'US';
  if (/中国株式|香港株/.test(h) || /_ch_/.test(url)) return undefined; // HK or CN: the row's market decides
  // Rakuten 取引履歴（国内株式）; SBI 当日約定一覧 and 取引履歴 list domestic trades (brokers.md §2.2)
  if (/国内株式/.test(h) || /ass_trad_lst\.do|WPLETagR001Control|WPLETacR007Control/.test(url)) return 'JP';
  return undefined;
}

export interface OrderPageReading {
  recognised: boolean;
  pageKind: PageKind | null;
  status: 'ok' | 'empty' | 'unreadable' | 'absent';
  orders: OrderRow[];
  warnings: string[];
}

/**
 * A column with a blank header right after the 銘柄 column is the instrument's
 * name when the table has none (holdings where 銘柄 holds the code: issue 12).
 */
export function nameBesideInstrument<F extends 'instrument' | 'name'>(
  headers: string[],
  columns: Partial<Record<F, number>>,
): Partial<Record<F, number>> {
  const inst = columns['instrument' as F];
  if (inst === undefined || columns['name' as F] !== undefined || headers[inst + 1] !== '') return columns;
  return { ...columns, ['name' as F]: inst + 1 };
}

export function findOrderTables(grids: Grid[]): OrderTable[] {
  const found: Array<OrderTable & { n: number; grid: Grid }> = [];
  for (const raw of grids) {
    for (let r = 0; r < Math.min(3, raw.rows.length); r++) {
      if (raw.rows[r]!.some((c) => c.text.length > 40)) continue;
      const grid = withParts(raw, r);
      const texts = grid.rows[r]!.map((c) => c.text);
      const columns = nameBesideInstrument(texts, mapHeaderRow(texts, ORDER_VOCAB));
      if (!isOrderTable(columns)) continue;
      const keys = texts.map(headerKey).join('|');
      const rows = grid.rows.slice(r + 1).filter((row) => {
        if (row.map((c) => headerKey(c.text)).join('|') === keys) return false;
        if (row.length > 1 && row.every((c) => c.el === row[0]!.el)) return false;
        return row.some((c) => c.text !== '');
      });
      found.push({ headers: texts, columns, rows, n: Object.keys(columns).length, grid });
      break;
    }
  }
  // a page may repeat a table for small screens: keep the most specific shape only
  found.sort((a, b) => b.n - a.n);
  const sig = (t: OrderTable) => Object.keys(t.columns).sort().join(',');
  const best = found[0];
  return best ? found.filter((t) => sig(t) === sig(best) && t.grid.source === best.grid.source) : [];
}

export function readOrderPage(doc: Document, grids: Grid[], url: string, hinted: PageKind | null): OrderPageReading {
  const warnings: string[] = [];
  const hintedKind = hinted && ORDER_KINDS.includes(hinted) ? hinted : undefined;
  const said = headingKind(doc);
  const tables = findOrderTables(grids);
  if (tables.length === 0) {
    const kind = hintedKind ?? said;
    if (!kind) return { recognised: false, pageKind: null, status: 'absent', orders: [], warnings };
    if (EMPTY_RE.test(pageText(doc)))
      return { recognised: true, pageKind: kind, status: 'empty', orders: [], warnings };
    warnings.push(`${kind}: no table with a date, buy/sell, instrument and quantity was found`);
    return { recognised: true, pageKind: kind, status: 'unreadable', orders: [], warnings };
  }
  const t0 = tables[0]!;
  const byColumns: PageKind =
    t0.columns.status !== undefined ||
    t0.columns.orderNumber !== undefined ||
    (t0.columns.at === undefined && t0.columns.orderAt !== undefined)
      ? 'order-inquiry'
      : 'trade-history';
  const pageKind = hintedKind ?? said ?? byColumns;
  const pageRegion = pageRegionOf(doc, url);
  const defaultStatus = pageKind === 'order-inquiry' ? undefined : 'executed';
  const orders: OrderRow[] = [];
  const reference = () => referenceDateOf(pageText(doc));
  for (const t of tables) {
    const rows = readOrderRows(t, warnings, {
      ...(pageRegion ? { pageRegion } : {}),
      ...(defaultStatus ? { defaultStatus } : {}),
      partial: true,
      reference,
    });
    if (!rows) return { recognised: true, pageKind, status: 'unreadable', orders: [], warnings };
    orders.push(...rows);
  }
  return { recognised: true, pageKind, status: orders.length ? 'ok' : 'empty', orders, warnings };
}
