// The brokers as the content script knows them: each declaration's page side
// (state and page kind only; sense-page.ts). One content script serves every
// broker (entrypoints/broker.content.ts) and picks its page side by host.

import { DECLARATIONS } from './registry';
import { sensePage, type PageSide } from './shared/sense-page';

export const PAGE_SIDES: readonly PageSide[] = DECLARATIONS.map((d) => ({
  id: d.id,
  hosts: d.hosts,
  readPage: (doc, url, taught) => sensePage(d, doc, url, taught),
}));

export function pageSideOf(id: string): PageSide | undefined {
  return PAGE_SIDES.find((p) => p.id === id);
}

/** The page side whose hosts include this URL's host (https only). */
export function pageSideForUrl(url: string): PageSide | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:') return undefined;
  return PAGE_SIDES.find((p) => p.hosts.includes(u.hostname));
}
