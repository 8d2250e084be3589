// Notifications, badge and the immediate re-read for high alerts: the browser
// side of utils/alerts/after-capture.ts. Clicking a notification opens the alert.

import { browser } from 'wxt/browser';
import type { WorkerEffects } from '../../utils/alerts/pending';
import { BROKERS } from '../../utils/brokers';
import { hostPatterns } from '../../utils/brokers/hosts';
import type { BrokerId } from '../../utils/brokers/types';
import { startCheck } from '../../utils/capture/check-plan';
import { openDb } from '../../utils/store/db';
import { checkTimingFor, loadSettings } from '../../utils/store/settings';
import { t } from '../../utils/i18n';

const STORAGE_FULL = 'storage-full';

const ALERT_PREFIX = 'alert:';
/** One notification per incident, replaced under the same id as the incident grows (issue 10). */
export const INCIDENT_PREFIX = 'incident:';

export async function askTabToCapture(broker: BrokerId, force: boolean, now = Date.now()): Promise<boolean> {
  const adapter = BROKERS.find((b) => b.id === broker)!;
  const tabs = await browser.tabs.query({ url: hostPatterns(adapter) });
  const tab = tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  if (tab?.id === undefined || !tab.url) return false;
  const db = openDb();
  const check = await startCheck(db, broker, tab.url, now, force, checkTimingFor(await loadSettings(db)));
  if (!check) return false;
  // the top frame only: its URL is the one startCheck put the session from, and a frame set (松井) runs one check,
  // not one per frame (the frames' own checks come in reply to their visits, with their own URLs)
  await browser.tabs.sendMessage(tab.id, check, { frameId: 0 }).catch(() => undefined);
  return true;
}

export const browserEffects: WorkerEffects = {
  async notify(plan, text) {
    await browser.notifications.create(`${INCIDENT_PREFIX}${plan.incidentId}`, {
      type: 'basic' as const,
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: text.title,
      message: text.message,
      priority: plan.requireInteraction ? 2 : 1,
      // Firefox's notification options have no requireInteraction and reject the whole call when it is
      // given (found by tests/e2e/firefox-alerts.e2e.test.ts): there, a high alert relies on priority 2
      ...(plan.requireInteraction && !import.meta.env.FIREFOX ? { requireInteraction: true } : {}),
    });
  },
  async setBadge(badge) {
    await browser.action.setBadgeText({ text: badge.text });
    await browser.action.setBadgeBackgroundColor({ color: badge.color });
  },
  async captureNow(broker) {
    await askTabToCapture(broker, true);
  },
  // a full disk is never silent: the page kept (or not), said plainly; stays until the user acts
  async storageFull(err) {
    await browser.notifications.create(STORAGE_FULL, {
      type: 'basic' as const,
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('storageFullTitle'),
      message: t(err.at === 'snapshot' ? 'storageFullNotSaved' : 'storageFullKept'),
      priority: 2,
      requireInteraction: true,
    });
  },
};

export function registerNotifications(): void {
  browser.notifications.onClicked.addListener((id) => {
    if (id === STORAGE_FULL) {
      void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') + '#settings' });
      void browser.notifications.clear(id);
      return;
    }
    // the alerts page focuses the incident's card (or, for a notification of an older version, the alert)
    const prefix = [INCIDENT_PREFIX, ALERT_PREFIX].find((p) => id.startsWith(p));
    if (!prefix) return;
    void browser.tabs.create({
      url: browser.runtime.getURL('/alerts.html') + `#${encodeURIComponent(id.slice(prefix.length))}`,
    });
    void browser.notifications.clear(id);
  });
}
