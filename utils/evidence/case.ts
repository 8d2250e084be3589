// The case: which logins, orders and account changes were not the holder's
// own (they said so, or it follows from what they said) and which are
// suspects nobody has answered yet. The report, data/case.json, the damage
// statement and the access-log request are all derived from this one value.
//
// The judgement is the attribution's case function (utils/case, issue 9):
// collectEvidence turns it into the flags `caseOf` reads; `judgementFromFlags`
// reads them back. Bundles made before it carry the basis 'answers-and-alerts'.

import type { LoginEvent, OrderEvent, Snapshot } from '../records';
import { isFlagged } from './collect';
import { ms, str, strings, whenOf, type Loose } from './fields';
import { mergeSameTrades, type Trade } from './same-trade';
import type { EventFlag, EvidenceData } from './types';

export type Standing = 'not-mine' | 'suspect';

/** Where a record was read: the saved page or file, by what it was and when it was saved. */
export interface CaseSource {
  snapshotId: string;
  broker: string;
  pageKind: Snapshot['pageKind'];
  capturedAt: string;
  how: Snapshot['how'];
  fileName?: string;
}

interface Entry {
  standing: Standing;
  /** Alerts about it (empty for a record the holder marked with no alert raised). */
  alertIds: string[];
  sources: CaseSource[];
}

export interface CaseLogin extends Entry {
  login: LoginEvent;
}
export interface CaseOrder extends Entry {
  /** One trade, merged from every page that showed it (same-trade.ts). */
  trade: Trade;
}
export interface CaseAccountChange extends Entry {
  change: Loose;
  at: string;
}

export interface EvidenceCase {
  /** What built it: the attribution's case function; 'answers-and-alerts' in bundles made before it. */
  basis: 'answers-and-alerts' | 'attribution';
  logins: CaseLogin[];
  orders: CaseOrder[];
  accountChanges: CaseAccountChange[];
}

/** Ids of logins, orders and account changes, by standing: what a case function decides. */
export interface CaseJudgement {
  notMine: ReadonlySet<string>;
  suspect: ReadonlySet<string>;
}

/** The judgement the flags carry: not the user's, or a suspect nobody answered; never what the user called theirs. */
export function judgementFromFlags(flags: Map<string, EventFlag>): CaseJudgement {
  const notMine = new Set<string>();
  const suspect = new Set<string>();
  for (const [id, f] of flags) {
    if (f.mine) continue;
    if (f.notMine) notMine.add(id);
    else if (isFlagged(flags, id)) suspect.add(id);
  }
  return { notMine, suspect };
}

export function buildCase(d: EvidenceData, j: CaseJudgement, basis: EvidenceCase['basis']): EvidenceCase {
  const snaps = new Map(d.snapshots.map((s) => [s.id, s]));
  const sources = (ids: string[]): CaseSource[] =>
    ids
      .map((id) => snaps.get(id))
      .filter((s): s is Snapshot => !!s)
      .sort((a, b) => ms(a.capturedAt) - ms(b.capturedAt))
      .map((s) => ({
        snapshotId: s.id,
        broker: s.broker,
        pageKind: s.pageKind,
        capturedAt: s.capturedAt,
        how: s.how,
        ...(s.fileName ? { fileName: s.fileName } : {}),
      }));
  const standingOf = (ids: string[]): Standing | undefined =>
    ids.some((id) => j.notMine.has(id)) ? 'not-mine' : ids.some((id) => j.suspect.has(id)) ? 'suspect' : undefined;
  const alertsOf = (ids: string[]) => [...new Set(ids.flatMap((id) => d.flags.get(id)?.alertIds ?? []))];

  const logins: CaseLogin[] = [];
  for (const l of d.logins) {
    const standing = standingOf([l.id]);
    if (standing) logins.push({ login: l, standing, alertIds: alertsOf([l.id]), sources: sources(l.snapshotIds) });
  }
  const orders: CaseOrder[] = [];
  for (const t of mergeSameTrades(d.orders)) {
    const standing = standingOf(t.ids);
    if (standing) orders.push({ trade: t, standing, alertIds: alertsOf(t.ids), sources: sources(t.snapshotIds) });
  }
  const accountChanges: CaseAccountChange[] = [];
  for (const e of d.accountEvents) {
    const id = str(e, 'id') ?? '';
    const at = whenOf(e);
    const standing = standingOf([id]);
    if (standing && at)
      accountChanges.push({
        change: e,
        at,
        standing,
        alertIds: alertsOf([id]),
        sources: sources(strings(e, 'snapshotIds', 'snapshotId')),
      });
  }
  accountChanges.sort((a, b) => ms(a.at) - ms(b.at));
  return { basis, logins, orders, accountChanges };
}

