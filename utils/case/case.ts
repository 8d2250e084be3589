// THE case: which logins, orders and account changes were not the user's,
// and which are suspects nobody has answered yet. One function, used by the
// alerts, the dashboard and the evidence report (and the evaluation), so that
// all of them say the same thing:
//   - the user's answers first (an alert answered "not mine" / "mine", an
//     environment answered as a whole);
//   - every login of a rejected environment is not the user's (except those
//     this browser made: a channel-only page may name the user's own PC and
//     the attacker's the same);
//   - every order and account change placed in a session whose login is not
//     the user's is not the user's; where the page cannot tell which of two
//     sessions placed it, it stays a suspect for the user to answer;
//   - everything an unanswered alert of medium or more is about is a suspect.
// Sessions and placement come from utils/detect/sessions.ts, the same code
// detection uses. Pure: loadCase (load.ts) reads the store for it.

import type { BrokerId } from '../brokers/types';
import type { AccountEvent, Answer, LoginEvent, LoginObservation, OrderEvent, Visit } from '../records';
import { maxSeverity, severityRank, type Alert, type Severity } from '../records/alert';
import type { Environment } from '../records/environment';
import { indexAnswers, type AnswerIndex } from '../detect/answers';
import { loginFacts, orderRegion } from '../detect/facts';
import { buildSessions, decisiveSessions, placeOrder, toMs, type Session } from '../detect/sessions';

export type CaseEventKind = 'login' | 'order' | 'account-change' | 'login-observation';

/** One event of the case. */
export interface CaseEvent {
  kind: CaseEventKind;
  /** The record's id (LoginEvent, OrderEvent, AccountEvent, LoginObservation). */
  id: string;
  broker: BrokerId;
  /** The record's time (ISO with offset); `dateOnly` when the page showed the date alone. */
  at: string;
  dateOnly?: boolean;
  /**
   * Why it is in the case: answered (the user said so about it), environment
   * (a login of an environment the user rejected), session (placed in a
   * session whose login is not the user's, or is a suspect), alert (an
   * unanswered alert of medium or more is about it).
   */
  reason: 'answered' | 'environment' | 'session' | 'alert';
  /** The login's environment, or the environment of the session that placed the order or change. */
  environmentId?: string;
  /** The login's session, or the session(s) that placed the order or change. */
  sessionIds: string[];
  /** Alerts about it (any severity of low or more), and the highest of their severities. */
  alertIds: string[];
  severity?: Severity;
  /** Another session than the flagged one could also have placed it (the page's times cannot tell). */
  ambiguous?: boolean;
}

export interface Case {
  /** What the user answered as not theirs, or what follows from it. Time order. */
  notMine: CaseEvent[];
  /** What the product flags and nobody has answered. Time order. */
  suspect: CaseEvent[];
  /** Events alerts were about that the user answered as theirs (shown as such, never as evidence). */
  mine: CaseEvent[];
  /** Environments the user rejected, and environments with unanswered suspect logins. */
  environments: { notMine: string[]; suspect: string[] };
  /** Logins this browser made, and orders and changes only this browser's sessions could have placed. */
  thisBrowser: string[];
}

export interface CaseInput {
  logins: LoginEvent[];
  orders: OrderEvent[];
  accountEvents: AccountEvent[];
  observations?: LoginObservation[];
  visits: Visit[];
  alerts: Alert[];
  answers: Answer[];
  /** Stored environments (their status carries answers given before answers were kept apart). */
  environments: Environment[];
  installedAt: string | undefined;
}

type Verdict = 'mine' | 'not-mine' | 'suspect' | 'unknown';
const RANK: Record<Verdict, number> = { mine: 0, unknown: 1, suspect: 2, 'not-mine': 3 };

interface AlertIndex {
  /** Open alerts of medium or more, and all alerts of low or more, per event. */
  about(id: string): Alert[];
}

