// Reads every "table" on a page into a grid of cell texts, whatever its markup:
// <table> with <th> or first-row <td> headers, row- and col-spans expanded
// (SBI's 当日約定一覧 row-spans 銘柄: brokers.md §2.2), nested layout tables
// kept apart, and div/list tables whose cells carry `data-label` (SBI's new
// site, `li.table-row > div.table-item[data-label]`: brokers.md §2.3).
// Which row is the header, and what it means, is decided by the caller.

import { cleanText, headerKey } from './text';

export interface Cell {
  text: string;
  isHeader: boolean;
  /** The element the cell came from (for links like `i_stock_sec=`, `data-security-code`). */
  el: Element;
}

export interface Grid {
  source: 'table' | 'data-label';
  element: Element;
  rows: Cell[][];
  /** For data-label grids the header is known from the labels. */
  labels?: string[];
}

const MAX_SPAN = 100;

function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const tr of Array.from(table.querySelectorAll('tr'))) {
    if (tr.closest('table') === table) rows.push(tr);
  }
  return rows;
}

/** Text of a cell as a person sees it, with <br> and block boundaries as spaces. */
export function cellText(el: Element): string {
  let out = '';
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toLowerCase();
        if (tag === 'script' || tag === 'style' || tag === 'template') continue;
        if (tag === 'br' || tag === 'p' || tag === 'div' || tag === 'li') out += ' ';
        walk(child);
        if (tag === 'p' || tag === 'div' || tag === 'li') out += ' ';
      }
    }
  };
  walk(el);
  return cleanText(out);
}

function readHtmlTable(table: Element): Grid {
  const grid: Cell[][] = [];
  // carry[col] = cell still spanning down into following rows
  const carry: Array<{ cell: Cell; left: number } | undefined> = [];
  for (const tr of ownRows(table)) {
    const row: Cell[] = [];
    let col = 0;
    const takeCarried = () => {
      while (carry[col] && carry[col]!.left > 0) {
        row[col] = carry[col]!.cell;
        carry[col]!.left--;
        col++;
      }
    };
    for (const td of Array.from(tr.children)) {
      const tag = td.tagName.toLowerCase();
      if (tag !== 'td' && tag !== 'th') continue;
      takeCarried();
      const cell: Cell = { text: cellText(td), isHeader: tag === 'th', el: td };
      const colspan = clampSpan(td.getAttribute('colspan'));
      const rowspan = clampSpan(td.getAttribute('rowspan'));
      for (let i = 0; i < colspan; i++) {
        row[col] = cell;
        if (rowspan > 1) carry[col] = { cell, left: rowspan - 1 };
        col++;
      }
    }
    takeCarried();
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
function readDataLabelTables(root: ParentNode): Grid[] {
  const byList = new Map<Element, Map<Element, Element[]>>();
  for (const cell of Array.from(root.querySelectorAll('[data-label]'))) {
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
        const idx = labels.findIndex(
          (l) => headerKey(l) === headerKey(cleanText(c.getAttribute('data-label'))),
        );
        if (idx >= 0) row[idx] = { text: cellText(c), isHeader: false, el: c };
      }
      grid.push(row);
    }
    grids.push({ source: 'data-label', element: listEl, rows: grid, labels });
  }
  return grids;
}

export function readGrids(root: ParentNode): Grid[] {
  const grids: Grid[] = [];
  for (const table of Array.from(root.querySelectorAll('table'))) {
    const g = readHtmlTable(table);
    if (g.rows.length > 0) grids.push(g);
  }
  grids.push(...readDataLabelTables(root));
  return grids;
}
