// Teach mode in the background (utils/teach/background.ts): the popup starts
// it in a broker tab, the content script asks for the tables taught for its
// page, the teach UI saves a mapping. The teach UI is its own bundle
// (entrypoints/teach.ts -> /teach.js), injected only when the user asks, so
// the content scripts stay small.

import { browser } from 'wxt/browser';
import { handleTeachMessage, type TeachApi } from '../../utils/teach/background';
import { isTeachMessage } from '../../utils/teach/messages';
import { openDb } from '../../utils/store/db';

const TEACH_SCRIPT = '/teach.js';

const api: TeachApi = {
  extensionOrigin: browser.runtime.getURL('/'),
  tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
  inject: async (tabId) => {
    await browser.scripting.executeScript({ target: { tabId }, files: [TEACH_SCRIPT] });
  },
};

export function registerTeach(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isTeachMessage(message) || sender.id !== browser.runtime.id) return undefined;
    return handleTeachMessage(openDb(), message, sender, api);
  });
}
