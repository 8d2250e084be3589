// Japanese text normalisation shared by every reader.

const ASCII = /^[\x00-\x7f]*$/;

/** Full-width to half-width (NFKC), no-break spaces to spaces, whitespace collapsed. */
export function normalizeText(text: string | null | undefined): string {
  if (!text) return '';
  // NFKC leaves ASCII as it is (dates, addresses, user agents: most cells)
  return (ASCII.test(text) ? text : text.normalize('NFKC')).replace(/[\u00a0\u3000\s]+/g, ' ').trim();
}

// whitespace other than a single inner space (\s includes U+00A0 and U+3000)
const UNCLEAN = /[^\S ]| {2}|^ | $/;

/** Whitespace collapsed but characters kept as shown (names, user agents). */
export function cleanText(text: string | null | undefined): string {
  if (!text) return '';
  // most cells are clean already; testing is cheaper than rebuilding
  if (!UNCLEAN.test(text)) return text;
  return text.replace(/[\u00a0\u3000\s]+/g, ' ').trim();
}

// headerKey's answers: a pure function, asked the same words for every table and row
const headerKeys = new Map<string, string>();

/** For comparing header words: NFKC, no spaces, no trailing colons or note marks. */
export function headerKey(text: string): string {
  let key = headerKeys.get(text);
  if (key === undefined) {
    key = normalizeText(text)
      .replace(/\s+/g, '')
      .replace(/[:：]+$/, '')
      .replace(/[※*]+$/, '')
      .toLowerCase();
    if (headerKeys.size >= 5_000) headerKeys.clear();
    headerKeys.set(text, key);
  }
  return key;
}

/** `1,234.5` / `１，２３４` / `-` / `--` -> number or undefined. */
export function parseNumber(text: string | null | undefined): number | undefined {
  const t = normalizeText(text)
    .replace(/[,円株口]/g, '')
    .replace(/\s+/g, '');
  if (t === '' || /^-+$/.test(t)) return undefined;
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/** A stable, synchronous 64-bit FNV-1a hash as hex (record identities, not security). */
export function stableHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    h2 ^= h2 >>> 15;
  }
  // `^` yields a signed int32: unsigned, or a negative half prints as `-…`
  return h1.toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
