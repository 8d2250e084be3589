// The teach UI (utils/teach/picker.ts) as its own bundle, /teach.js: the
// background injects it into a broker tab when the user asks (popup →
// kg/teach-start), so the content scripts never carry it.

import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { brokerForUrl } from '../utils/brokers';
import { serializePage } from '../utils/capture/serialize';
import type { CaptureMessage } from '../utils/messaging/messages';
import type { TeachSaveMessage, TeachSaveReply } from '../utils/teach/messages';
import { startTeach } from '../utils/teach/picker';

export default defineUnlistedScript(() => {
  const broker = brokerForUrl(location.href);
  if (!broker) return;
  startTeach({
    doc: document,
    broker: broker.id,
    url: location.href,
    save: async (draft) => {
      const m: TeachSaveMessage = { type: 'kg/teach-save', draft };
      const r = (await browser.runtime.sendMessage(m)) as TeachSaveReply | undefined;
      return r?.ok ? { ok: true } : { ok: false, error: r && !r.ok ? r.error : 'no answer' };
    },
    saved: () => {
      // the page read again now, with the new mapping: its rows are stored without waiting for the next visit
      const page = serializePage(document);
      const m: CaptureMessage = {
        type: 'kg/capture',
        broker: broker.id,
        url: location.href,
        title: document.title,
        ...page,
        how: 'visit',
      };
      void browser.runtime.sendMessage(m).catch(() => undefined);
    },
  });
});
