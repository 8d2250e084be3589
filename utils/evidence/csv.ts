// CSV as Excel (Japanese Windows) and LibreOffice open it: UTF-8 with a BOM,
// CRLF, RFC 4180 quoting. Text cells that a spreadsheet would run as a formula
// (= + - @ TAB CR first, full-width ＝ ＋ － ＠ too, also after leading spaces)
// get a leading single quote (OWASP "CSV injection"); the report says so,
// since it changes what a reader sees in those cells. Numbers stay numbers
// (issue 11 defect 10: a guarded '-12345 is text, and a loss no longer sums).

export const CSV_BOM = '\ufeff';
const FORMULA_START = /^[\s\u00a0\u3000\ufeff]*[=+\-@\t\r＝＋－＠]/;
/** A plain negative number ('-12345', '-1,234.5'): a spreadsheet reads it as a number, no formula can hide in it. */
const NEGATIVE_NUMBER = /^-(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

export function csvCell(value: unknown): string {
  let s =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  if (typeof value !== 'number' && typeof value !== 'bigint' && FORMULA_START.test(s) && !NEGATIVE_NUMBER.test(s))
    s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

/** Reads back what csvRow wrote (tests, verification). Undoes only the quoting, not the formula guard. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.startsWith(CSV_BOM) ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
