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
    // only the extension's own pages (a tab of alerts.html or dashboard.html has sender.tab too)
    const ownPage = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
    if ((message as { type?: string } | null)?.type === REFRESH_BADGE && ownPage) {
      return refreshBadge(db, browserEffects).then(() => ({ ok: true }));
    }
    if (!isContentMessage(message)) return undefined;
    return handleContentMessage(db, message, sender.url ?? sender.tab?.url).then(async (r) => {
      if (r.capture?.newEventIds.length) await afterCapture(db, r.capture.newEventIds, browserEffects, uiLang());
      return { ok: true, check: r.check };
    });
  });
}
