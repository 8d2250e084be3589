// The dashboard's timeline: logins and orders, newest first, one page at a
// time from the [broker+at] indexes (never all rows), each with where it came
// from: this browser, a known environment, a new one, one the user said was
// not theirs, or a suspect nobody has answered. What is not the user's comes
// from the case (utils/case), the same function the alerts and the evidence
// report read, built over the days around the page (sessions are local; an
// environment's rejection is in the answers and the environments).

import { BROKER_LABELS } from '../brokers/labels';
import { toJstIso } from '../brokers/shared/dates';
import type { BrokerId } from '../brokers/types';
import { buildCase, loadCase, type Case } from '../case';
import { installedAt } from '../detect/engine';
import { loginFacts } from '../detect/facts';
import { country, deviceLabel, m } from '../detect/phrases';
import { toMs } from '../detect/sessions';
import type { LoginEvent, OrderEvent } from '../records';
import { maxSeverity, severityRank, type Msg, type Severity } from '../records/alert';
import type { Environment } from '../records/environment';
import type { KabuGuardDB } from '../store/db';
import { loginsAt, loginsBetween, newestLogins } from '../store/logins';

export type TimelineKind = 'login' | 'order';
export type Attribution = 'this-browser' | 'known' | 'new' | 'not-mine' | 'suspect' | 'elsewhere';

export interface TimelineFilter {
  brokers: BrokerId[];
  kinds: TimelineKind[];
  /** JST dates, `YYYY-MM-DD`, inclusive. */
  from?: string;
  to?: string;
  onlyFlagged: boolean;
}

export interface TimelineCursor {
  at: string;
  id: string;
}

export type TimelineItem =
  | {
      kind: 'login';
      id: string;
      broker: BrokerId;
      at: string;
      event: LoginEvent;
      attribution: Attribution;
      envLabel?: string;
      flag?: Severity;
      /** The detector's words for the device class and the network's country or provider (raw text stays in `event`). */
      device: Msg;
      place?: Msg;
    }
  | {
      kind: 'order';
      id: string;
      broker: BrokerId;
      at: string;
      event: OrderEvent;
      attribution?: Attribution;
      flag?: Severity;
    };

export interface TimelinePage {
  items: TimelineItem[];
  /** Where the next page starts; absent on the last page. */
  next?: TimelineCursor;
}

export const PAGE_SIZE = 50;

export function defaultFilter(): TimelineFilter {
  return { brokers: BROKER_LABELS.map((b) => b.id), kinds: ['login', 'order'], onlyFlagged: false };
}

type Row = { id: string; broker: BrokerId; at: string };
const newestFirst = (a: Row, b: Row) =>
  a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1;
const beforeCursor = (c: TimelineCursor | undefined) => (r: Row) => !c || r.at < c.at || (r.at === c.at && r.id < c.id);
const lowerOf = (f: TimelineFilter) => f.from ?? '';
const upperOf = (f: TimelineFilter, c?: TimelineCursor) => {
  const to = f.to ? `${f.to}T\uffff` : '\uffff';
  return c && c.at < to ? c.at : to;
};
const inFilter = (f: TimelineFilter) => (r: Row) =>
  f.brokers.includes(r.broker) && r.at >= lowerOf(f) && r.at <= upperOf(f);

async function pageOfAll(
  db: KabuGuardDB,
  f: TimelineFilter,
  cursor: TimelineCursor | undefined,
  size: number,
): Promise<Array<{ kind: TimelineKind; row: LoginEvent | OrderEvent }>> {
  const lo = lowerOf(f);
  const hi = upperOf(f, cursor);
  if (lo > hi) return [];
  const keep = beforeCursor(cursor);
  const reads: Array<Promise<Array<{ kind: TimelineKind; row: LoginEvent | OrderEvent }>>> = [];
  for (const b of f.brokers) {
    // at most size + 1 from each source: the merged page is the newest of them, and one more says there is a next page
    if (f.kinds.includes('login'))
      reads.push(
        newestLogins(db, b, lo, hi, size + 1, keep).then((r) => r.map((row) => ({ kind: 'login' as const, row }))),
      );
    if (f.kinds.includes('order'))
      reads.push(
        db.orders
          .where('[broker+at]')
          .between([b, lo], [b, hi], true, true)
          .reverse()
          .filter(keep)
          .limit(size + 1)
          .toArray()
          .then((r) => r.map((row) => ({ kind: 'order' as const, row }))),
      );
  }
  return (await Promise.all(reads))
    .flat()
    .sort((a, b) => newestFirst(a.row, b.row))
    .slice(0, size + 1);
}

