// The capture runtime in the page. Each broker's content script hands its
// adapter here. It reads the live page with the adapter (pure), tells the
// background about visits and page states, and sends a redacted snapshot of
// pages it reads. It never reads password, PIN or OTP fields: the snapshot's
// input values are blanked (serialize.ts) and no field value is ever read.

import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BrokerAdapter, PageReading } from '../brokers/types';
import type { ContentMessage } from '../messaging/messages';
import { serializePage } from './serialize';

/** Tables filled after load (Rakuten's AJAX tables, SBI's client-rendered lists) are waited for this long. */
const WATCH_MS = 15_000;
const SETTLE_MS = 600;

function signature(r: PageReading): string {
  return `${r.pageKind}|${r.status}|${r.logins.length}|${r.orders.length}`;
}

export function runCapture(adapter: BrokerAdapter, ctx: ContentScriptContext): void {
  let last = '';
  let visited = false;
  const send = (m: ContentMessage) => {
    if (ctx.isInvalid) return;
    browser.runtime.sendMessage(m).catch(() => undefined);
  };
  const check = () => {
    const reading = adapter.readPage(document, location.href);
    const sig = signature(reading);
    if (sig === last) return;
    last = sig;
    if (reading.loggedIn && !visited) {
      visited = true;
      send({ type: 'kg/visit', broker: adapter.id, url: location.href });
    }
    if (reading.status === 'not-logged-in' || reading.status === 'maintenance') {
      const { logins: _l, orders: _o, ...state } = reading;
      send({ type: 'kg/page-state', broker: adapter.id, url: location.href, reading: state });
      return;
    }
    if (reading.pageKind && reading.pageKind !== 'other' && reading.status !== 'unsupported') {
      const page = serializePage(document);
      send({ type: 'kg/capture', broker: adapter.id, url: location.href, title: document.title, ...page });
    }
  };
  check();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(check, SETTLE_MS);
  });
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  ctx.setTimeout(stop, WATCH_MS);
  ctx.onInvalidated(stop);
}
