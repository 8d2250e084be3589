// A broker page's content script asks for its page spec (utils/brokers/page-spec.ts):
// answered by the sender's URL, so a page learns only its own broker's spec.

import { browser } from 'wxt/browser';
import { pageSpecReply } from '../../utils/brokers/page-sides';
import { isPageSideRequest } from '../../utils/messaging/messages';

export function registerPageSide(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isPageSideRequest(message) || sender.id !== browser.runtime.id) return undefined;
    return Promise.resolve(pageSpecReply(sender.url ?? sender.tab?.url));
  });
}
