// A DOM outside the page. Chrome's service worker has no DOMParser, and Node
// has none either: linkedom gives both the same parser, so a snapshot reads the
// same in the background, in the CLI and in tests.

import { DOMParser as LinkedomParser } from 'linkedom/worker';

export function parseHtml(html: string): Document {
  const doc = new LinkedomParser().parseFromString(html, 'text/html') as unknown as Document;
  if (doc.documentElement) return doc;
  // linkedom makes no <html> for text without an element ('', plain text, a lone comment or doctype), where a
  // browser would; then `doc.title` throws in linkedom (found by tests/fuzz). Wrap it as a browser does.
  return new LinkedomParser().parseFromString(
    `<html><head></head><body>${html.replace(/^\s*<!doctype[^>]*>/i, '')}</body></html>`,
    'text/html',
  ) as unknown as Document;
}
