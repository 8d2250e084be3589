// Reads every "table" on a page into a grid of cell texts, whatever its markup:
// <table> with <th> or first-row <td> headers, row- and col-spans expanded
// (SBI's 当日約定一覧 row-spans 銘柄: brokers.md §2.2), nested layout tables
// kept apart, div/list tables whose cells carry `data-label` (SBI's new
// site, `li.table-row > div.table-item[data-label]`: brokers.md §2.3), and the
// same lists without `data-label`, their cells matched to the header's by
// position (a public reconstruction has none: docs/brokers.md "Real samples").
// Which row is the header, and what it means, is decided by the caller.

import { cleanText, headerKey } from './text';

export interface Cell {
  text: string;
  isHeader: boolean;
  /** The element the cell came from (for links like `i_stock_sec=`, `data-security-code`). */
  el: Element;
}

export interface Grid {
  source: 'table' | 'data-label' | 'list';
  element: Element;
  rows: Cell[][];
  /** For data-label grids the header is known from the labels. */
  labels?: string[];
}

const MAX_SPAN = 100;

/** The table's rows, not those of tables nested in it: `tr` whose closest table is this one. */
function ownRows(table: Element): Element[] {
  // a walk, not querySelectorAll('tr') + closest(): linkedom compiles the
  // selector and climbs every row's ancestors, ~2 ms on a 1,000-row table.
  // Rows may sit in a <form> or <div> inside the table (old ETGate markup).
  // A loop over the tree in document order, not recursion: a hostile page can
  // nest deeper than the stack (issue 11 defect 9).
  const rows: Element[] = [];
  for (let c = nextInside(table, table, true); c; c = nextInside(c, table, c.localName !== 'table')) {
    if (c.localName === 'tr') rows.push(c);
  }
  return rows;
}

// tag names by localName: lower-case in the HTML documents read here (linkedom's
// tagName upper-cases it on every call)
const SKIPPED = new Set(['script', 'style', 'template']);
const SPACE_BEFORE = new Set(['br', 'p', 'div', 'li']);
const SPACE_AFTER = new Set(['p', 'div', 'li']);

/** Text of a cell as a person sees it, with <br> and block boundaries as spaces. */
export function cellText(el: Element): string {
  // most cells are plain text: their textContent is the walk below
  if (!el.firstElementChild) return cleanText(el.textContent);
  return cleanText(shownText(el, ''));
}

function shownText(root: Node, out: string): string {
  // in document order with an explicit way back up (no recursion: issue 11 defect 9)
  let node: Node | null = root.firstChild;
  while (node) {
    let down = false;
    if (node.nodeType === 3) out += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const tag = (node as Element).localName;
      if (!SKIPPED.has(tag)) {
        if (SPACE_BEFORE.has(tag)) out += ' ';
        down = !!node.firstChild;
        if (!down && SPACE_AFTER.has(tag)) out += ' ';
      }
    }
    if (down) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === 1 && SPACE_AFTER.has((node as Element).localName)) out += ' ';
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return out;
}

const PART_BREAK = new Set(['br', 'p', 'div', 'li']);

/**
 * The values a cell holds, one per line as shown: `取得単価<br>現在値`,
 * `<ul><li>注文番号</li><li>08/29 22:40</li></ul>` (docs/brokers.md "Real samples":
 * SBI 保有証券一覧, Rakuten's US 注文照会, kabu.com, 松井). One part for a plain cell.
 */
export function cellParts(c: Cell): string[] {
  const el = c.el;
  // header cells made from data-label texts, and holes, have no element of their own
  if (!el.firstElementChild || el.localName === 'tr' || cellText(el) !== c.text) return [c.text];
  const parts: string[] = [];
  let cur = '';
  const cut = () => {
    parts.push(cur);
    cur = '';
  };
  // in document order with an explicit way back up (no recursion: issue 11 defect 9)
  let node: Node | null = el.firstChild;
  while (node) {
    let down = false;
    if (node.nodeType === 3) cur += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const tag = (node as Element).localName;
      if (!SKIPPED.has(tag)) {
        if (PART_BREAK.has(tag)) cut();
        down = !!node.firstChild;
        if (!down && PART_BREAK.has(tag) && tag !== 'br') cut();
      }
    }
    if (down) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== el && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== el && node.nodeType === 1) {
        const tag = (node as Element).localName;
        if (PART_BREAK.has(tag) && tag !== 'br') cut();
      }
    }
    node = node && node !== el ? node.nextSibling : null;
  }
  parts.push(cur);
  return parts.map(cleanText).filter((t) => t !== '');
}

/** The element after `el` in document order within `root`, entering `el`'s children when `enter`. */
export function nextInside(el: Element, root: Element | ParentNode, enter: boolean): Element | null {
  if (enter && el.firstElementChild) return el.firstElementChild;
  let c: Element | null = el;
  while (c && c !== root) {
    if (c.nextElementSibling) return c.nextElementSibling;
    const up: ParentNode | null = c.parentNode;
    c = up && up !== root && (up as Element).nodeType === 1 ? (up as Element) : null;
  }
  return null;
}

type Carry = Array<{ cell: Cell; left: number } | undefined>;

/** Cells still spanning down from rows above fill `row` from `col`; returns the next free column. */
function takeCarried(carry: Carry, row: Cell[], col: number): number {
  while (carry[col] && carry[col]!.left > 0) {
    row[col] = carry[col]!.cell;
    carry[col]!.left--;
    col++;
  }
  return col;
}

