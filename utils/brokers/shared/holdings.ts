// The shared holdings reader (保有商品一覧, 口座管理 > ポートフォリオ). A holding
// is what the account held when the page was captured; its disappearance
// between two captures is what a takeover's sell-off leaves behind (brokers.md §4).
// Tables are found by header meaning: an instrument, a held quantity and at
// least one valuation column (評価額, 取得単価, 現在値 ...), and no buy/sell date.

import type { LabelLayout } from '../declaration';
import type { HoldingRow, PageKind } from '../types';
import { mapHeaderRow, withParts, type Vocabulary } from './columns';
import {
  currencyCode,
  marketRegion,
  normaliseSymbol,
  regionOfAssetClass,
  splitInstrument,
  type Instrument,
} from './markets';
import { isOrderTable, nameBesideInstrument, ORDER_VOCAB, readAmount, rowContent } from './orders';
import { pageText } from './page-state';
import { cellParts, type Cell, type Grid } from './table';
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

// お預り資産 / 残高照会: the words of brokers that list holdings as what they keep for the customer
// (mumss/fixtures/holdings-list.html, mizuho/fixtures/holdings-asset.html)
export const HEADING_RE =
  /保有商品|保有銘柄|保有証券|ポートフォリオ|保有資産|口座管理|保有株式|資産残高|預り資産|預り残高|残高照会/;
export const EMPTY_RE = /(保有|残高|銘柄|データ|該当|商品).{0,15}(ありません|ございません|存在しません)/;

/** `株式（現物/NISA預り（成長投資枠））`, `特定預り`, `NISA成長投資枠` → the account as shown. */
function accountOfSection(text: string): string | undefined {
  const t = normalizeText(text);
  const m = /(NISA[^/／()（）]*(?:\([^)]*\))?|つみたて投資枠|成長投資枠|特定|一般|旧NISA)/.exec(t);
  if (!m) return undefined;
  return m[1]!.replace(/預り/, '').trim() || undefined;
}

interface HoldingsTable {
  grid: Grid;
  headerRow: number;
  headers: string[];
  columns: Partial<Record<HoldingField, number>>;
}

function isHoldingsTable(columns: Partial<Record<HoldingField, number>>, pageInstrument: boolean): boolean {
  const has = (f: HoldingField) => columns[f] !== undefined;
  return (has('symbol') || has('name') || has('instrument') || pageInstrument) && has('quantity') && has('value');
}

/**
 * `pageInstrument`: the page is about one instrument (SBI's backup-site
 * holdStockDetail.do: `1111 name` above a lot table of 購入日, 保有株数, …), so a
 * table without an instrument column is that instrument's holdings.
 */
export function findHoldingsTables(grids: Grid[], pageInstrument = false): HoldingsTable[] {
  const found: HoldingsTable[] = [];
  for (const raw of grids) {
    for (let r = 0; r < Math.min(3, raw.rows.length); r++) {
      if (raw.rows[r]!.some((c) => c.text.length > 40)) continue;
      const grid = withParts(raw, r);
      const texts = grid.rows[r]!.map((c) => c.text);
      // an order or execution table is never a holdings table
      if (isOrderTable(mapHeaderRow(texts, ORDER_VOCAB))) break;
      const columns = nameBesideInstrument(texts, mapHeaderRow(texts, HOLDING_VOCAB));
      if (!isHoldingsTable(columns, pageInstrument)) continue;
      found.push({ grid, headerRow: r, headers: texts, columns });
      break;
    }
  }
  return found;
}

const CODE_AND_NAME = /^(\d{3}[0-9A-Z])\s+(\S.{0,40})$/;

/** The one instrument a page is about: exactly one cell reading `<code> <name>` (SBI holdStockDetail.do). */
export function pageInstrumentOf(doc: Document): { symbol: string; name: string } | undefined {
  const seen = new Map<string, { symbol: string; name: string }>();
  for (const td of Array.from(doc.querySelectorAll('td'))) {
    if (td.querySelector('table')) continue;
    const m = CODE_AND_NAME.exec(normalizeText(td.textContent));
    if (m) seen.set(m[1]!, { symbol: m[1]!, name: cleanText(td.textContent).replace(/^\S+\s+/, '') });
  }
  return seen.size === 1 ? [...seen.values()][0] : undefined;
}

const TICKER_LINE = /^[A-Z][A-Z0-9.\-]{0,9}$/;

/** An instrument cell of two lines, a ticker over a name (Monex's 外国株式 list: `AAPL<br>アップル`, monex/fixtures). */
function tickerOverName(cell: Cell | undefined): Instrument | undefined {
  if (!cell?.el.firstElementChild) return undefined;
  const parts = cellParts(cell);
  return parts.length === 2 && TICKER_LINE.test(parts[0]!) ? { symbol: parts[0]!, name: parts[1]! } : undefined;
}

const spans = (row: Cell[]) => row.length > 1 && row.every((c) => c.el === row[0]!.el);

