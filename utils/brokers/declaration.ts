// What a broker is, as data: the one declaration each broker folder holds
// (`utils/brokers/<id>/broker.ts`). The registry (registry.ts) lists them; the
// types, zod enums, labels, manifest host permissions, page sides, readers and
// check specs are all derived from it, so a broker is one folder and one
// registry line. A declaration imports nothing but this file: the popup and the
// content scripts load declarations without any reader.

import type { PageKind } from './types';

export interface StatePhrases {
  /** Logged out or session expired (brokers answer these with HTTP 200). */
  notLoggedIn: RegExp[];
  /** Maintenance pages. */
  maintenance: RegExp[];
  /**
   * Not logged in *yet*: an extra authentication at login, an MFA setup or a
   * risk-based re-authentication, served on the member host before the session
   * is a member session. `heading` is matched on the title and headings only,
   * `url` on the page's address.
   */
  notLoggedInYet?: { heading: RegExp[]; url?: RegExp };
  /**
   * Marks of a logged-in page that has no logout control of its own: the content
   * frame of a frame set (松井: the logout link is in the menu frame `GM`), matched on
   * the page text. A page with a password field is never logged in by these.
   */
  loggedIn?: RegExp[];
}

/**
 * The previous-login banner (前回ログイン日時) a broker shows after login: where
 * it is and how its time reads. The banner shows the account's previous login,
 * whoever made it; it is read as one login observation per visit.
 */
/**
 * The previous-login banner as the brokers whose banner is public write it: 楽天
 * `前回ログイン日時：2026年 3月26日 20:01`, 松井 `前回ログイン：2017年12月18日 23:25`, kabu.com
 * `前回ログイン日時  2018/02/19 13:46` (docs/brokers.md "Real samples"). For a broker whose own
 * banner is not public: a page showing one in a usual form is read, any other page gives nothing.
 */
export const USUAL_BANNER_PHRASE =
  /前回(?:の)?ログイン(?:日時)?\s*[：:]?\s*(\d{4}\s*[/年]\s*\d{1,2}\s*[/月]\s*\d{1,2}\s*日?\s*(?:\([^)]{1,3}\)\s*)?\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)/;

export interface BannerDeclaration {
  /** Element holding the banner (its text is read), tried before `phrase` on the page text. */
  selector?: string;
  /** The banner's words and its time: group 1 is the time as shown. */
  phrase: RegExp;
  /** Source of the facts (brokers.md). */
  evidence: string;
}

/**
 * A table without header cells whose layout the broker's page is known to have:
 * `label`: each field's value sits beside a label cell in the same row
 * (SBI's backup site: `現在値 | 1,111 | 保有 | 100株`). Records start at a row whose
 * first cell matches `startRow` (the instrument: `1111 name 東証`).
 */
export interface LabelLayout {
  id: string;
  kind: 'holdings';
  /** Only on pages whose URL matches. */
  url: RegExp;
  startRow: RegExp;
  /** Label word → field, matched on the label cell's normalised text. */
  labels: Record<string, 'quantity' | 'value'>;
  /** The source of the layout (brokers.md). */
  evidence: string;
}

export interface CheckTarget {
  kind: PageKind;
  /** A path on the tab's own origin (session ids added by `withSession`). */
  path: string;
  hosts?: RegExp;
}

export interface BrokerDeclaration<I extends string = string> {
  /** Stable id stored in every record; never changes. Lower case, no spaces. */
  id: I;
  label: { ja: string; en: string };
  /** Other names the broker's own pages use (former names), for telling a saved page's broker. */
  otherNames?: readonly string[];
  /** Logged-in hosts where the content script runs (never a login host). */
  hosts: readonly string[];
  /** Where the password is typed: never matched, never granted. */
  loginHosts: readonly string[];
  /** Official pages shipped with the extension (the "what to do now" card). */
  officialUrls: { home: string; support: string };
  /** Page kinds the broker's readers declare, each with fixtures. */
  pageKinds: readonly PageKind[];
  /** Bumped when a reader's output for this broker changes. */
  parserVersion: string;
  phrases: StatePhrases;
  /** URL shapes that hint at a page kind; content decides, the URL only helps. */
  urlHints: ReadonlyArray<{ kind: PageKind; pattern: RegExp }>;
  banner?: BannerDeclaration;
  layouts?: readonly LabelLayout[];
  /**
   * The member site is a frame set (松井: frames GM, LM, CT): the content script
   * runs in every frame of the broker's hosts and each frame is read on its own.
   * Other brokers' sub-frames are left alone.
   */
  frames?: true;
  /**
   * Minutes of inactivity after which the broker ends the session. Checks stop
   * after this long since the user's last visit, so the extension never keeps
   * a session alive beyond the user's own activity.
   */
  sessionIdleMinutes: number;
  /** Pages worth re-reading between visits. */
  checkTargets: readonly CheckTarget[];
  /**
   * The session id the broker carries in its URLs' path (Rakuten `;BV_SessionID=…`): stored URLs
   * have it stripped (shared/url.ts), and a check puts the live page's back, in memory only
   * (withPathSession, from startCheck in the background). Data, not code: one rule serves every broker.
   */
  pathSession?: RegExp;
  /** Name of the i18n message (public/_locales) that says how to open the broker's login history (onboarding). */
  loginHistoryHelp?: string;
  /** Ids of the CSV formats (utils/import) that are this broker's exports. */
  csvFormats: readonly string[];
}

/**
 * Keeps the id's literal type, so the registry can derive the BrokerId union.
 * Marked free of side effects so that a bundle that imports a declaration without
 * using it (the content script's, which gets its page side from the background) drops it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineBroker<const I extends string>(d: BrokerDeclaration<I>): BrokerDeclaration<I> {
  return d;
}
