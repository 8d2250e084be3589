// The case from the store: everything of the brokers in scope (sessions need
// the logins and visits around each order, and an environment's rejection
// reaches all of its logins, so the case is built over whole histories and
// then cut to the period asked for).

import type { BrokerId } from '../brokers/types';
import type { LoginEvent, OrderEvent, Visit } from '../records';
import { installedAt } from '../detect/engine';
import { toMs } from '../detect/sessions';
import type { KabuGuardDB } from '../store/db';
import { allLogins } from '../store/logins';
import { buildCase, type Case, type CaseEvent } from './case';

export interface CaseScope {
  broker?: BrokerId;
  /** ISO with offset, inclusive: only events in this period are listed. */
  from?: string;
  to?: string;
}

/**
 * The case from the store. `read`: the whole tables a caller has already read (the evidence export reads
 * every login, order and visit for its data files), used as they are rather than read a second time.
 */
export async function loadCase(
  db: KabuGuardDB,
  scope: CaseScope = {},
  read: { logins?: LoginEvent[]; orders?: OrderEvent[]; visits?: Visit[] } = {},
): Promise<Case> {
  const of = <T extends { broker: BrokerId }>(rows: T[]) =>
    scope.broker ? rows.filter((r) => r.broker === scope.broker) : rows;
  const [logins, orders, accountEvents, observations, visits, alerts, answers, environments, day1] = await Promise.all([
    read.logins ?? allLogins(db),
    read.orders ?? db.orders.toArray(),
    db.accountEvents.toArray(),
    db.loginObservations.toArray(),
    read.visits ?? db.visits.toArray(),
    db.alerts.toArray(),
    db.answers.toArray(),
    db.environments.toArray(),
    installedAt(db),
  ]);
  const c = buildCase({
    logins: of(logins),
    orders: of(orders),
    accountEvents: of(accountEvents),
    observations: of(observations),
    visits: of(visits),
    alerts: of(alerts),
    answers: of(answers),
    environments: of(environments),
    installedAt: day1,
  });
  return scope.from || scope.to ? within(c, scope) : c;
}

function within(c: Case, scope: CaseScope): Case {
  const from = scope.from ? toMs(scope.from) : -Infinity;
  const to = scope.to ? toMs(scope.to) : Infinity;
  const keep = (e: CaseEvent) => toMs(e.at) >= from && toMs(e.at) <= to;
  return { ...c, notMine: c.notMine.filter(keep), suspect: c.suspect.filter(keep), mine: c.mine.filter(keep) };
}