/** Reads every row; one it cannot read is named in the warnings and left out (undefined: none could be read). */
export function readHoldingRows(
  t: HoldingsTable,
  warnings: string[],
  pageInstrument?: { symbol: string; name: string },
): HoldingRow[] | undefined {
  const out: HoldingRow[] = [];
  let failed = 0;
  const headerKeys = t.headers.map(headerKey).join('|');
  // rows above the header that span the table name its account (SBI: 株式（現物/特定預り）)
  let section = t.grid.rows
    .slice(0, t.headerRow)
    .filter(spans)
    .map((r) => r[0]!.text)
    .join(' ');
  // else the line just above the table names it (SBI 保有証券一覧: `<b>株式（NISA預り（成長投資枠））</b>` then the table)
  if (!section) {
    const above = normalizeText(t.grid.element.previousElementSibling?.textContent);
    if (above.length < 60 && /預り|口座|投資信託|株式/.test(above)) section = above;
  }
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
    const instCell = t.columns.instrument === undefined ? undefined : row[t.columns.instrument];
    const inst = tickerOverName(instCell) ?? splitInstrument(instCell?.text);
    const symbolText = shown(text(row, 'symbol')) ?? inst.symbol ?? pageInstrument?.symbol;
    const name =
      shown(text(row, 'name')) ??
      inst.name ??
      (t.columns.symbol !== undefined ? shown(text(row, 'instrument')) : undefined) ??
      pageInstrument?.name;
    if (!symbolText && !name) continue; // a total row (合計) names no instrument
    if (/^(合計|小計|総合計)/.test(normalizeText(name))) continue;
    if (quantity === undefined) {
      failed++;
      warnings.push(
        `holdings row ${i + 1} not read (no quantity in "${normalizeText(qtyText).slice(0, 30)}"): ${rowContent(row)}`,
      );
      continue;
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
  return failed > 0 && out.length === 0 ? undefined : out;
}

export interface HoldingsPageReading {
  recognised: boolean;
  status: 'ok' | 'empty' | 'unreadable' | 'absent';
  holdings: HoldingRow[];
  warnings: string[];
}

/** The section a nested layout table sits under: the row above the one holding it (`株式現物（特定預り）`). */
function sectionAbove(table: Element): string {
  const tr = table.parentElement?.closest('tr');
  return normalizeText(tr?.previousElementSibling?.textContent);
}

/**
 * Holdings in a table without header cells, read against the broker's declared
 * label layout (SBI's backup-site holdStockList.do: a `1111 name 東証` row, then
 * rows of `label | value` pairs: 現在値, 保有, 前日比, 損益; docs/brokers.md "Real samples").
 */
export function readLabelLayout(grids: Grid[], layout: LabelLayout, warnings: string[]): HoldingRow[] | undefined {
  const out: HoldingRow[] = [];
  let failed = 0;
  for (const grid of grids) {
    if (grid.source !== 'table') continue;
    const account = accountOfSection(sectionAbove(grid.element));
    let cur: { inst: ReturnType<typeof splitInstrument>; raw: Record<string, string>; quantity?: number } | undefined;
    const finish = () => {
      if (!cur) return;
      if (cur.quantity === undefined) {
        failed++;
        warnings.push(
          `holdings not read (no quantity beside ${Object.keys(layout.labels)
            .filter((k) => layout.labels[k] === 'quantity')
            .join('/')}): ${Object.values(cur.raw).join(' | ')}`.slice(0, 160),
        );
      } else {
        const region = marketRegion({ market: cur.inst.market, symbol: cur.inst.symbol });
        const h: HoldingRow = { quantity: cur.quantity, marketRegion: region, raw: cur.raw };
        const symbol = normaliseSymbol(cur.inst.symbol, region);
        if (symbol) h.symbol = symbol;
        if (cur.inst.name) h.name = cur.inst.name;
        if (account) h.account = account;
        if (cur.inst.market) h.market = cur.inst.market;
        out.push(h);
      }
      cur = undefined;
    };
    for (const row of grid.rows) {
      const first = row[0]!;
      if (spans(row) || row.length === 1) {
        // an instrument row of this table (not the text of a table nested in it)
        if (!first.el.querySelector('table') && layout.startRow.test(normalizeText(first.text))) {
          finish();
          cur = { inst: splitInstrument(first.text), raw: { 銘柄: cleanText(first.text) } };
        }
        continue;
      }
      if (!cur) continue;
      row.forEach((c, j) => {
        const label = normalizeText(c.text);
        const field = layout.labels[label];
        const value = row[j + 1];
        if (!field || !value || value.el === c.el) return;
        cur!.raw[label] = cleanText(value.text);
        if (field === 'quantity') cur!.quantity = readAmount(value.text);
      });
    }
    finish();
  }
  return failed > 0 && out.length === 0 ? undefined : out;
}

export function readHoldingsPage(
  doc: Document,
  grids: Grid[],
  hinted: PageKind | null,
  url = '',
  layouts: readonly LabelLayout[] = [],
): HoldingsPageReading {
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
  const layout = layouts.find((l) => l.kind === 'holdings' && l.url.test(url));
  if (layout) {
    const rows = readLabelLayout(grids, layout, warnings);
    if (!rows) return { recognised: true, status: 'unreadable', holdings: [], warnings };
    if (rows.length) return { recognised: true, status: 'ok', holdings: rows, warnings };
    if (EMPTY_RE.test(pageText(doc))) return { recognised: true, status: 'empty', holdings: [], warnings };
    warnings.push(`holdings: no row of the ${layout.id} layout was found`);
    return { recognised: true, status: 'unreadable', holdings: [], warnings };
  }
  const one = hinted === 'holdings' ? pageInstrumentOf(doc) : undefined;
  const tables = findHoldingsTables(grids, one !== undefined);
  if (tables.length === 0) {
    if (EMPTY_RE.test(pageText(doc))) return { recognised: true, status: 'empty', holdings: [], warnings };
    if (hinted !== 'holdings') return { recognised: false, status: 'absent', holdings: [], warnings };
    warnings.push('holdings: no table with an instrument, a held quantity and a valuation was found');
    return { recognised: true, status: 'unreadable', holdings: [], warnings };
  }
  const holdings: HoldingRow[] = [];
  for (const t of tables) {
    const rows = readHoldingRows(t, warnings, one);
    if (!rows) return { recognised: true, status: 'unreadable', holdings: [], warnings };
    holdings.push(...rows);
  }
  return { recognised: true, status: holdings.length ? 'ok' : 'empty', holdings, warnings };
}
