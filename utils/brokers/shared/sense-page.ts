// The page side's reading: is the session alive, and is this a page we read
// (so its snapshot is worth sending)? The same decisions as readBrokerPage
// (read-page.ts), from the same state checks and table finders, but no rows
// are read: the background reads the records from the stored snapshot
// (utils/capture/ingest.ts), so the content script does not carry the record
// readers (a bundle-size target, bench/run.ts). sense-page.test.ts holds the
// two to the same answers on every fixture.

import type { BrokerId, PageKind } from '../types';
import { HEADING_RE as ACCOUNT_CHANGE_HEADING_RE } from './account-changes';
import { EMPTY_RE as HOLDINGS_EMPTY_RE, HEADING_RE as HOLDINGS_HEADING_RE, findHoldingsTables } from './holdings';
import { findLoginTables } from './login-history';
import { findOrderTables, headingKind, ORDER_KINDS } from './orders';
import { readPreviousLogin, type PreviousLogin } from './banner';
import { headingText, pageText, sessionState } from './page-state';
import { urlKind, type ReaderSpec } from './read-page';
import { readGrids, type Grid } from './table';
import { findTaught, mappingsForUrl, taughtPageKind, type TaughtMapping } from './taught';
import { normalizeText } from './text';

export interface PageSense {
  broker: BrokerId;
  parserVersion: string;
  /** As readBrokerPage's pageKind. */
  pageKind: PageKind | null;
  /**
   * not-logged-in, maintenance: as readBrokerPage. recognised: a page of a kind
   * we read (readBrokerPage says ok, empty or unreadable). unsupported: any other page.
   */
  status: 'not-logged-in' | 'maintenance' | 'recognised' | 'unsupported';
  loggedIn: boolean;
  /** Rows of the page's tables: grows when a table is filled after load. */
  rows: number;
  /** Always empty here; kept so a page-state message has the reading's shape. */
  warnings: string[];
  /** The previous-login banner, as readBrokerPage reads it (a login observation at every visit). */
  previousLogin?: PreviousLogin;
}

/** A broker as the content script knows it. */
export interface PageSide {
  id: BrokerId;
  hosts: readonly string[];
  /** `taught`: the user's table mappings (teach mode), so a taught table's page is sent too. */
  readPage(doc: Document, url: string, taught?: readonly TaughtMapping[]): PageSense;
}

/** The page side of a broker's page spec (its declaration's, or the one the background sent: page-spec.ts). */
export function pageSideFrom(spec: ReaderSpec & { hosts: readonly string[] }): PageSide {
  return { id: spec.id, hosts: spec.hosts, readPage: (doc, url, taught) => sensePage(spec, doc, url, taught) };
}

/** Mirrors readAccountPage (account-pages.ts): the kind, without reading rows. */
function accountPageKind(doc: Document, grids: Grid[], hinted: PageKind | null): PageKind | undefined {
  if (hinted !== 'holdings' && hinted !== 'account-changes') {
    // readOrderPage
    const hintedKind = hinted && ORDER_KINDS.includes(hinted) ? hinted : undefined;
    const said = headingKind(doc);
    const t0 = findOrderTables(grids)[0];
    if (!t0) {
      if (hintedKind ?? said) return hintedKind ?? said;
    } else {
      const byColumns: PageKind =
        t0.columns.status !== undefined ||
        t0.columns.orderNumber !== undefined ||
        (t0.columns.at === undefined && t0.columns.orderAt !== undefined)
          ? 'order-inquiry'
          : 'trade-history';
      return hintedKind ?? said ?? byColumns;
    }
  }
  if (hinted !== 'account-changes') {
    // readHoldingsPage
    const said = HOLDINGS_HEADING_RE.test(
      normalizeText(
        `${doc.title} ${Array.from(doc.querySelectorAll('h1,h2'))
          .map((e) => e.textContent)
          .join(' ')}`,
      ),
    );
    if (hinted === 'holdings' || said) {
      if (findHoldingsTables(grids).length > 0 || hinted === 'holdings' || HOLDINGS_EMPTY_RE.test(pageText(doc)))
        return 'holdings';
    }
  }
  // readAccountChangePage
  const said = ACCOUNT_CHANGE_HEADING_RE.test(
    normalizeText(
      `${doc.title} ${Array.from(doc.querySelectorAll('h1,h2,h3,caption'))
        .map((e) => e.textContent)
        .join(' ')}`,
    ),
  );
  return said || hinted === 'account-changes' ? 'account-changes' : undefined;
}

export function sensePage(spec: ReaderSpec, doc: Document, url: string, taught?: readonly TaughtMapping[]): PageSense {
  const sense = senseState(spec, doc, url, taught);
  if (!sense.loggedIn) return sense;
  const previousLogin = readPreviousLogin(doc, spec.banner);
  if (!previousLogin) return sense;
  // as readBrokerPage: a page read for its banner alone is sent, once the value has loaded
  return { ...sense, previousLogin, ...(sense.status === 'unsupported' ? { status: 'recognised' as const } : {}) };
}

function senseState(spec: ReaderSpec, doc: Document, url: string, taught?: readonly TaughtMapping[]): PageSense {
  const base = { broker: spec.id, parserVersion: spec.parserVersion, warnings: [] as string[] };
  const heading = headingText(doc);
  const state = sessionState(doc, spec.phrases, heading, url);
  if (state === 'not-logged-in-yet')
    return { ...base, pageKind: null, status: 'not-logged-in', loggedIn: false, rows: 0 };
  if (state === 'not-logged-in' || state === 'maintenance')
    return { ...base, pageKind: null, status: state, loggedIn: false, rows: 0 };
  const hinted = urlKind(url, spec.urlHints);
  const grids = readGrids(doc);
  const rows = grids.reduce((n, g) => n + g.rows.length, 0);
  // as readBrokerPage: a taught table first
  const mine = findTaught(grids, mappingsForUrl(taught, spec.id, url))[0];
  if (mine) return { ...base, pageKind: taughtPageKind(mine.mapping), status: 'recognised', loggedIn: true, rows };
  const login = findLoginTables(grids, heading);
  if (login.headingSays || login.tables.length > 0)
    return { ...base, pageKind: 'login-history', status: 'recognised', loggedIn: true, rows };
  const kind = hinted === 'login-history' ? undefined : accountPageKind(doc, grids, hinted);
  if (kind) return { ...base, pageKind: kind, status: 'recognised', loggedIn: true, rows };
  if (hinted === 'login-history')
    return { ...base, pageKind: 'login-history', status: 'recognised', loggedIn: state === 'logged-in', rows };
  return { ...base, pageKind: hinted ?? 'other', status: 'unsupported', loggedIn: state === 'logged-in', rows };
}
