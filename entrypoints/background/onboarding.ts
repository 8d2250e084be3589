// First run and host access: the onboarding page opens once on install, and
// the brokers' content scripts are registered for the hosts the user granted
// (utils/capture/host-access.ts), again whenever grants, settings or the
// browser change. Syncs run one at a time (two at once would register twice).

import { browser } from 'wxt/browser';
import { SYNC_SCRIPTS_MESSAGE, syncContentScripts, type HostAccessApi } from '../../utils/capture/host-access';
import { openDb } from '../../utils/store/db';
import { markInstalled } from '../../utils/store/install';
import { enabledBrokers, loadSettings } from '../../utils/store/settings';

let queue: Promise<unknown> = Promise.resolve();

export function syncRegistrations(): Promise<unknown> {
  const run = async () => {
    const enabled = enabledBrokers(await loadSettings(openDb()));
    await syncContentScripts(browser as unknown as HostAccessApi, enabled);
  };
  queue = queue.then(run).catch((err: unknown) => console.warn('content script sync failed', err));
  return queue;
}

export function registerOnboarding(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') {
      // day one: the history already on the broker's pages is judged as a review, not taken on trust
      void markInstalled(openDb());
      void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
    }
    void syncRegistrations();
  });
  browser.runtime.onStartup.addListener(() => void syncRegistrations());
  browser.permissions?.onAdded.addListener(() => void syncRegistrations());
  browser.permissions?.onRemoved.addListener(() => void syncRegistrations());
  // only the extension's own pages may ask, never a content script
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (
      (message as { type?: string } | null)?.type !== SYNC_SCRIPTS_MESSAGE.type ||
      sender.id !== browser.runtime.id ||
      !sender.url?.startsWith(browser.runtime.getURL('/'))
    )
      return undefined;
    return syncRegistrations().then(() => ({ ok: true }));
  });
}