function readHtmlTable(table: Element): Grid {
  const grid: Cell[][] = [];
  // carry[col] = cell still spanning down into following rows
  const carry: Carry = [];
  for (const tr of ownRows(table)) {
    const row: Cell[] = [];
    let col = 0;
    for (let td = tr.firstElementChild; td; td = td.nextElementSibling) {
      const tag = td.localName;
      if (tag !== 'td' && tag !== 'th') continue;
      col = takeCarried(carry, row, col);
      const cell: Cell = { text: cellText(td), isHeader: tag === 'th', el: td };
      const spans = td.hasAttributes();
      const colspan = spans ? clampSpan(td.getAttribute('colspan')) : 1;
      const rowspan = spans ? clampSpan(td.getAttribute('rowspan')) : 1;
      for (let i = 0; i < colspan; i++) {
        row[col] = cell;
        if (rowspan > 1) carry[col] = { cell, left: rowspan - 1 };
        col++;
      }
    }
    takeCarried(carry, row, col);
    // fill holes (malformed spans) so every row is dense
    for (let i = 0; i < row.length; i++) if (!row[i]) row[i] = { text: '', isHeader: false, el: tr };
    if (row.length > 0) grid.push(row);
  }
  return { source: 'table', element: table, rows: grid };
}

function clampSpan(v: string | null): number {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** Groups `[data-label]` cells by row element, and rows by their list. */
function readDataLabelTables(labelled: Element[]): Grid[] {
  const byList = new Map<Element, Map<Element, Element[]>>();
  for (const cell of labelled) {
    const rowEl = cell.parentElement;
    const listEl = rowEl?.parentElement;
    if (!rowEl || !listEl) continue;
    let rows = byList.get(listEl);
    if (!rows) byList.set(listEl, (rows = new Map()));
    let cells = rows.get(rowEl);
    if (!cells) rows.set(rowEl, (cells = []));
    cells.push(cell);
  }
  const grids: Grid[] = [];
  for (const [listEl, rows] of byList) {
    const labels: string[] = [];
    const seen = new Set<string>();
    for (const cells of rows.values())
      for (const c of cells) {
        const label = cleanText(c.getAttribute('data-label')).replace(/[:：]+$/, '');
        if (!seen.has(headerKey(label))) {
          seen.add(headerKey(label));
          labels.push(label);
        }
      }
    const grid: Cell[][] = [labels.map((l) => ({ text: l, isHeader: true, el: listEl }))];
    for (const [rowEl, cells] of rows) {
      const row: Cell[] = labels.map(() => ({ text: '', isHeader: false, el: rowEl }));
      for (const c of cells) {
        const idx = labels.findIndex((l) => headerKey(l) === headerKey(cleanText(c.getAttribute('data-label'))));
        if (idx >= 0) row[idx] = { text: cellText(c), isHeader: false, el: c };
      }
      grid.push(row);
    }
    grids.push({ source: 'data-label', element: listEl, rows: grid, labels });
  }
  return grids;
}

const HEADER_ROW = /(?:^|\s)table-header(?:\s|$)/;
const DATA_ROW = /(?:^|\s)table-row(?:\s|$)/;

/**
 * Lists whose rows carry no `data-label`: `li.table-header` and `li.table-row`
 * children of one list, each row's element children its cells. Read only when
 * the header has as many cells as the rows have (position is all there is).
 */
function readUnlabelledLists(lists: Element[]): Grid[] {
  const grids: Grid[] = [];
  for (const listEl of lists) {
    const kids = Array.from(listEl.children);
    const header = kids.find((k) => HEADER_ROW.test(k.getAttribute('class') ?? ''));
    const rows = kids.filter((k) => DATA_ROW.test(k.getAttribute('class') ?? ''));
    if (!header || rows.length === 0) continue;
    if (rows.some((r) => r.querySelector('[data-label]'))) continue; // read by its labels
    const headerCells = Array.from(header.children);
    if (headerCells.length < 2 || rows.some((r) => r.children.length !== headerCells.length)) continue;
    const toCells = (el: Element, isHeader: boolean): Cell[] =>
      Array.from(el.children).map((c) => ({ text: cellText(c), isHeader, el: c }));
    grids.push({
      source: 'list',
      element: listEl,
      rows: [toCells(header, true), ...rows.map((r) => toCells(r, false))],
    });
  }
  return grids;
}

/** Tables, `[data-label]` cells and lists with a `table-header` row, in one walk (linkedom's selectors are slow on long pages). */
function tablesAndLabelledCells(root: ParentNode): { tables: Element[]; labelled: Element[]; lists: Element[] } {
  const tables: Element[] = [];
  const labelled: Element[] = [];
  const lists = new Set<Element>();
  // a loop, not recursion: a hostile page can nest deeper than the stack (issue 11 defect 9)
  for (let c = root.firstElementChild; c; c = nextInside(c, root, true)) {
    if (c.localName === 'table') tables.push(c);
    if (c.hasAttributes()) {
      if (c.hasAttribute('data-label')) labelled.push(c);
      else if (c.parentElement && HEADER_ROW.test(c.getAttribute('class') ?? '')) lists.add(c.parentElement);
    }
  }
  return { tables, labelled, lists: [...lists] };
}

export function readGrids(root: ParentNode): Grid[] {
  const grids: Grid[] = [];
  const { tables, labelled, lists } = tablesAndLabelledCells(root);
  for (const table of tables) {
    const g = readHtmlTable(table);
    if (g.rows.length > 0) grids.push(g);
  }
  grids.push(...readDataLabelTables(labelled));
  grids.push(...readUnlabelledLists(lists));
  return grids;
}
