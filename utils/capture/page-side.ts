// The content script's broker: its page spec, asked of the background once per
// page or frame (utils/brokers/page-sides.ts answers by the sender's URL and frame), so the
// content script's bundle carries no broker declaration (page-spec.ts).

import { browser } from 'wxt/browser';
import { decodePageSpec } from '../brokers/page-spec';
import { pageSideFrom, type PageSide } from '../brokers/shared/sense-page';
import type { PageSideReply, PageSideRequest } from '../messaging/messages';

export async function requestPageSide(): Promise<PageSide | undefined> {
  const request: PageSideRequest = { type: 'kg/page-side' };
  const reply = (await browser.runtime.sendMessage(request).catch(() => undefined)) as PageSideReply | undefined;
  const spec = decodePageSpec(reply?.spec);
  return spec && pageSideFrom(spec);
}
