// The brokers as the content script knows them: each declaration's page side
// (state and page kind only; sense-page.ts). One content script serves every
// broker (entrypoints/broker.content.ts); it carries no declaration and asks
// the background for its page's spec (page-spec.ts), which is answered here.

import { encodePageSpec } from './page-spec';
import { DECLARATIONS } from './registry';
import { pageSideFrom, type PageSide } from './shared/sense-page';

export const PAGE_SIDES: readonly PageSide[] = DECLARATIONS.map(pageSideFrom);

export function pageSideOf(id: string): PageSide | undefined {
  return PAGE_SIDES.find((p) => p.id === id);
}

function declarationForUrl(url: string | undefined) {
  let u: URL;
  try {
    u = new URL(url ?? '');
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:') return undefined;
  return DECLARATIONS.find((d) => d.hosts.includes(u.hostname));
}

/** The page side whose hosts include this URL's host (https only). */
export function pageSideForUrl(url: string): PageSide | undefined {
  const d = declarationForUrl(url);
  return d && pageSideOf(d.id);
}

/** The background's answer to a page asking for its spec: by the sender's URL, never by what the page says. */
export function pageSpecReply(senderUrl: string | undefined): { spec?: unknown } {
  const d = declarationForUrl(senderUrl);
  return d ? { spec: encodePageSpec(d) } : {};
}