/** Only rows the case lists (not the user's, or suspects): the case is built over everything, once. */
async function pageOfFlagged(
  db: KabuGuardDB,
  f: TimelineFilter,
  cursor: TimelineCursor | undefined,
  size: number,
): Promise<Array<{ kind: TimelineKind; row: LoginEvent | OrderEvent }>> {
  const c = await loadCase(db);
  const listed = [...c.notMine, ...c.suspect].filter((e) => f.brokers.includes(e.broker));
  const ids = (kind: string) => [...new Set(listed.filter((e) => e.kind === kind).map((e) => e.id))];
  const refs = (kind: string) => [...new Map(listed.filter((e) => e.kind === kind).map((e) => [e.id, e])).values()];
  const [logins, orders] = await Promise.all([
    f.kinds.includes('login') ? loginsAt(db, refs('login')) : Promise.resolve([] as Array<LoginEvent | undefined>),
    f.kinds.includes('order') ? db.orders.bulkGet(ids('order')) : Promise.resolve([] as Array<OrderEvent | undefined>),
  ]);
  const keep = beforeCursor(cursor);
  const ok = inFilter(f);
  const found: Array<{ kind: TimelineKind; row: LoginEvent | OrderEvent }> = [
    ...logins.filter((e): e is LoginEvent => !!e).map((row) => ({ kind: 'login' as const, row })),
    ...orders.filter((e): e is OrderEvent => !!e).map((row) => ({ kind: 'order' as const, row })),
  ];
  return found
    .filter((x) => keep(x.row) && ok(x.row))
    .sort((a, b) => newestFirst(a.row, b.row))
    .slice(0, size + 1);
}

const KNOWN = new Set<Environment['status']>(['baseline', 'learned', 'confirmed']);

type LoginExtras = { attribution: Attribution; envLabel?: string; device: Msg; place?: Msg };

const DAY = 86_400_000;

/** The case over the days around the page's rows (as loadCase builds it, over less). */
async function caseAround(
  db: KabuGuardDB,
  rows: Array<LoginEvent | OrderEvent>,
  day1: string | undefined,
): Promise<Case> {
  const brokers = [...new Set(rows.map((r) => r.broker))];
  if (!rows.length)
    return buildCase({
      logins: [],
      orders: [],
      accountEvents: [],
      visits: [],
      alerts: [],
      answers: [],
      environments: [],
      installedAt: day1,
    });
  const times = rows.map((r) => toMs(r.at));
  const lo = toJstIso(Math.min(...times) - 2 * DAY);
  const hi = toJstIso(Math.max(...times) + DAY);
  const inRange = <T>(t: {
    where(i: string): { between(a: unknown, b: unknown, x: boolean, y: boolean): { toArray(): Promise<T[]> } };
  }) =>
    Promise.all(brokers.map((b) => t.where('[broker+at]').between([b, lo], [b, hi], true, true).toArray())).then((x) =>
      x.flat(),
    );
  const [logins, orders, accountEvents, visits, answers, environments] = await Promise.all([
    Promise.all(brokers.map((b) => loginsBetween(db, b, lo, hi))).then((x) => x.flat()),
    inRange<OrderEvent>(db.orders as never),
    inRange<import('../records').AccountEvent>(db.accountEvents as never),
    inRange<import('../records').Visit>(db.visits as never),
    db.answers.toArray(),
    db.environments.toArray(),
  ]);
  const ids = [...logins, ...orders, ...accountEvents].map((e) => e.id);
  const alerts = ids.length ? await db.alerts.where('eventIds').anyOf(ids).distinct().toArray() : [];
  return buildCase({ logins, orders, accountEvents, visits, alerts, answers, environments, installedAt: day1 });
}

