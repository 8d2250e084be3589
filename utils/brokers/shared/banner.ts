// The previous-login banner (前回ログイン日時) brokers show after login: the
// account's previous login, whoever made it (the broker's app and aggregators
// move it too). Read from where the broker's declaration says it is, as one
// login observation per visit (issue 12; issue 9 weighs it as a signal).

import type { BannerDeclaration } from '../declaration';
import { parseJstDateTime } from './dates';
import { normalizeText } from './text';

export interface PreviousLogin {
  /** The previous login's time, JST with offset. */
  at: string;
  /** The banner's text as shown (normalised: half-width, single spaces). */
  shown: string;
}

/**
 * The banner's time, or undefined when the page has no banner or it is still
 * empty (Rakuten fills it after load: brokers.md §1.4a). Only the selector's
 * element is read when the declaration names one; else the page's text.
 */
export function readPreviousLogin(doc: Document, banner: BannerDeclaration | undefined): PreviousLogin | undefined {
  if (!banner) return undefined;
  const el = banner.selector ? doc.querySelector(banner.selector) : doc.body;
  if (!el) return undefined;
  const text = normalizeText(el.textContent).slice(0, banner.selector ? 200 : 20_000);
  const m = banner.phrase.exec(text);
  if (!m?.[1]) return undefined;
  const when = parseJstDateTime(m[1]);
  if (!when || when.dateOnly) return undefined;
  return { at: when.iso, shown: normalizeText(m[0]) };
}