function indexAlerts(alerts: Alert[]): AlertIndex {
  const by = new Map<string, Alert[]>();
  for (const a of alerts) {
    if (severityRank(a.severity) < severityRank('low')) continue;
    for (const id of a.eventIds) by.set(id, [...(by.get(id) ?? []), a]);
  }
  return { about: (id) => by.get(id) ?? [] };
}

const byTime = (a: CaseEvent, b: CaseEvent) => toMs(a.at) - toMs(b.at) || a.id.localeCompare(b.id);

export function buildCase(input: CaseInput): Case {
  const answers = indexAnswers(input.answers);
  const alerts = indexAlerts(input.alerts);
  const installedMs = input.installedAt ? toMs(input.installedAt) : undefined;
  const out: Case = { notMine: [], suspect: [], mine: [], environments: { notMine: [], suspect: [] }, thisBrowser: [] };
  const brokers = new Set<BrokerId>(
    [...input.logins, ...input.orders, ...input.accountEvents, ...(input.observations ?? [])].map((e) => e.broker),
  );
  for (const broker of brokers) caseOfBroker(broker, input, answers, alerts, installedMs, out);
  out.notMine.sort(byTime);
  out.suspect.sort(byTime);
  out.mine.sort(byTime);
  return out;
}

function caseOfBroker(
  broker: BrokerId,
  input: CaseInput,
  answers: AnswerIndex,
  alerts: AlertIndex,
  installedMs: number | undefined,
  out: Case,
): void {
  const facts = input.logins
    .filter((e) => e.broker === broker)
    .map((e) => loginFacts(e, installedMs))
    .sort((a, b) => a.ms - b.ms || a.event.id.localeCompare(b.event.id));
  const model = buildSessions(
    facts,
    input.visits.filter((v) => v.broker === broker).map((v) => toMs(v.at)),
  );
  const envs = new Map(input.environments.filter((e) => e.broker === broker).map((e) => [e.id, e]));
  const envVerdict = (envId: string): 'mine' | 'not-mine' | undefined =>
    answers.environment(envId)?.verdict ??
    (envs.get(envId)?.status === 'rejected'
      ? 'not-mine'
      : envs.get(envId)?.status === 'confirmed'
        ? 'mine'
        : undefined);
  const alertsOf = (id: string) => alerts.about(id);
  const answeredOnAlert = (id: string): 'mine' | 'not-mine' | undefined => {
    let v: 'mine' | 'not-mine' | undefined;
    for (const a of alertsOf(id)) if (a.status !== 'open') v = a.status;
    return v;
  };
  const openSeverity = (id: string): Severity | undefined => {
    let s: Severity | undefined;
    for (const a of alertsOf(id)) if (a.status === 'open') s = maxSeverity(s ?? 'info', a.severity);
    return s;
  };
  const flags = (id: string) => {
    const list = alertsOf(id);
    const severity = list.reduce<Severity | undefined>((s, a) => maxSeverity(s ?? 'info', a.severity), undefined);
    return { alertIds: list.map((a) => a.id), ...(severity ? { severity } : {}) };
  };

  // logins
  const loginVerdict = new Map<string, Verdict>();
  const rejectedEnvs = new Set<string>();
  const suspectEnvs = new Set<string>();
  for (const f of facts) {
    const e = f.event;
    const base = {
      kind: 'login' as const,
      id: e.id,
      broker,
      at: e.at,
      environmentId: f.envId,
      sessionIds: model.byLogin.get(e.id) ? [model.byLogin.get(e.id)!.id] : [],
      ...flags(e.id),
    };
    const explicit = answers.event(e.id, e.at) ?? answeredOnAlert(e.id);
    const env = envVerdict(f.envId);
    let v: Verdict;
    if (explicit) {
      v = explicit;
      (v === 'not-mine' ? out.notMine : out.mine).push({ ...base, reason: 'answered' });
    } else if (model.thisBrowser.has(e.id)) v = 'mine';
    else if (env === 'not-mine') {
      v = 'not-mine';
      out.notMine.push({ ...base, reason: 'environment' });
    } else if (env === 'mine') v = 'mine';
    else if (severityRank(openSeverity(e.id) ?? 'info') >= severityRank('medium')) {
      v = 'suspect';
      out.suspect.push({ ...base, reason: 'alert' });
    } else v = 'unknown';
    loginVerdict.set(e.id, v);
    if (v === 'not-mine' && env === 'not-mine') rejectedEnvs.add(f.envId);
    if (v === 'suspect') suspectEnvs.add(f.envId);
  }
  for (const id of envs.keys()) if (envVerdict(id) === 'not-mine') rejectedEnvs.add(id);
  out.environments.notMine.push(...rejectedEnvs);
  out.environments.suspect.push(...[...suspectEnvs].filter((id) => !rejectedEnvs.has(id)));

  const sessionVerdict = (s: Session): Verdict => {
    if (!s.login) return 'mine';
    const v = loginVerdict.get(s.login.event.id) ?? 'unknown';
    // this browser's session is the user's unless the user said otherwise about its login
    return s.thisBrowser === 'yes' && v === 'unknown' ? 'mine' : v;
  };

  out.thisBrowser.push(...model.thisBrowser);
  const placed = (
    kind: 'order' | 'account-change',
    e: { id: string; at: string; dateOnly?: boolean },
    sessions: Session[],
  ) => {
    if (sessions.length && sessions.every((s) => s.thisBrowser === 'yes')) out.thisBrowser.push(e.id);
    const base = {
      kind,
      id: e.id,
      broker,
      at: e.at,
      ...(e.dateOnly ? { dateOnly: true } : {}),
      sessionIds: sessions.map((s) => s.id),
      ...flags(e.id),
    };
    const explicit = answers.event(e.id, e.at) ?? answeredOnAlert(e.id);
    if (explicit) {
      (explicit === 'not-mine' ? out.notMine : out.mine).push({ ...base, reason: 'answered' });
      return;
    }
    const verdicts = sessions.map(sessionVerdict);
    const worst = verdicts.reduce<Verdict>((w, v) => (RANK[v] > RANK[w] ? v : w), 'mine');
    const by = sessions[verdicts.indexOf(worst)];
    const env = by?.envId ? { environmentId: by.envId } : {};
    const ambiguous = new Set(verdicts).size > 1;
    if (worst === 'not-mine' && verdicts.every((v) => v === 'not-mine'))
      out.notMine.push({ ...base, ...env, reason: 'session' });
    else if (worst === 'not-mine' || worst === 'suspect')
      out.suspect.push({ ...base, ...env, reason: 'session', ...(ambiguous ? { ambiguous: true } : {}) });
    else if (severityRank(openSeverity(e.id) ?? 'info') >= severityRank('medium'))
      out.suspect.push({ ...base, ...env, reason: 'alert' });
  };

  for (const o of input.orders) {
    if (o.broker !== broker) continue;
    placed('order', o, decisiveSessions(placeOrder(o, orderRegion(o), model)));
  }
  for (const c of input.accountEvents) {
    if (c.broker !== broker) continue;
    placed(
      'account-change',
      c,
      decisiveSessions(
        placeOrder({ at: c.at, status: 'open', ...(c.dateOnly ? { dateOnly: true } : {}) }, 'JP', model),
      ),
    );
  }
  for (const obs of input.observations ?? []) {
    if (obs.broker !== broker) continue;
    const explicit = answers.event(obs.id, obs.at) ?? answeredOnAlert(obs.id);
    if (explicit)
      (explicit === 'not-mine' ? out.notMine : out.mine).push({
        kind: 'login-observation',
        id: obs.id,
        broker,
        at: obs.at,
        sessionIds: [],
        reason: 'answered',
        ...flags(obs.id),
      });
  }
}
