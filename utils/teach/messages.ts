// Teach-mode messages. Plain data only; the content script imports the query
// type only (no zod, no readers in its bundle).

import type { BrokerId } from '../brokers/types';
import type { TaughtMapping } from '../brokers/shared/taught';
import type { MappingDraft } from '../store/mappings';

/** Extension page (popup) -> background: show the teach UI in this broker tab. */
export interface TeachStartMessage {
  type: 'kg/teach-start';
  tabId: number;
}
/** Content script -> background: the taught tables for the page I am on. */
export interface TaughtQueryMessage {
  type: 'kg/taught-query';
  broker: BrokerId;
  url: string;
}
/** Teach UI (in the broker tab) -> background: save this mapping. */
export interface TeachSaveMessage {
  type: 'kg/teach-save';
  draft: MappingDraft;
}
export type TeachMessage = TeachStartMessage | TaughtQueryMessage | TeachSaveMessage;

export type TeachStartReply = { ok: true } | { ok: false; reason: 'not-broker' | 'broker-off' | 'no-tab' | 'failed' };
export interface TaughtQueryReply {
  mappings: TaughtMapping[];
}
export type TeachSaveReply = { ok: true; id: string } | { ok: false; error: string };

export function isTeachMessage(m: unknown): m is TeachMessage {
  const t = (m as { type?: unknown } | null)?.type;
  return t === 'kg/teach-start' || t === 'kg/taught-query' || t === 'kg/teach-save';
}
