// The background's side of capture: checks that a message comes from a page of
// the broker it claims, then hands it to the one pipeline.

import { brokerById, brokerForUrl } from '../brokers';
import { parseHtml } from '../dom/parse-html';
import type { ContentMessage } from '../messaging/messages';
import type { KabuGuardDB } from '../store/db';
import { recordVisit } from '../store/visits';
import { ingestCapture, recordPageState } from './ingest';

/** Sender URL must belong to the claimed broker: a page cannot write for another broker. */
export function senderMatches(message: ContentMessage, senderUrl: string | undefined): boolean {
  if (!senderUrl) return false;
  return brokerForUrl(senderUrl)?.id === message.broker && brokerById(message.broker) !== undefined;
}

export async function handleContentMessage(db: KabuGuardDB, message: ContentMessage, senderUrl: string | undefined): Promise<void> {
  if (!senderMatches(message, senderUrl)) return;
  const url = senderUrl!;
  switch (message.type) {
    case 'kg/visit':
      await recordVisit(db, message.broker, url);
      return;
    case 'kg/page-state':
      await recordPageState(db, { ...message.reading, broker: message.broker, logins: [], orders: [] }, url);
      return;
    case 'kg/capture':
      await ingestCapture(
        db,
        { broker: message.broker, url, how: 'visit', html: message.html, charset: message.charset, title: message.title, redactions: message.redactions },
        parseHtml,
      );
      return;
  }
}
