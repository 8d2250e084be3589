// data/: the records as CSV (for people: spreadsheets) and JSON (for
// programs), produced in batches so that 10,000 rows are never one string.
// Shapes are versioned by `format`; a shipped format is never edited.

import type { LoginEvent, OrderEvent, Visit } from '../records';
import { CSV_BOM, csvRow } from './csv';
import { ms, str, whenOf, type Loose } from './fields';
import { accountEventText, alertText } from './report';
import type { AlertView, EventFlag, EvidenceData } from './types';

export const DATA_FORMAT_VERSION = 1;
const BATCH = 500;

export interface DataTable<T> {
  name: string;
  rows: T[];
  header: string[];
  cells: (row: T) => unknown[];
  json: (row: T) => unknown;
}

const utcOf = (iso: string | undefined) => (iso && !Number.isNaN(ms(iso)) ? new Date(iso).toISOString() : '');
const flagOf = (flags: Map<string, EventFlag>, id: string) => {
  const f = flags.get(id);
  return f?.mine ? 'mine' : f?.notMine ? 'not-mine' : f?.alertIds.length ? 'alert' : '';
};

export function* csvPieces<T>(t: DataTable<T>): Generator<string> {
  yield CSV_BOM + csvRow(t.header);
  for (let i = 0; i < t.rows.length; i += BATCH) {
    let s = '';
    for (const r of t.rows.slice(i, i + BATCH)) s += csvRow(t.cells(r));
    yield s;
  }
}

export function* jsonPieces<T>(t: DataTable<T>, extra: Record<string, unknown> = {}): Generator<string> {
  const head = { format: `kabu-guard.evidence.${t.name}/${DATA_FORMAT_VERSION}`, ...extra, count: t.rows.length };
  yield JSON.stringify(head, null, 1).replace(/\n}$/, ',\n "records": [\n');
  for (let i = 0; i < t.rows.length; i += BATCH) {
    const part = t.rows.slice(i, i + BATCH).map((r) => '  ' + JSON.stringify(t.json(r)));
    yield part.join(',\n') + (i + BATCH < t.rows.length ? ',\n' : '\n');
  }
  yield ' ]\n}\n';
}

export function dataTables(d: EvidenceData): Array<DataTable<any>> {
  const withFlag = <T extends { id: string }>(r: T) => ({
    ...r,
    flag: flagOf(d.flags, r.id) || undefined,
    alertIds: d.flags.get(r.id)?.alertIds.length ? d.flags.get(r.id)!.alertIds : undefined,
  });
  const logins: DataTable<LoginEvent> = {
    name: 'logins',
    rows: d.logins,
    header: [
      'id',
      'broker',
      'at_jst',
      'at_utc',
      'result',
      'channel',
      'ip',
      'os',
      'browser',
      'device',
      'user_agent',
      'location',
      'flag',
      'alert_ids',
      'snapshot_ids',
      'first_seen_at',
      'last_seen_at',
      'raw_json',
    ],
    cells: (r) => [
      r.id,
      r.broker,
      r.at,
      utcOf(r.at),
      r.result,
      r.channel,
      r.ip,
      r.os,
      r.browser,
      r.device,
      r.userAgent,
      r.location,
      flagOf(d.flags, r.id),
      d.flags.get(r.id)?.alertIds.join(' '),
      r.snapshotIds.join(' '),
      r.firstSeenAt,
      r.lastSeenAt,
      r.raw,
    ],
    json: withFlag,
  };
  const orders: DataTable<OrderEvent> = {
    name: 'orders',
    rows: d.orders,
    header: [
      'id',
      'broker',
      'at_jst',
      'at_utc',
      'date_only',
      'side',
      'status',
      'market',
      'market_region',
      'symbol',
      'name',
      'quantity',
      'price',
      'currency',
      'currency_code',
      'amount',
      'fees',
      'account',
      'order_number',
      'flag',
      'alert_ids',
      'snapshot_ids',
      'first_seen_at',
      'last_seen_at',
      'raw_json',
    ],
    cells: (r) => [
      r.id,
      r.broker,
      r.at,
      r.dateOnly ? '' : utcOf(r.at),
      r.dateOnly ? 'true' : '',
      r.side,
      r.status,
      r.market,
      r.marketRegion,
      r.symbol,
      r.name,
      r.quantity,
      r.price,
      r.currency,
      r.currencyCode,
      r.amount,
      r.fees,
      r.account,
      r.orderNumber,
      flagOf(d.flags, r.id),
      d.flags.get(r.id)?.alertIds.join(' '),
      r.snapshotIds.join(' '),
      r.firstSeenAt,
      r.lastSeenAt,
      r.raw,
    ],
    json: withFlag,
  };
  const alerts: DataTable<AlertView> = {
    name: 'alerts',
    rows: d.alerts,
    header: [
      'id',
      'broker',
      'at_jst',
      'at_utc',
      'severity',
      'title',
      'verdict',
      'event_ids',
      'event_times',
      'record_json',
    ],
    cells: (a) => [
      a.id,
      a.broker,
      a.at,
      utcOf(a.at),
      a.severity,
      alertText(a, 'ja'),
      a.verdict,
      a.eventIds.join(' '),
      a.eventAts.join(' '),
      a.record,
    ],
    json: (a) => a.record,
  };
  const visits: DataTable<Visit> = {
    name: 'visits',
    rows: d.visits,
    header: ['id', 'broker', 'at_jst', 'at_utc', 'url'],
    cells: (v) => [v.id, v.broker, v.at, utcOf(v.at), v.url],
    json: (v) => v,
  };
  const accountEvents: DataTable<Loose> = {
    name: 'account-events',
    rows: d.accountEvents,
    header: ['id', 'broker', 'at_jst', 'at_utc', 'description', 'flag', 'record_json'],
    cells: (e) => [
      str(e, 'id'),
      str(e, 'broker'),
      whenOf(e),
      utcOf(whenOf(e)),
      accountEventText(e),
      flagOf(d.flags, str(e, 'id') ?? ''),
      e,
    ],
    json: (e) => e,
  };
  return [logins, orders, alerts, visits, accountEvents];
}

/** Records of other features exported as JSON only, when the store has any. */
export function extraJsonTables(d: EvidenceData): Array<DataTable<Loose>> {
  return (
    [
      ['holdings', d.holdings],
      ['environments', d.environments],
      ['incidents', d.incidents],
    ] as const
  )
    .filter(([, rows]) => rows.length > 0)
    .map(([name, rows]) => ({ name, rows: [...rows], header: [], cells: () => [], json: (r: Loose) => r }));
}
