// A DOM outside the page. Chrome's service worker has no DOMParser, and Node
// has none either: linkedom gives both the same parser, so a snapshot reads the
// same in the background, in the CLI and in tests.

import { DOMParser as LinkedomParser } from 'linkedom/worker';

const UPPER = /[A-Z]/;

/**
 * linkedom keeps attribute names as written (it does not lower-case them, for
 * SVG's camelCase), so `TYPE="PASSWORD"` or `COLSPAN="3"` in an old broker page
 * (kabucom/fixtures/login.html) would not be seen as a browser sees them. HTML
 * attribute names are lower-cased here, as the HTML parser does; SVG is left alone.
 */
function lowerCaseAttributeNames(root: Element): void {
  // a loop in document order, not recursion: pages may nest deeper than the stack (deep-pages.test.ts)
  let el: Element | null = root;
  while (el) {
    if (el.localName !== 'svg' && el.hasAttributes()) {
      for (const { name, value } of Array.from(el.attributes)) {
        if (!UPPER.test(name)) continue;
        el.removeAttribute(name);
        const lower = name.toLowerCase();
        if (!el.hasAttribute(lower)) el.setAttribute(lower, value);
      }
    }
    let next: Element | null = el.localName === 'svg' ? null : el.firstElementChild;
    for (let up: Element | null = el; !next && up && up !== root; up = up.parentElement) next = up.nextElementSibling;
    el = next;
  }
}

function parse(html: string): Document {
  const doc = new LinkedomParser().parseFromString(html, 'text/html') as unknown as Document;
  if (doc.documentElement) return doc;
  // linkedom makes no <html> for text without an element ('', plain text, a lone comment or doctype), where a
  // browser would; then `doc.title` throws in linkedom (found by tests/fuzz). Wrap it as a browser does.
  return new LinkedomParser().parseFromString(
    `<html><head></head><body>${html.replace(/^\s*<!doctype[^>]*>/i, '')}</body></html>`,
    'text/html',
  ) as unknown as Document;
}

export function parseHtml(html: string): Document {
  const doc = parse(html);
  if (doc.documentElement) lowerCaseAttributeNames(doc.documentElement);
  return doc;
}