function attributeLoginRows(
  rows: LoginEvent[],
  envs: Map<string, Environment>,
  c: Case,
  installedMs: number | undefined,
): Map<string, LoginExtras> {
  const out = new Map<string, LoginExtras>();
  const notMine = new Set(c.notMine.map((e) => e.id));
  const suspect = new Set(c.suspect.map((e) => e.id));
  const mine = new Set(c.thisBrowser);
  for (const e of rows) {
    const f = loginFacts(e, installedMs);
    const env = envs.get(f.envId);
    const attribution: Attribution = notMine.has(e.id)
      ? 'not-mine'
      : mine.has(e.id)
        ? 'this-browser'
        : suspect.has(e.id)
          ? 'suspect'
          : env && KNOWN.has(env.status)
            ? 'known'
            : 'new';
    const extras: LoginExtras = { attribution, device: deviceLabel(f.device) };
    const place = f.provider
      ? m('detNetworkProvider', {
          provider: f.provider.label,
          country: f.country ? country(f.country) : m('detCountryUnknown'),
        })
      : f.country
        ? country(f.country)
        : undefined;
    if (place) extras.place = place;
    if (env?.label) extras.envLabel = env.label;
    out.set(e.id, extras);
  }
  return out;
}

function attributeOrderRows(rows: OrderEvent[], c: Case): Map<string, Attribution> {
  const out = new Map<string, Attribution>();
  const notMine = new Set(c.notMine.map((e) => e.id));
  const suspect = new Set(c.suspect.map((e) => e.id));
  const mine = new Set(c.thisBrowser);
  for (const o of rows) {
    if (notMine.has(o.id)) out.set(o.id, 'not-mine');
    else if (suspect.has(o.id)) out.set(o.id, 'suspect');
    else if (mine.has(o.id)) out.set(o.id, 'this-browser');
    else if (!o.dateOnly) out.set(o.id, 'elsewhere');
  }
  return out;
}

export async function loadTimelinePage(
  db: KabuGuardDB,
  filter: TimelineFilter,
  cursor?: TimelineCursor,
  size = PAGE_SIZE,
): Promise<TimelinePage> {
  const picked = await (filter.onlyFlagged ? pageOfFlagged : pageOfAll)(db, filter, cursor, size);
  const more = picked.length > size;
  const rows = picked.slice(0, size);
  const ids = rows.map((r) => r.row.id);
  const day1 = await installedAt(db);
  const logins = rows.filter((r) => r.kind === 'login').map((r) => r.row as LoginEvent);
  const orders = rows.filter((r) => r.kind === 'order').map((r) => r.row as OrderEvent);
  const [alerts, c, envList] = await Promise.all([
    ids.length ? db.alerts.where('eventIds').anyOf(ids).toArray() : Promise.resolve([]),
    caseAround(
      db,
      rows.map((r) => r.row),
      day1,
    ),
    db.environments.toArray(),
  ]);
  const envs = new Map(envList.map((e) => [e.id, e]));
  const loginAttr = attributeLoginRows(logins, envs, c, day1 ? toMs(day1) : undefined);
  const orderAttr = attributeOrderRows(orders, c);
  const flags = new Map<string, Severity>();
  for (const a of alerts) {
    if (severityRank(a.severity) < severityRank('low')) continue;
    for (const id of a.eventIds) if (ids.includes(id)) flags.set(id, maxSeverity(flags.get(id) ?? 'info', a.severity));
  }
  const items = rows.map(({ kind, row }): TimelineItem => {
    const flag = flags.get(row.id);
    const base = { id: row.id, broker: row.broker, at: row.at, ...(flag ? { flag } : {}) };
    if (kind === 'login') return { ...base, kind, event: row as LoginEvent, ...loginAttr.get(row.id)! };
    const attribution = orderAttr.get(row.id);
    return { ...base, kind, event: row as OrderEvent, ...(attribution ? { attribution } : {}) };
  });
  const last = rows[rows.length - 1]?.row;
  return more && last ? { items, next: { at: last.at, id: last.id } } : { items };
}
