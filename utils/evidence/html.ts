// The ONE escape function of the evidence report. Broker text is hostile input
// (STYLE: rendered as text, always): every value interpolated into `html`
// goes through escapeHtml unless it is already a trusted Html fragment built
// by this same template. Values only ever land in text or in double-quoted
// attributes, never inside <script>, <style> or URL attributes. Invisible
// and reordering controls (U+202E, NUL ...) are shown as [U+XXXX] (visible.ts).

import { visible } from '../text/visible';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(value: unknown): string {
  return visible(String(value ?? '')).replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

/** Markup built by `html` (or a constant of this codebase): never from broker data. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | boolean | null | undefined | ReadonlyArray<Part>;

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(part);
}

/** Tagged template: the literal parts are markup, every interpolation is text. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}

/** For markup constants of this codebase only (CSS, fixed snippets). */
export function trusted(markup: string): Html {
  return new Html(markup);
}
