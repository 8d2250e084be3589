// The icons are generated, never edited by hand: each committed PNG is exactly
// what `npm run icons` renders from assets/icon/*.svg, at its declared size.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, renderIcon } from '../../scripts/icons';

const root = join(__dirname, '..', '..');

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

describe('icons', () => {
  it.each(ICON_SIZES.map((s) => [s]))('public/icon/%i.png is the render of its SVG source at that size', (size) => {
    const committed = new Uint8Array(readFileSync(join(root, 'public', 'icon', `${size}.png`)));
    expect(pngSize(committed)).toEqual({ width: size, height: size });
    expect(Buffer.from(committed).equals(Buffer.from(renderIcon(size))), 'run npm run icons').toBe(true);
  });
});
