// The shared holdings reader (保有商品一覧, 口座管理 > ポートフォリオ). A holding
// is what the account held when the page was captured; its disappearance
// between two captures is what a takeover's sell-off leaves behind (brokers.md §4).
// Tables are found by header meaning: an instrument, a held quantity and at
// least one valuation column (評価額, 取得単価, 現在値 ...), and no buy/sell date.

import type { HoldingRow, PageKind } from '../types';
import { mapHeaderRow, type Vocabulary } from './columns';
import { currencyCode, marketRegion, normaliseSymbol, splitInstrument, type MarketRegion } from './markets';
import { isOrderTable, ORDER_VOCAB, readAmount } from './orders';
import { pageText } from './page-state';
import type { Cell, Grid } from './table';
import { cleanText, headerKey, normalizeText } from './text';

export type HoldingField =
  'symbol' | 'name' | 'instrument' | 'quantity' | 'account' | 'market' | 'currency' | 'assetClass' | 'value';

export const HOLDING_VOCAB: Vocabulary<HoldingField> = {
  symbol: {
    exact: ['銘柄コード', 'コード', 'ティッカー', '銘柄コード・ティッカー', 'ティッカー・コード', '証券コード'],
    contains: ['コード', 'ティッカー'],
  },
  name: { exact: ['銘柄名', '銘柄名称', 'ファンド名'], contains: ['銘柄名'] },
  instrument: { exact: ['銘柄', '銘柄(コード)', '銘柄・市場', '銘柄/市場'], contains: ['銘柄'] },
  quantity: {
    exact: [
      '保有数量',
      '保有株数',
      '保有数',
      '数量',
      '残高数量',
      '保有口数',
      '株数',
      '保有数量[株]',
      '保有数量[株/口]',
      '残高',
    ],
    contains: ['保有数', '保有株', '株数', '数量'],
    not: ['注文', '約定', '売却可能', '未約定'],
  },
  account: {
    exact: ['口座', '預り', '預り区分', '口座区分', '口座種別', '預かり区分'],
    contains: ['預り', '口座'],
    not: ['番号'],
  },
  market: { exact: ['市場', '市場名称', '取引所'], contains: ['市場'] },
  currency: { exact: ['通貨', '決済通貨', '取引通貨'], contains: ['通貨'] },
  assetClass: { exact: ['種別', '商品', '商品区分', '資産区分', '商品種別', '区分'] },
  value: {
    exact: [
      '評価額',
      '時価評価額',
      '取得単価',
      '平均取得価額',
      '平均取得単価',
      '取得価額',
      '現在値',
      '評価損益',
      '取得金額',
      '時価',
    ],
    contains: ['評価額', '評価損益', '取得単価', '取得価額', '現在値'],
  },
};

export const HEADING_RE = /保有商品|保有銘柄|保有証券|ポートフォリオ|保有資産|口座管理|保有株式|資産残高/;
export const EMPTY_RE = /(保有|残高|銘柄|データ|該当|商品).{0,15}(ありません|ございません|存在しません)/;

/** `株式（現物/NISA預り（成長投資枠））`, `特定預り`, `NISA成長投資枠` → the account as shown. */
function accountOfSection(text: string): string | undefined {
  const t = normalizeText(text);
  const m = /(NISA[^/／()（）]*(?:\([^)]*\))?|つみたて投資枠|成長投資枠|特定|一般|旧NISA)/.exec(t);
  if (!m) return undefined;
  return m[1]!.replace(/預り/, '').trim() || undefined;
}

