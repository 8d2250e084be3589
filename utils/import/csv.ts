// A CSV tokenizer for broker exports: quoted and unquoted fields mixed on one
// line (SBI: `"2026/06/17","中央製作所",…,株式現物買,"--"`, brokers.md §2.4),
// thousands separators inside quotes (`"203,200"`, §1.5), doubled quotes,
// line breaks inside quotes, CRLF / LF / CR. Cells are returned as written
// (numbers are read later with their separators).

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else if (ch === '\n') endRow();
    else cell += ch;
  }
  if (cell !== '' || row.length > 0) endRow();
  // a file ends with a line break, and preambles are separated by blank lines: drop empty rows at the end only
  while (rows.length && rows[rows.length - 1]!.every((c) => c.trim() === '')) rows.pop();
  return rows;
}

/** Whether a row is blank (`""`, `,,,`): preambles are separated by them. */
export function isBlankRow(row: string[]): boolean {
  return row.every((c) => c.trim() === '');
}
