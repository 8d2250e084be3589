import { browser } from 'wxt/browser';
import { refreshBadge } from '../../utils/alerts/after-capture';
import { finishPendingWork, serialised } from '../../utils/alerts/pending';
import { serveContentMessage } from '../../utils/capture/background';
import { parseHtml } from '../../utils/dom/parse-html';
import { uiLang } from '../../utils/i18n';
import { isContentMessage } from '../../utils/messaging/messages';
import { PENDING_MESSAGE, REFRESH_BADGE_MESSAGE } from '../../utils/messaging/page-messages';
import { openDb } from '../../utils/store/db';
import { browserEffects } from './notifications';

/** Owed work (reading, detection, notification): one pass at a time in this worker (utils/alerts/pending.ts). */
export const finishPending = serialised(() => finishPendingWork(openDb(), parseHtml, browserEffects, uiLang()));

export function registerMessaging(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const db = openDb();
    // only the extension's own pages (a tab of alerts.html or dashboard.html has sender.tab too)
    const ownPage = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
    const type = (message as { type?: string } | null)?.type;
    if (type === REFRESH_BADGE_MESSAGE.type && ownPage) {
      return refreshBadge(db, browserEffects).then(() => ({ ok: true }));
    }
    if (type === PENDING_MESSAGE.type && ownPage) return finishPending().then(() => ({ ok: true }));
    if (!isContentMessage(message)) return undefined;
    return serveContentMessage(db, message, sender.url ?? sender.tab?.url, finishPending, browserEffects.storageFull);
  });
}