/** 国内株式 / 米国株式 / 中国株式 ... (Rakuten's 種別, SBI's section rows). */
function regionOfAssetClass(text: string | undefined, symbol: string | undefined): MarketRegion | undefined {
  const t = normalizeText(text);
  if (!t) return undefined;
  if (/国内株|日本株|現物株式|株式\(現物/.test(t)) return 'JP';
  if (/米国株/.test(t)) return 'US';
  // Rakuten's 中国株式 covers Hong Kong and mainland listings: the code decides
  if (/中国株|香港株/.test(t)) return /^\d{6}$/.test(symbol ?? '') ? 'CN' : 'HK';
  // 投資信託 sold in Japan are yen products whatever they invest in
  if (/投資信託|投信/.test(t)) return 'JP';
  if (/シンガポール/.test(t)) return 'SG';
  if (/韓国/.test(t)) return 'KR';
  return undefined;
}

interface HoldingsTable {
  grid: Grid;
  headerRow: number;
  headers: string[];
  columns: Partial<Record<HoldingField, number>>;
}

function isHoldingsTable(columns: Partial<Record<HoldingField, number>>): boolean {
  const has = (f: HoldingField) => columns[f] !== undefined;
  return (has('symbol') || has('name') || has('instrument')) && has('quantity') && has('value');
}

export function findHoldingsTables(grids: Grid[]): HoldingsTable[] {
  const found: HoldingsTable[] = [];
  for (const grid of grids) {
    for (let r = 0; r < Math.min(3, grid.rows.length); r++) {
      const texts = grid.rows[r]!.map((c) => c.text);
      if (texts.some((x) => x.length > 40)) continue;
      // an order or execution table is never a holdings table
      if (isOrderTable(mapHeaderRow(texts, ORDER_VOCAB))) break;
      const columns = mapHeaderRow(texts, HOLDING_VOCAB);
      if (!isHoldingsTable(columns)) continue;
      found.push({ grid, headerRow: r, headers: texts, columns });
      break;
    }
  }
  return found;
}

const spans = (row: Cell[]) => row.length > 1 && row.every((c) => c.el === row[0]!.el);

export function readHoldingRows(t: HoldingsTable, warnings: string[]): HoldingRow[] | undefined {
  const out: HoldingRow[] = [];
  const headerKeys = t.headers.map(headerKey).join('|');
  // rows above the header that span the table name its account (SBI: 株式（現物/特定預り）)
  let section = t.grid.rows
    .slice(0, t.headerRow)
    .filter(spans)
    .map((r) => r[0]!.text)
    .join(' ');
  const text = (row: Cell[], f: HoldingField) => (t.columns[f] === undefined ? undefined : row[t.columns[f]!]?.text);
  const shown = (s: string | undefined) => {
    const c = cleanText(s);
    return c && !/^-+$/.test(c) ? c : undefined;
  };
  for (const [i, row] of t.grid.rows.slice(t.headerRow + 1).entries()) {
    if (row.map((c) => headerKey(c.text)).join('|') === headerKeys) continue;
    if (spans(row) || row.length === 1) {
      section = row[0]!.text;
      continue;
    }
    if (!row.some((c) => c.text !== '')) continue;
    const qtyText = text(row, 'quantity');
    const quantity = readAmount(qtyText);
    const inst = splitInstrument(text(row, 'instrument'));
    const symbolText = shown(text(row, 'symbol')) ?? inst.symbol;
    const name =
      shown(text(row, 'name')) ??
      inst.name ??
      (t.columns.symbol !== undefined ? shown(text(row, 'instrument')) : undefined);
    if (!symbolText && !name) continue; // a total row (合計) names no instrument
    if (/^(合計|小計|総合計)/.test(normalizeText(name))) continue;
    if (quantity === undefined) {
      warnings.push(`holdings row ${i + 1}: no quantity in "${normalizeText(qtyText).slice(0, 30)}"`);
      return undefined;
    }
    const market = shown(text(row, 'market')) ?? inst.market;
    const currency = shown(text(row, 'currency'));
    const assetClass = shown(text(row, 'assetClass')) ?? (section || undefined);
    const sym0 = normalizeText(symbolText);
    const pageRegion = regionOfAssetClass(assetClass, sym0);
    const region = marketRegion({ market, currency, symbol: sym0, pageRegion });
    const h: HoldingRow = { quantity, marketRegion: region, raw: {} };
    const symbol = normaliseSymbol(symbolText, region);
    if (symbol) h.symbol = symbol;
    if (name) h.name = name;
    const account = shown(text(row, 'account')) ?? (section ? accountOfSection(section) : undefined);
    if (account) h.account = account;
    if (market) h.market = market;
    const ccy = currencyCode(currency);
    if (currency) h.currency = currency;
    if (ccy) h.currencyCode = ccy;
    t.headers.forEach((hd, j) => {
      const key = hd || `#${j + 1}`;
      if (row[j] && !(key in h.raw)) h.raw[key] = cleanText(row[j]!.text);
    });
    out.push(h);
  }
  return out;
}

export interface HoldingsPageReading {
  recognised: boolean;
  status: 'ok' | 'empty' | 'unreadable' | 'absent';
  holdings: HoldingRow[];
  warnings: string[];
}

export function readHoldingsPage(doc: Document, grids: Grid[], hinted: PageKind | null): HoldingsPageReading {
  const warnings: string[] = [];
  const said = HEADING_RE.test(
    normalizeText(
      `${doc.title} ${Array.from(doc.querySelectorAll('h1,h2'))
        .map((e) => e.textContent)
        .join(' ')}`,
    ),
  );
  // only pages that are about holdings: a home page's summary box is not a capture
  if (hinted !== 'holdings' && !said) return { recognised: false, status: 'absent', holdings: [], warnings };
  const tables = findHoldingsTables(grids);
  if (tables.length === 0) {
    if (EMPTY_RE.test(pageText(doc))) return { recognised: true, status: 'empty', holdings: [], warnings };
    if (hinted !== 'holdings') return { recognised: false, status: 'absent', holdings: [], warnings };
    warnings.push('holdings: no table with an instrument, a held quantity and a valuation was found');
    return { recognised: true, status: 'unreadable', holdings: [], warnings };
  }
  const holdings: HoldingRow[] = [];
  for (const t of tables) {
    const rows = readHoldingRows(t, warnings);
    if (!rows) return { recognised: true, status: 'unreadable', holdings: [], warnings };
    holdings.push(...rows);
  }
  return { recognised: true, status: holdings.length ? 'ok' : 'empty', holdings, warnings };
}