/**
 * THE case of an evidence bundle. `d.flags` is the attribution's case
 * (utils/case, read by collectEvidence over the whole history): its not-mine
 * events (answers, and everything in sessions of a rejected environment) and
 * its unanswered suspects.
 */
export function caseOf(d: EvidenceData): EvidenceCase {
  return buildCase(d, judgementFromFlags(d.flags), 'attribution');
}

/** Every event of the case, in time order: what the access-log request and the summary list. */
export function caseEvents(c: EvidenceCase): Array<{
  kind: 'login' | 'order' | 'account-change';
  at: string;
  dateOnly: boolean;
  broker: string;
  standing: Standing;
}> {
  return [
    ...c.logins.map((x) => ({
      kind: 'login' as const,
      at: x.login.at,
      dateOnly: false,
      broker: x.login.broker,
      standing: x.standing,
    })),
    ...c.orders.map((x) => ({
      kind: 'order' as const,
      at: x.trade.order.at,
      dateOnly: !!x.trade.order.dateOnly,
      broker: x.trade.order.broker,
      standing: x.standing,
    })),
    ...c.accountChanges.map((x) => ({
      kind: 'account-change' as const,
      at: x.at,
      dateOnly: x.change.dateOnly === true,
      broker: str(x.change, 'broker') ?? '',
      standing: x.standing,
    })),
  ].sort((a, b) => ms(a.at) - ms(b.at));
}

export const CASE_FORMAT = 'kabu-guard.evidence.case/1';

/** data/case.json: the case as data, with times (JST and UTC) and sources. */
export function caseJson(c: EvidenceCase): unknown {
  const utc = (iso: string, dateOnly?: boolean) => (dateOnly ? null : new Date(iso).toISOString());
  const src = (s: CaseSource[]) => s.map((x) => ({ ...x, capturedAtUtc: new Date(x.capturedAt).toISOString() }));
  const order = (o: OrderEvent) => ({
    broker: o.broker,
    side: o.side,
    status: o.status,
    market: o.market ?? null,
    marketRegion: o.marketRegion ?? null,
    symbol: o.symbol ?? null,
    name: o.name ?? null,
    quantity: o.quantity ?? null,
    price: o.price ?? null,
    currency: o.currencyCode ?? o.currency ?? null,
    amount: o.amount ?? null,
    fees: o.fees ?? null,
    account: o.account ?? null,
    orderNumber: o.orderNumber ?? null,
  });
  return {
    format: CASE_FORMAT,
    basis: c.basis,
    note:
      c.basis === 'answers-and-alerts'
        ? 'not-mine: the holder answered "not me"; suspect: an alert was raised and nobody has answered yet'
        : 'built by the attribution case function',
    counts: {
      logins: {
        notMine: c.logins.filter((x) => x.standing === 'not-mine').length,
        suspect: c.logins.filter((x) => x.standing === 'suspect').length,
      },
      orders: {
        notMine: c.orders.filter((x) => x.standing === 'not-mine').length,
        suspect: c.orders.filter((x) => x.standing === 'suspect').length,
      },
      accountChanges: {
        notMine: c.accountChanges.filter((x) => x.standing === 'not-mine').length,
        suspect: c.accountChanges.filter((x) => x.standing === 'suspect').length,
      },
    },
    logins: c.logins.map((x) => ({
      id: x.login.id,
      standing: x.standing,
      at: x.login.at,
      atUtc: utc(x.login.at),
      broker: x.login.broker,
      result: x.login.result,
      channel: x.login.channel ?? null,
      ip: x.login.ip ?? null,
      os: x.login.os ?? null,
      browser: x.login.browser ?? null,
      device: x.login.device ?? null,
      userAgent: x.login.userAgent ?? null,
      location: x.login.location ?? null,
      alertIds: x.alertIds,
      sources: src(x.sources),
    })),
    orders: c.orders.map((x) => ({
      ids: x.trade.ids,
      standing: x.standing,
      at: x.trade.order.at,
      atUtc: utc(x.trade.order.at, x.trade.order.dateOnly),
      dateOnly: !!x.trade.order.dateOnly,
      ...order(x.trade.order),
      alertIds: x.alertIds,
      sources: src(x.sources),
    })),
    accountChanges: c.accountChanges.map((x) => ({
      id: str(x.change, 'id') ?? null,
      standing: x.standing,
      at: x.at,
      atUtc: utc(x.at, x.change.dateOnly === true),
      broker: str(x.change, 'broker') ?? null,
      kind: str(x.change, 'kind') ?? null,
      item: str(x.change, 'item') ?? null,
      detail: str(x.change, 'detail') ?? null,
      alertIds: x.alertIds,
      sources: src(x.sources),
    })),
  };
}
