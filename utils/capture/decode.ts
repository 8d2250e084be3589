// Bytes to text for saved pages, fetched pages and CSV files. Japanese brokers
// serve Shift_JIS (SBI ETGate, every CSV), EUC-JP (declared by Rakuten
// templates, brokers.md §1.3) and UTF-8: BOM, then a declaration, then the bytes decide.

const LABELS: Record<string, string> = {
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  'x-sjis': 'shift_jis',
  'windows-31j': 'shift_jis',
  cp932: 'shift_jis',
  ms932: 'shift_jis',
  'euc-jp': 'euc-jp',
  'x-euc-jp': 'euc-jp',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'iso-2022-jp': 'iso-2022-jp',
};

export function normaliseCharset(label: string | null | undefined): string | undefined {
  if (!label) return undefined;
  return LABELS[label.trim().toLowerCase()];
}

/** `<meta charset>` or `http-equiv` in the first 4 KB, read as ASCII. */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return normaliseCharset(m?.[1]);
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function score(text: string): number {
  let bad = 0;
  let jp = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) bad++;
    else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff)) jp++;
  }
  return jp - bad * 10;
}

export interface Decoded {
  text: string;
  charset: string;
}

export function decodeBytes(bytes: Uint8Array, declared?: string | null, kind: 'html' | 'text' = 'html'): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  const utf8 = strictUtf8(bytes);
  // pure ASCII or valid UTF-8 with Japanese text is UTF-8 whatever a stale meta says
  const label = normaliseCharset(declared) ?? (kind === 'html' ? declaredHtmlCharset(bytes) : undefined);
  if (label && label !== 'utf-8' && !(utf8 !== undefined && /[^\x00-\x7f]/.test(utf8))) {
    return { text: new TextDecoder(label).decode(bytes), charset: label };
  }
  if (utf8 !== undefined) return { text: utf8, charset: 'utf-8' };
  const candidates = ['shift_jis', 'euc-jp'].map((cs) => {
    const text = new TextDecoder(cs).decode(bytes);
    return { text, charset: cs, s: score(text) };
  });
  candidates.sort((a, b) => b.s - a.s);
  return { text: candidates[0]!.text, charset: candidates[0]!.charset };
}
