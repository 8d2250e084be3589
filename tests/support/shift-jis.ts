// Text to Shift_JIS bytes without a dependency. Node only ships decoders for
// legacy encodings, so the encoding table is built once by decoding every
// Shift_JIS byte sequence (the WHATWG decoder is the one browsers use, so the
// bytes we serve decode back to exactly the same text in Chromium).

let table: Map<string, number[]> | undefined;

function encodingTable(): Map<string, number[]> {
  if (table) return table;
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  const map = new Map<string, number[]>();
  const add = (bytes: number[]) => {
    let ch: string;
    try {
      ch = decoder.decode(new Uint8Array(bytes));
    } catch {
      return;
    }
    // the first (lowest) sequence wins: NEC/IBM duplicates map to the NEC row, as Windows does
    if (ch.length > 0 && !map.has(ch)) map.set(ch, bytes);
  };
  for (let b = 0; b <= 0x80; b++) add([b]);
  for (let b = 0xa1; b <= 0xdf; b++) add([b]); // half-width katakana
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) if (trail !== 0x7f) add([lead, trail]);
  }
  table = map;
  return map;
}

/** Throws on a character Shift_JIS cannot carry, so a page never silently loses text. */
export function encodeShiftJis(text: string): Uint8Array {
  const map = encodingTable();
  const out: number[] = [];
  for (const ch of text) {
    const bytes = map.get(ch);
    if (!bytes)
      throw new Error(`not encodable in Shift_JIS: U+${ch.codePointAt(0)!.toString(16).toUpperCase()} "${ch}"`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}
