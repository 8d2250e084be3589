// Messages from content scripts to the background. Plain data only.

import type { BrokerId, PageReading } from '../brokers/types';

export interface VisitMessage {
  type: 'kg/visit';
  broker: BrokerId;
  url: string;
}
export interface CaptureMessage {
  type: 'kg/capture';
  broker: BrokerId;
  url: string;
  title: string;
  html: string;
  charset: string;
  redactions: string[];
  /** 'visit' for the page the user opened; 'background' for a check between visits. */
  how?: 'visit' | 'background';
}
export interface PageStateMessage {
  type: 'kg/page-state';
  broker: BrokerId;
  url: string;
  reading: Pick<PageReading, 'broker' | 'pageKind' | 'status' | 'warnings' | 'parserVersion' | 'loggedIn'>;
}
export interface CheckResultMessage {
  type: 'kg/check-result';
  broker: BrokerId;
  status: 'ok' | 'logged-out' | 'failed';
  error?: string;
}
export type ContentMessage = VisitMessage | CaptureMessage | PageStateMessage | CheckResultMessage;

/** Background -> content script: re-read these pages now. */
export interface CheckRequest {
  type: 'kg/check';
  targets: Array<{ kind: import('../brokers/types').PageKind; url: string }>;
}
export function isCheckRequest(m: unknown): m is CheckRequest {
  return (m as { type?: unknown } | null)?.type === 'kg/check';
}

export function isContentMessage(m: unknown): m is ContentMessage {
  const t = (m as { type?: unknown } | null)?.type;
  return t === 'kg/visit' || t === 'kg/capture' || t === 'kg/page-state' || t === 'kg/check-result';
}

/**
 * Content script -> background, first thing on every broker page (and every frame of one): the page spec
 * of this page's broker (utils/brokers/page-spec.ts), decided by the sender's URL and frame; `spec` is
 * absent when it is no page the extension reads.
 */
export interface PageSideRequest {
  type: 'kg/page-side';
}
export interface PageSideReply {
  spec?: unknown;
}
export function isPageSideRequest(m: unknown): m is PageSideRequest {
  return (m as { type?: unknown } | null)?.type === 'kg/page-side';
}
