// What the analyzer reports for one saved file (cli/analyze.ts prints a list
// of these): everything a page yields. Reading statuses are narrowed to the
// five the CLI promises: a maintenance page is reported as "unsupported" with
// the warning "maintenance page" (it is neither a login state nor a page we read).
// The previous-login banner (前回ログイン日時) is a login in `logins`, marked
// `source: 'banner'`: it says when the account last logged in, not from where.

import type {
  AccountEventRow,
  BrokerId,
  HoldingRow,
  LoginRow,
  OrderRow,
  PageKind,
  PageReading,
} from '../brokers/types';

/** A login as the analyzer prints it: from a login-history table, or the previous-login banner. */
export type AnalyzedLogin = LoginRow & { source?: 'banner' };

export const ANALYZE_STATUSES = ['ok', 'empty', 'not-logged-in', 'unreadable', 'unsupported'] as const;
export type AnalyzeStatus = (typeof ANALYZE_STATUSES)[number];

export interface AnalyzeResult {
  file: string;
  broker: BrokerId | null;
  /** The page's URL as given or inferred, without session ids; null when unknown. */
  url: string | null;
  pageKind: PageKind | null;
  status: AnalyzeStatus;
  logins: AnalyzedLogin[];
  orders: OrderRow[];
  holdings: HoldingRow[];
  accountEvents: AccountEventRow[];
  warnings: string[];
}

export const MAINTENANCE_WARNING = 'maintenance page';

export function fromReading(
  file: string,
  url: string | null,
  r: PageReading,
  extraWarnings: string[] = [],
): AnalyzeResult {
  const warnings = [...extraWarnings, ...r.warnings];
  let status: AnalyzeStatus;
  if (r.status === 'maintenance') {
    status = 'unsupported';
    warnings.push(MAINTENANCE_WARNING);
  } else status = r.status;
  // each row's cells as shown (`raw`) last, after the fields read from them
  const rawLast = <T extends { raw: Record<string, string> }>({ raw, ...fields }: T) => ({ ...fields, raw }) as T;
  const logins: AnalyzedLogin[] = r.logins.map(rawLast);
  if (r.previousLogin)
    logins.push({
      at: r.previousLogin.at,
      result: 'success',
      source: 'banner',
      raw: { banner: r.previousLogin.shown },
    });
  return {
    file,
    broker: r.broker,
    url,
    pageKind: r.pageKind,
    status,
    logins,
    orders: r.orders.map(rawLast),
    holdings: (r.holdings ?? []).map(rawLast),
    accountEvents: (r.accountEvents ?? []).map(rawLast),
    warnings,
  };
}

export function unsupported(file: string, warning: string, url: string | null = null): AnalyzeResult {
  return {
    file,
    broker: null,
    url,
    pageKind: null,
    status: 'unsupported',
    logins: [],
    orders: [],
    holdings: [],
    accountEvents: [],
    warnings: [warning],
  };
}
