// The background's side of capture: checks that a message comes from a page of
// the broker it claims, then hands it to the one pipeline.

import { brokerById, brokerForUrl } from '../brokers';
import { parseHtml } from '../dom/parse-html';
import type { CheckRequest, ContentMessage } from '../messaging/messages';
import type { KabuGuardDB } from '../store/db';
import { checkTimingFor, loadSettings, enabledBrokers } from '../store/settings';
import { recordVisit } from '../store/visits';
import { recordCheckResult, startCheck } from './check-plan';
import { ingestCapture, recordPageState, type CaptureResult } from './ingest';
import { isQuotaError, StorageFullError } from '../store/storage';

/** Sender URL must belong to the claimed broker: a page cannot write for another broker. */
export function senderMatches(message: ContentMessage, senderUrl: string | undefined): boolean {
  if (!senderUrl) return false;
  return brokerForUrl(senderUrl)?.id === message.broker && brokerById(message.broker) !== undefined;
}

export interface HandleResult {
  /** After a visit: pages the tab should re-read now (a check between visits). */
  check?: CheckRequest;
  capture?: CaptureResult;
}

export async function handleContentMessage(
  db: KabuGuardDB,
  message: ContentMessage,
  senderUrl: string | undefined,
  now = Date.now(),
): Promise<HandleResult> {
  if (!senderMatches(message, senderUrl)) return {};
  // a broker the user turned off in the settings is not read at all
  const settings = await loadSettings(db);
  if (!enabledBrokers(settings).includes(message.broker)) return {};
  const url = senderUrl!;
  switch (message.type) {
    case 'kg/visit': {
      await recordVisit(db, message.broker, url, now);
      const check = await startCheck(db, message.broker, url, now, false, checkTimingFor(settings));
      return check ? { check } : {};
    }
    case 'kg/page-state':
      await recordPageState(db, { ...message.reading, broker: message.broker, logins: [], orders: [] }, url);
      return {};
    case 'kg/check-result':
      await recordCheckResult(db, message.broker, message.status, message.error, now);
      return {};
    case 'kg/capture': {
      // a background check reports the fetched page's URL; it must be the same broker too
      const pageUrl =
        message.how === 'background' && brokerForUrl(message.url)?.id === message.broker ? message.url : url;
      const capture = await ingestCapture(
        db,
        {
          broker: message.broker,
          url: pageUrl,
          how: message.how ?? 'visit',
          html: message.html,
          charset: message.charset,
          title: message.title,
          redactions: message.redactions,
        },
        parseHtml,
      );
      return { capture };
    }
  }
}

export interface ContentReply {
  ok: boolean;
  check?: CheckRequest;
  error?: 'storage-full';
}

/**
 * What the background does with a content script's message: handle it, then
 * finish the work it created (read, detect, notify: `finishPending`, one pass
 * at a time). A full disk is reported to the user, never dropped silently.
 */
export async function serveContentMessage(
  db: KabuGuardDB,
  message: ContentMessage,
  senderUrl: string | undefined,
  finishPending: () => Promise<unknown>,
  storageFull: (err: StorageFullError) => Promise<void>,
): Promise<ContentReply> {
  try {
    const r = await handleContentMessage(db, message, senderUrl);
    if (r.capture) await finishPending();
    return { ok: true, ...(r.check ? { check: r.check } : {}) };
  } catch (err) {
    if (!isQuotaError(err)) throw err;
    await storageFull(err instanceof StorageFullError ? err : new StorageFullError('other', undefined, err));
    return { ok: false, error: 'storage-full' };
  }
}
