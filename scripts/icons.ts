// The toolbar and store icons, rendered from the SVG sources in assets/icon/
// with resvg (no system fonts: the mark is drawn with paths). 16 and 32 px use
// the simpler drawing; 48, 96 and 128 px the full one. Deterministic: the
// committed PNGs are checked against a fresh render (tests/meta/icons.test.ts).
//
//   npm run icons

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
const root = join(import.meta.dirname ?? __dirname, '..');

export function sourceFor(size: number): string {
  return join(root, 'assets', 'icon', size <= 32 ? 'kabu-guard-small.svg' : 'kabu-guard.svg');
}

export function renderIcon(size: number): Uint8Array {
  const svg = readFileSync(sourceFor(size), 'utf8');
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

if (process.argv[1] && /icons\.ts$/.test(process.argv[1])) {
  for (const size of ICON_SIZES) {
    const png = renderIcon(size);
    writeFileSync(join(root, 'public', 'icon', `${size}.png`), png);
    console.log(`public/icon/${size}.png  ${png.byteLength} bytes`);
  }
}
