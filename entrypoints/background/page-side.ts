// A broker page's content script asks for its page spec (utils/brokers/page-spec.ts):
// answered by the sender's URL and frame, so a page learns only its own broker's spec,
// and only while the user watches that broker.

import { browser } from 'wxt/browser';
import { pageSpecReply } from '../../utils/brokers/page-sides';
import { isPageSideRequest } from '../../utils/messaging/messages';
import { openDb } from '../../utils/store/db';
import { brokerEnabled } from '../../utils/store/settings-read';

export function registerPageSide(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isPageSideRequest(message) || sender.id !== browser.runtime.id) return undefined;
    const db = openDb();
    return pageSpecReply(sender.url ?? sender.tab?.url, sender.frameId, (id) => brokerEnabled(db, id));
  });
}
