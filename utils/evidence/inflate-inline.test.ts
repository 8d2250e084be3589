import { randomBytes } from 'node:crypto';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { INFLATE_JS } from './inflate-inline';

const inflateRaw = new Function(`${INFLATE_JS}; return inflateRaw;`)() as (d: Uint8Array, max?: number) => Uint8Array;

const text = new TextEncoder().encode(
  '<tr><td>2025/03/29 02:41</td><td>PC</td></tr>\n'.repeat(3000) + '楽天証券 ログイン履歴'.repeat(50),
);
const random = new Uint8Array(randomBytes(70_000));

describe('inline inflate (verify.html fallback)', () => {
  it.each([
    ['empty', new Uint8Array(0), 6],
    ['text, level 0 (stored blocks)', text, 0],
    ['text, level 1', text, 1],
    ['text, level 9 (dynamic Huffman)', text, 9],
    ['short text (fixed Huffman)', new TextEncoder().encode('abcabcabc'), 6],
    ['random bytes', random, 6],
  ] as const)('%s', (_name, data, level) => {
    expect(Buffer.from(inflateRaw(deflateSync(data, { level })))).toEqual(Buffer.from(data));
  });

  it('stops at the size it is allowed (a ZIP bomb does not grow the buffer)', () => {
    const bomb = deflateSync(new Uint8Array(50 << 20), { level: 9 });
    expect(() => inflateRaw(bomb, 1 << 20)).toThrow(/more output than declared/);
    expect(inflateRaw(deflateSync(text), text.length).length).toBe(text.length);
  });

  it('throws on damaged data instead of returning something', () => {
    const packed = deflateSync(text, { level: 6 });
    expect(() => inflateRaw(packed.subarray(0, packed.length >> 1))).toThrow();
  });
});
