// The brokers as the content script knows them: each declaration's page side
// (state and page kind only; sense-page.ts). One content script serves every
// broker (entrypoints/broker.content.ts); it carries no declaration and asks
// the background for its page's spec (page-spec.ts), which is answered here,
// for the top frame, or for every frame of a frame-set broker (松井).

import { encodePageSpec } from './page-spec';
import { DECLARATIONS, type BrokerId } from './registry';
import type { PageSideReply } from '../messaging/messages';
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

/**
 * The background's answer to a page asking for its spec: by the sender's URL and frame, never by what the
 * page says. A sub-frame (`frameId` not 0) is answered only for a broker whose site is a frame set (松井:
 * each frame is read on its own); other brokers' sub-frames (widgets, ads) are not their pages. A broker
 * the user turned off gets no answer, so its pages are not read at all.
 */
export async function pageSpecReply(
  senderUrl: string | undefined,
  frameId: number | undefined,
  enabled: (broker: BrokerId) => Promise<boolean>,
): Promise<PageSideReply> {
  const d = declarationForUrl(senderUrl);
  if (!d || (frameId && !d.frames) || !(await enabled(d.id))) return {};
  return { spec: encodePageSpec(d) };
}
