// What a broker adapter is. Adapters are data (hosts, URL hints) plus pure
// readers of (document, url): no storage, no messaging, no `browser.*`, so the
// same code runs in the page, in the background and in Node (cli/analyze.ts).

import type { BrokerId } from './registry';

export type { BrokerId };

export const PAGE_KINDS = [
  'login-history',
  'order-inquiry',
  'executions',
  'trade-history',
  'holdings',
  'account-changes',
  'other',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/**
 * ok: records read; empty: the page says there is nothing yet;
 * not-logged-in: session expired / logged out (brokers answer these with 200);
 * maintenance: the broker is closed for maintenance;
 * unreadable: it looks like a page we read, but we could not read it;
 * unsupported: a page of no kind we read (a logged-in page still counts as a visit).
 */
export const PAGE_STATUSES = ['ok', 'empty', 'not-logged-in', 'maintenance', 'unreadable', 'unsupported'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

/** A login row as read from a page, before validation and identity. */
export interface LoginRow {
  at: string;
  result: 'success' | 'failure';
  channel?: string;
  ip?: string;
  os?: string;
  browser?: string;
  device?: string;
  userAgent?: string;
  location?: string;
  /** The row's cells as shown, by header text. */
  raw: Record<string, string>;
}

/** An order or execution row as read from a page or CSV (issue 3 fills these). */
export interface OrderRow {
  /** Execution time (約定日時), else the order time; a date alone with `dateOnly`. */
  at: string;
  dateOnly?: boolean;
  /** When the order was placed (注文日時), where the page shows it with a time. */
  orderedAt?: string;
  side: 'buy' | 'sell';
  symbol?: string;
  name?: string;
  market?: string;
  marketRegion?: string;
  quantity?: number;
  price?: number;
  currency?: string;
  currencyCode?: string;
  amount?: number;
  fees?: number;
  account?: string;
  status: 'executed' | 'open' | 'cancelled';
  orderNumber?: string;
  raw: Record<string, string>;
}

/** A held position as read from a holdings page (issue 3). */
export interface HoldingRow {
  symbol?: string;
  name?: string;
  quantity: number;
  account?: string;
  market?: string;
  marketRegion?: string;
  currency?: string;
  currencyCode?: string;
  raw: Record<string, string>;
}

/** One row of an account-change history (お客様情報変更履歴, issue 3). */
export interface AccountEventRow {
  at: string;
  dateOnly?: boolean;
  /** What changed, classified: email, notification-settings, withdrawal-bank-account, ... */
  kind: string;
  /** What changed, as the broker shows it. */
  item: string;
  detail?: string;
  channel?: string;
  status?: string;
  raw: Record<string, string>;
}

export interface PageReading {
  broker: BrokerId;
  pageKind: PageKind | null;
  status: PageStatus;
  /** Whether the page is a page of a logged-in session (records a Visit). */
  loggedIn: boolean;
  logins: LoginRow[];
  orders: OrderRow[];
  holdings?: HoldingRow[];
  accountEvents?: AccountEventRow[];
  /** The previous-login banner (前回ログイン日時) on a logged-in page, where the broker shows one. */
  previousLogin?: { at: string; shown: string };
  warnings: string[];
  parserVersion: string;
}

/** A minimal DOM surface, so linkedom (background, Node) and the live page both fit. */
export type PageDocument = Document;

/** A broker's declaration (utils/brokers/<id>/broker.ts) with its page reader (shared/adapter.ts). */
export interface BrokerAdapter {
  /** Stable id stored in every record; never changes. */
  id: BrokerId;
  label: { ja: string; en: string };
  /** Other names the broker's pages use (former names). */
  otherNames: readonly string[];
  /** Logged-in hosts where the content script runs (never the login host). */
  hosts: readonly string[];
  loginHosts: readonly string[];
  pageKinds: readonly PageKind[];
  /** URL shapes that hint at a page kind; content decides, the URL only helps. */
  urlHints: ReadonlyArray<{ kind: PageKind; pattern: RegExp }>;
  /** Official pages shipped with the extension (for "what to do now" links). */
  officialUrls: { home: string; support: string };
  readPage(doc: PageDocument, url: string, opts?: ReadOptions): PageReading;
}

/** What a reader may be given besides the page: the tables the user taught (teach mode). */
export interface ReadOptions {
  /** Taught table mappings (any broker, any URL: the reader picks this page's). */
  mappings?: readonly import('./shared/taught').TaughtMapping[];
}
