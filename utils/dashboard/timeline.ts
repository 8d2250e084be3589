// The dashboard's timeline: logins and orders, newest first, one page at a
// time from the [broker+at] indexes (never all rows), each with where it came
// from: this browser, a known environment, a new one, or one the user said
// was not theirs. Attribution uses the detector's own helpers (facts.ts,
// attribution.ts) on the page's rows and the visits around them.

import { BROKER_LABELS } from '../brokers/labels';
import { toJstIso } from '../brokers/shared/dates';
import type { BrokerId } from '../brokers/types';
import {
  attributeLogins,
  ATTRIBUTION_WINDOW_MS,
  Presence,
  SESSION_MS,
  toMs,
  VISIT_LEAD_MS,
} from '../detect/attribution';
import { installedAt } from '../detect/engine';
import { loginFacts } from '../detect/facts';
import { country, deviceLabel, m } from '../detect/phrases';
import type { LoginEvent, OrderEvent } from '../records';
import { maxSeverity, severityRank, type Msg, type Severity } from '../records/alert';
import type { Environment } from '../records/environment';
import type { KabuGuardDB } from '../store/db';

export type TimelineKind = 'login' | 'order';
export type Attribution = 'this-browser' | 'known' | 'new' | 'not-mine' | 'elsewhere';

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
        db.logins
          .where('[broker+at]')
          .between([b, lo], [b, hi], true, true)
          .reverse()
          .filter(keep)
          .limit(size + 1)
          .toArray()
          .then((r) => r.map((row) => ({ kind: 'login' as const, row }))),
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

/** Only rows an alert (low or more) is about: alerts are few, so start from them. */
async function pageOfFlagged(
  db: KabuGuardDB,
  f: TimelineFilter,
  cursor: TimelineCursor | undefined,
  size: number,
): Promise<Array<{ kind: TimelineKind; row: LoginEvent | OrderEvent }>> {
  const alerts = await db.alerts.where('severity').anyOf(['low', 'medium', 'high']).toArray();
  const ids = [...new Set(alerts.filter((a) => f.brokers.includes(a.broker)).flatMap((a) => a.eventIds))];
  const [logins, orders] = await Promise.all([
    f.kinds.includes('login') ? db.logins.bulkGet(ids) : Promise.resolve([] as Array<LoginEvent | undefined>),
    f.kinds.includes('order') ? db.orders.bulkGet(ids) : Promise.resolve([] as Array<OrderEvent | undefined>),
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

async function attributeLoginRows(
  db: KabuGuardDB,
  rows: LoginEvent[],
  installedMs: number | undefined,
): Promise<Map<string, LoginExtras>> {
  const out = new Map<string, LoginExtras>();
  if (!rows.length) return out;
  const facts = rows.map((e) => loginFacts(e, installedMs));
  const envIds = facts.map((f) => f.envId);
  const envs = new Map(
    (await db.environments.bulkGet([...new Set(envIds)])).filter((e): e is Environment => !!e).map((e) => [e.id, e]),
  );
  const mine = new Set<string>();
  for (const b of new Set(rows.map((r) => r.broker))) {
    const ofBroker = rows.filter((r) => r.broker === b);
    const times = ofBroker.map((r) => toMs(r.at));
    const from = Math.min(...times) - ATTRIBUTION_WINDOW_MS;
    const to = Math.max(...times) + ATTRIBUTION_WINDOW_MS;
    // the logins around the page too, so a visit is given to the same login the detector gave it to
    const [around, visits] = await Promise.all([
      db.logins
        .where('[broker+at]')
        .between([b, toJstIso(from)], [b, toJstIso(to)], true, true)
        .toArray(),
      db.visits
        .where('[broker+at]')
        .between([b, toJstIso(from - VISIT_LEAD_MS)], [b, toJstIso(to + VISIT_LEAD_MS)], true, true)
        .toArray(),
    ]);
    for (const id of attributeLogins(
      around.map((e) => loginFacts(e, installedMs)),
      new Presence(visits.map((v) => v.at)),
    ))
      mine.add(id);
  }
  rows.forEach((e, i) => {
    const env = envs.get(envIds[i]!);
    const f = facts[i]!;
    const attribution: Attribution = mine.has(e.id)
      ? 'this-browser'
      : env?.status === 'rejected'
        ? 'not-mine'
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
  });
  return out;
}

async function attributeOrderRows(db: KabuGuardDB, rows: OrderEvent[]): Promise<Map<string, Attribution>> {
  const out = new Map<string, Attribution>();
  const timed = rows.filter((o) => !o.dateOnly);
  for (const b of new Set(timed.map((r) => r.broker))) {
    const ofBroker = timed.filter((r) => r.broker === b);
    const times = ofBroker.map((r) => toMs(r.at));
    const visits = await db.visits
      .where('[broker+at]')
      .between(
        [b, toJstIso(Math.min(...times) - SESSION_MS)],
        [b, toJstIso(Math.max(...times) + VISIT_LEAD_MS)],
        true,
        true,
      )
      .toArray();
    const presence = new Presence(visits.map((v) => v.at));
    for (const o of ofBroker) out.set(o.id, presence.onSite(toMs(o.at)) ? 'this-browser' : 'elsewhere');
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
  const [alerts, loginAttr, orderAttr] = await Promise.all([
    ids.length ? db.alerts.where('eventIds').anyOf(ids).toArray() : Promise.resolve([]),
    attributeLoginRows(db, logins, day1 ? toMs(day1) : undefined),
    attributeOrderRows(db, orders),
  ]);
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
