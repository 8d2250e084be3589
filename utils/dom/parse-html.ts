// A DOM outside the page. Chrome's service worker has no DOMParser, and Node
// has none either: linkedom gives both the same parser, so a snapshot reads the
// same in the background, in the CLI and in tests.

import { DOMParser as LinkedomParser } from 'linkedom/worker';

export function parseHtml(html: string): Document {
  return new LinkedomParser().parseFromString(html, 'text/html') as unknown as Document;
}
