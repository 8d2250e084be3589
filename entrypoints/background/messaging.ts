import { browser } from 'wxt/browser';
import { afterCapture, refreshBadge } from '../../utils/alerts/after-capture';
import { handleContentMessage } from '../../utils/capture/background';
import { uiLang } from '../../utils/i18n';
import { isContentMessage } from '../../utils/messaging/messages';
import { openDb } from '../../utils/store/db';
import { browserEffects } from './notifications';

// Extension pages (alerts, orders import) tell the background when the badge may have changed.
const REFRESH_BADGE = 'kg/refresh-badge';

export function registerMessaging(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const db = openDb();
    if ((message as { type?: string } | null)?.type === REFRESH_BADGE && sender.id === browser.runtime.id && !sender.tab) {
      return refreshBadge(db, browserEffects).then(() => ({ ok: true }));
    }
    if (!isContentMessage(message)) return undefined;
    return handleContentMessage(db, message, sender.url ?? sender.tab?.url).then(async (r) => {
      if (r.capture?.newEventIds.length) await afterCapture(db, r.capture.newEventIds, browserEffects, uiLang());
      return { ok: true, check: r.check };
    });
  });
}
