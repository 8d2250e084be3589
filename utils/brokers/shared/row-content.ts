import { normalizeText } from './text';

/** A row as shown, for a warning: its non-empty cells, short (a row that could not be read is named by what it says). */
export function rowContent(row: ReadonlyArray<{ text: string }>): string {
  return row
    .map((c) => normalizeText(c.text))
    .filter(Boolean)
    .join(' | ')
    .slice(0, 120);
}
