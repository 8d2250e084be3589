// The content script's broker: its page spec, asked of the background once per
// page (utils/brokers/page-sides.ts answers by the sender's URL), so the
// content script's bundle carries no broker declaration (page-spec.ts).

import { browser } from 'wxt/browser';
import { decodePageSpec } from '../brokers/page-spec';
import { pageSideFrom, type PageSide } from '../brokers/shared/sense-page';
import type { PageSideRequest } from '../messaging/messages';

export async function requestPageSide(): Promise<PageSide | undefined> {
  const request: PageSideRequest = { type: 'kg/page-side' };
  const reply = (await browser.runtime.sendMessage(request).catch(() => undefined)) as { spec?: unknown } | undefined;
  const spec = decodePageSpec(reply?.spec);
  return spec && pageSideFrom(spec);
}
