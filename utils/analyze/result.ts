// What the analyzer reports for one saved file (cli/analyze.ts prints a list
// of these). Reading statuses are narrowed to the five the CLI promises:
// a maintenance page is reported as "unsupported" with the warning
// "maintenance page" (it is neither a login state nor a page we read).

import type { BrokerId, LoginRow, OrderRow, PageKind, PageReading } from '../brokers/types';

export const ANALYZE_STATUSES = ['ok', 'empty', 'not-logged-in', 'unreadable', 'unsupported'] as const;
export type AnalyzeStatus = (typeof ANALYZE_STATUSES)[number];

export interface AnalyzeResult {
  file: string;
  broker: BrokerId | null;
  /** The page's URL as given or inferred, without session ids; null when unknown. */
  url: string | null;
  pageKind: PageKind | null;
  status: AnalyzeStatus;
  logins: LoginRow[];
  orders: OrderRow[];
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
  const logins = r.logins.map(({ raw, ...fields }) => ({ ...fields, raw }));
  const orders = r.orders.map(({ raw, ...fields }) => ({ ...fields, raw }));
  return { file, broker: r.broker, url, pageKind: r.pageKind, status, logins, orders, warnings };
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
    warnings: [warning],
  };
}
