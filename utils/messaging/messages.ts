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
}
export interface PageStateMessage {
  type: 'kg/page-state';
  broker: BrokerId;
  url: string;
  reading: Pick<PageReading, 'broker' | 'pageKind' | 'status' | 'warnings' | 'parserVersion' | 'loggedIn'>;
}
export type ContentMessage = VisitMessage | CaptureMessage | PageStateMessage;

export function isContentMessage(m: unknown): m is ContentMessage {
  const t = (m as { type?: unknown } | null)?.type;
  return t === 'kg/visit' || t === 'kg/capture' || t === 'kg/page-state';
}
