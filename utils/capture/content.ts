// The capture runtime in the page. The one content script hands its page's
// broker here (its page side, sent by the background: page-side.ts). It reads the live page's state
// and kind (pure, no records: the background reads those from the snapshot),
// tells the background about visits and page states, and sends a redacted
// snapshot of pages it reads. It never reads password, PIN or OTP fields: the
// snapshot's input values are blanked (serialize.ts) and no field value is ever read.

import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageSense, PageSide } from '../brokers/shared/sense-page';
import { isCheckRequest, type CheckRequest, type ContentMessage } from '../messaging/messages';
import type { TaughtMapping } from '../brokers/shared/taught';
import type { TaughtQueryMessage, TaughtQueryReply } from '../teach/messages';
import { runCheck } from './check';
import { serializePage } from './serialize';

/** Tables filled after load (Rakuten's AJAX tables, SBI's client-rendered lists) are waited for this long. */
const WATCH_MS = 15_000;
const SETTLE_MS = 600;

/** A page worth sending again: its kind, state or table rows changed (tables filled after load). */
function signature(r: PageSense): string {
  return `${r.pageKind}|${r.status}|${r.rows}|${r.previousLogin?.at}`;
}

export function runCapture(adapter: PageSide, ctx: ContentScriptContext): void {
  let last = '';
  let visited = false;
  let checking = false;
  const send = (m: ContentMessage | TaughtQueryMessage): Promise<unknown> => {
    if (ctx.isInvalid) return Promise.resolve(undefined);
    return browser.runtime.sendMessage(m).catch(() => undefined);
  };
  const check = async (request: CheckRequest) => {
    if (checking || ctx.isInvalid) return;
    checking = true;
    try {
      const outcome = await runCheck(adapter, request.targets, location.href, send);
      await send({ type: 'kg/check-result', broker: adapter.id, status: outcome.status, error: outcome.error });
    } finally {
      checking = false;
    }
  };
  const onMessage = (m: unknown) => {
    if (isCheckRequest(m)) void check(m);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  // tables the user taught for this page (teach mode), asked once, only when no built-in reader knows the page
  let taught: readonly TaughtMapping[] | undefined;
  let asked = false;
  const askTaught = () => {
    asked = true;
    const q: TaughtQueryMessage = { type: 'kg/taught-query', broker: adapter.id, url: location.href };
    void send(q).then((r) => {
      const mappings = (r as TaughtQueryReply | undefined)?.mappings;
      if (!mappings?.length || ctx.isInvalid) return;
      taught = mappings;
      read();
    });
  };
  const read = () => {
    const reading = adapter.readPage(document, location.href, taught);
    if (reading.status === 'unsupported' && !asked) askTaught();
    const sig = signature(reading);
    if (sig === last) return;
    last = sig;
    if (reading.loggedIn && !visited) {
      visited = true;
      // the reply may carry a check request, as a message from the background would
      void send({ type: 'kg/visit', broker: adapter.id, url: location.href }).then((r) =>
        onMessage((r as { check?: unknown } | undefined)?.check),
      );
    }
    if (reading.status === 'not-logged-in' || reading.status === 'maintenance') {
      const { broker, pageKind, warnings, parserVersion, loggedIn } = reading;
      void send({
        type: 'kg/page-state',
        broker: adapter.id,
        url: location.href,
        reading: { broker, pageKind, status: reading.status, warnings, parserVersion, loggedIn },
      });
      return;
    }
    // a page of a kind we read, or one showing the previous-login banner (pageKind 'other')
    if (reading.status === 'recognised') {
      const page = serializePage(document);
      void send({
        type: 'kg/capture',
        broker: adapter.id,
        url: location.href,
        title: document.title,
        ...page,
        how: 'visit',
      });
    }
  };
  read();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(read, SETTLE_MS);
  });
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  ctx.setTimeout(stop, WATCH_MS);
  ctx.onInvalidated(stop);
}
