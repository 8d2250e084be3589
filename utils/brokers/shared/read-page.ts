// One page-reading procedure for every adapter: state first (logged out,
// maintenance), then the readers by what the page's tables mean, then the URL
// hints as a second opinion that turns "not recognised" into "unreadable".

import type { BrokerDeclaration } from '../declaration';
import type { BrokerAdapter, BrokerId, PageKind, PageReading, ReadOptions } from '../types';
import { readAccountPage } from './account-pages';
import { readPreviousLogin } from './banner';
import { readLoginHistory } from './login-history';
import { headingText, sessionState } from './page-state';
import { readGrids } from './table';
import { findTaught, mappingsForUrl, readTaughtTables, taughtPageKind } from './taught';

/** What the readers need of a declaration (utils/brokers/<id>/broker.ts). */
export type ReaderSpec = Pick<
  BrokerDeclaration<BrokerId>,
  'id' | 'parserVersion' | 'phrases' | 'urlHints' | 'banner' | 'layouts'
>;

/** The reading of a page whose session is not (yet) a member session. */
export const NOT_LOGGED_IN_YET_WARNING = 'extra authentication at login: not logged in yet';

export function urlKind(url: string, hints: BrokerAdapter['urlHints']): PageKind | null {
  for (const h of hints) if (h.pattern.test(url)) return h.kind;
  return null;
}

export function readBrokerPage(spec: ReaderSpec, doc: Document, url: string, opts: ReadOptions = {}): PageReading {
  const reading = readPageRecords(spec, doc, url, opts);
  if (!reading.loggedIn) return reading;
  const previousLogin = readPreviousLogin(doc, spec.banner);
  if (!previousLogin) return reading;
  // a page of no kind we read still yields its banner, a login observation: that page is read (and captured)
  return { ...reading, previousLogin, ...(reading.status === 'unsupported' ? { status: 'ok' as const } : {}) };
}

function readPageRecords(spec: ReaderSpec, doc: Document, url: string, opts: ReadOptions): PageReading {
  const base = {
    broker: spec.id,
    parserVersion: spec.parserVersion,
    logins: [],
    orders: [],
    warnings: [] as string[],
  };
  const heading = headingText(doc);
  const state = sessionState(doc, spec.phrases, heading, url);
  if (state === 'not-logged-in-yet')
    return { ...base, pageKind: null, status: 'not-logged-in', loggedIn: false, warnings: [NOT_LOGGED_IN_YET_WARNING] };
  if (state === 'not-logged-in' || state === 'maintenance') {
    return { ...base, pageKind: null, status: state, loggedIn: false };
  }
  const hinted = urlKind(url, spec.urlHints);
  const grids = readGrids(doc);
  // a table the user taught for this page comes first: the user knows the page better than our vocabulary
  const taught = findTaught(grids, mappingsForUrl(opts.mappings, spec.id, url));
  if (taught.length) {
    const m = taught[0]!.mapping;
    const r = readTaughtTables(taught, doc, url);
    const status = !r.ok ? 'unreadable' : r.logins.length + r.orders.length ? 'ok' : 'empty';
    return {
      ...base,
      parserVersion: `${spec.parserVersion}+taught:${m.id}`,
      pageKind: taughtPageKind(m),
      status,
      loggedIn: true,
      logins: r.logins,
      orders: r.orders,
      warnings: [`taught table mapping ${m.id}`, ...r.warnings],
    };
  }
  const login = readLoginHistory(doc, grids, heading);
  if (login.recognised) {
    return {
      ...base,
      pageKind: 'login-history',
      status: login.status === 'absent' ? 'unreadable' : login.status,
      loggedIn: true,
      logins: login.logins,
      warnings: login.warnings,
    };
  }
  // orders / executions, holdings, account changes (issue 3)
  const account = hinted === 'login-history' ? undefined : readAccountPage(doc, grids, url, hinted, spec.layouts);
  if (account) return { ...base, ...account, loggedIn: true };
  if (hinted === 'login-history') {
    return {
      ...base,
      pageKind: 'login-history',
      status: 'unreadable',
      loggedIn: state === 'logged-in',
      warnings: ['the URL is a login history, but no login table was found'],
    };
  }
  return { ...base, pageKind: hinted ?? 'other', status: 'unsupported', loggedIn: state === 'logged-in' };
}
