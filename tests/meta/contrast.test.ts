// Text is readable: every colour pair in the extension's stylesheets and the
// report's has a contrast of at least 4.5:1 (WCAG 2 AA; issue 10 found 要確認 at
// 4.34:1 and （記入してください） at 3.54:1). The pairs are read from the CSS:
// a rule's text colour against its own background, or, where it sets none,
// against the page's background and every background set by its block (the
// BEM block of its classes: `.alert__severity` sits on `.alert`, `.alert--high`)
// or by the classes it is nested under; a rule that sets only a background is
// checked against the page's text colour.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_CSS_TEXT } from '../../utils/evidence/report';

const root = join(__dirname, '..', '..');

type Rgb = [number, number, number];

const NAMED: Record<string, Rgb> = { white: [255, 255, 255], black: [0, 0, 0] };

export function parseColor(v: string): Rgb | undefined {
  const s = v.trim().toLowerCase();
  if (NAMED[s]) return NAMED[s];
  let m = /^#([0-9a-f]{3})$/.exec(s);
  if (m) return [...m[1]!].map((c) => parseInt(c + c, 16)) as Rgb;
  m = /^#([0-9a-f]{6})$/.exec(s);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1]!.slice(i, i + 2), 16)) as Rgb;
  m = /^rgb\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*\)$/.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return undefined;
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const x = c / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

interface Rule {
  selector: string;
  color?: Rgb;
  background?: Rgb;
}

/** Flat rules of a stylesheet (@media blocks opened, @page and keyframes skipped). */
function rules(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const out: Rule[] = [];
  const re = /([^{}]+)\{([^{}]*)\}/g;
  for (const m of text.matchAll(re)) {
    const selector = m[1]!.replace(/@media[^{]*\{/g, '').trim();
    if (!selector || selector.startsWith('@')) continue;
    const decls = Object.fromEntries(
      m[2]!
        .split(';')
        .map((d) => d.split(':'))
        .filter((p) => p.length >= 2)
        .map(([k, ...v]) => [k!.trim(), v.join(':').trim()]),
    );
    const bgText = decls['background-color'] ?? decls.background;
    const color = decls.color ? parseColor(decls.color) : undefined;
    const background = bgText ? parseColor(bgText.split(/\s+/)[0]!) : undefined;
    for (const sel of selector.split(',').map((x) => x.trim()))
      out.push({ selector: sel, ...(color ? { color } : {}), ...(background ? { background } : {}) });
  }
  return out;
}

const classesOf = (selector: string) => [...selector.matchAll(/\.([A-Za-z][\w-]*)/g)].map((m) => m[1]!);
const blockOf = (cls: string) => cls.split(/__|--/)[0]!;
const hex = (c: Rgb) => `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;

/** Every text / background pair of one stylesheet, with where it comes from. */
export function colourPairs(css: string): Array<{ what: string; fg: Rgb; bg: Rgb }> {
  const rs = rules(css);
  const page = rs.find((r) => /^(body|:root|html)$/.test(r.selector));
  const pageBg = rs.find((r) => /^(body|:root|html)$/.test(r.selector) && r.background)?.background ?? [255, 255, 255];
  const pageFg = page?.color ?? rs.find((r) => /^(body|:root|html)$/.test(r.selector) && r.color)?.color ?? [0, 0, 0];
  const pairs: Array<{ what: string; fg: Rgb; bg: Rgb }> = [];
  for (const r of rs) {
    if (r.color && r.background) pairs.push({ what: r.selector, fg: r.color, bg: r.background });
    else if (r.color) {
      const classes = classesOf(r.selector);
      const blocks = new Set(classes.map(blockOf));
      const containers = rs.filter(
        (o) =>
          o.background &&
          o !== r &&
          // a container: its classes are this rule's block, or it is named in this selector's ancestors
          classesOf(o.selector).some((c) => blocks.has(blockOf(c)) || classes.slice(0, -1).includes(c)) &&
          // never a control's own colours, nor a decorative shape that holds no text (the light's dot)
          !/button|:disabled|::|__dot\b/.test(o.selector),
      );
      pairs.push({ what: `${r.selector} on the page`, fg: r.color, bg: pageBg });
      for (const c of containers)
        pairs.push({ what: `${r.selector} on ${c.selector}`, fg: r.color, bg: c.background! });
    } else if (r.background && !/button|:disabled|dot|::/.test(r.selector)) {
      pairs.push({ what: `text on ${r.selector}`, fg: pageFg, bg: r.background });
    }
  }
  return pairs;
}

function stylesheets(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.css')) out.push([p.slice(root.length + 1), readFileSync(p, 'utf8')]);
    }
  };
  walk(join(root, 'entrypoints'));
  walk(join(root, 'components'));
  out.push(['utils/evidence/report.ts (REPORT_CSS_TEXT)', REPORT_CSS_TEXT]);
  return out;
}

describe('contrast', () => {
  it.each([
    // the two failures issue 10 measured, and known references
    ['#b35c00', '#fff4e5', 4.34],
    ['#888888', '#ffffff', 3.54],
    ['#000000', '#ffffff', 21],
    ['#767676', '#ffffff', 4.54],
  ])('%s on %s is %s:1', (fg, bg, ratio) => {
    expect(contrast(parseColor(fg)!, parseColor(bg)!)).toBeCloseTo(ratio, 2);
  });

  it('finds the pairs a stylesheet makes', () => {
    const pairs = colourPairs(
      'body { background: #fff; color: #111; } .review { background: #fff; } .review__item--look { background: #fff4e5; } .review__flag { color: #b35c00; } .x .y { color: #888; }',
    );
    expect(pairs.map((p) => `${p.what} ${hex(p.fg)}/${hex(p.bg)}`)).toEqual([
      'body #111111/#ffffff',
      'text on .review #111111/#ffffff',
      'text on .review__item--look #111111/#fff4e5',
      '.review__flag on the page #b35c00/#ffffff',
      '.review__flag on .review #b35c00/#ffffff',
      '.review__flag on .review__item--look #b35c00/#fff4e5',
      '.x .y on the page #888888/#ffffff',
    ]);
  });

  it.each(stylesheets())('%s: every text colour has 4.5:1 or more', (_name, css) => {
    const pairs = colourPairs(css);
    // a sheet that sets a text or background colour makes pairs (none found would be this reader failing);
    // one that sets neither (components/IncidentSummary.css: layout and borders only) has none to check
    const colours = /(^|[\s;{])(color|background(-color)?)\s*:/.test(css.replace(/\/\*[\s\S]*?\*\//g, ''));
    expect(pairs.length > 0).toBe(colours);
    const low = pairs
      .map((p) => ({ ...p, ratio: contrast(p.fg, p.bg) }))
      .filter((p) => p.ratio < 4.5)
      .map((p) => `${p.what}: ${hex(p.fg)} on ${hex(p.bg)} = ${p.ratio.toFixed(2)}:1`);
    expect(low).toEqual([]);
  });
});
