import { browser } from 'wxt/browser';
import { handleContentMessage } from '../../utils/capture/background';
import { isContentMessage } from '../../utils/messaging/messages';
import { openDb } from '../../utils/store/db';

export function registerMessaging(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isContentMessage(message)) return undefined;
    return handleContentMessage(openDb(), message, sender.url ?? sender.tab?.url).then((r) => ({ ok: true, check: r.check }));
  });
}
