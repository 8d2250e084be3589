// Pages about the account's contents, after the login history: orders and
// executions, holdings, account changes, in that order (an order table is
// never read as holdings). One call from read-page.ts.

import type { LabelLayout } from '../declaration';
import type { PageKind, PageReading } from '../types';
import { readAccountChangePage } from './account-changes';
import { readHoldingsPage } from './holdings';
import { readOrderPage } from './orders';
import type { Grid } from './table';

export type AccountPageReading = Pick<PageReading, 'pageKind' | 'status' | 'orders' | 'warnings'> &
  Required<Pick<PageReading, 'holdings' | 'accountEvents'>>;

export function readAccountPage(
  doc: Document,
  grids: Grid[],
  url: string,
  hinted: PageKind | null,
  layouts: readonly LabelLayout[] = [],
): AccountPageReading | undefined {
  const status = (s: 'ok' | 'empty' | 'unreadable' | 'absent') => (s === 'absent' ? 'unreadable' : s);
  // the URL names the page kind first: a holdings URL is not read as orders by a stray table
  if (hinted !== 'holdings' && hinted !== 'account-changes') {
    const o = readOrderPage(doc, grids, url, hinted);
    if (o.recognised)
      return {
        pageKind: o.pageKind,
        status: status(o.status),
        orders: o.orders,
        holdings: [],
        accountEvents: [],
        warnings: o.warnings,
      };
  }
  if (hinted !== 'account-changes') {
    const h = readHoldingsPage(doc, grids, hinted, url, layouts);
    if (h.recognised)
      return {
        pageKind: 'holdings',
        status: status(h.status),
        orders: [],
        holdings: h.holdings,
        accountEvents: [],
        warnings: h.warnings,
      };
  }
  const a = readAccountChangePage(doc, grids, hinted);
  if (a.recognised)
    return {
      pageKind: 'account-changes',
      status: status(a.status),
      orders: [],
      holdings: [],
      accountEvents: a.accountEvents,
      warnings: a.warnings,
    };
  return undefined;
}
