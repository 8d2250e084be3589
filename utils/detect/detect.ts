// One detection pass for one broker, pure: the stored history (from a
// checkpoint on) → findings, the environments as they now stand, and the next
// checkpoint. Every login, order and account change from the checkpoint on is
// judged again in time order, each login against the profile as it was just
// before it, so the result does not depend on the order in which pages were
// read; the engine (engine.ts) falls back to a full pass from the beginning
// when rows older than the checkpoint arrive. Sessions (sessions.ts) decide
// what this browser did and which session placed each order; the user's
// answers (answers.ts) are applied on every pass, so they survive rebuilds.

import type { AccountEvent, Answer, LoginEvent, LoginObservation, OrderEvent } from '../records';
import type { BrokerId } from '../brokers/types';
import { maxSeverity, type Severity } from '../records/alert';
import type { Environment, EnvironmentStatus } from '../records/environment';
import { alertId } from './alerts';
import { indexAnswers, type AnswerIndex } from './answers';
import { channelKey } from './device';
import { YEN_PER_UNIT, loginFacts, orderFacts, orderRegion } from './facts';
import {
  cloneOrderProfile,
  emptyOrderProfile,
  foldOrder,
  restoreOrderProfile,
  sessionsOf,
  storeOrderProfile,
  type StoredOrderProfile,
} from './order-profile';
import { buildProfile, foldLogin, KNOWN, newEnvironment } from './profile';
import { ACCOUNT_RULES, ENVIRONMENT_RULES, LOGIN_RULES, ORDER_RULES } from './rules';
import { AFTER_WAKING_DAYS, DORMANT_DAYS } from './rules/dormant-waking';
import { REVIEW_RECENT_DAYS, reviewHistory } from './rules/history-review';
import { buildSessions, decisiveSessions, placeOrder, toMs, type Session, type SessionModel } from './sessions';
import { atLeast } from './severity';
import { m, time, todo } from './phrases';
import type { Finding, LoginFacts, LoginProfile, OrderFacts, OrderProfile, PlacedBy, SessionVerdict } from './types';

export const DAY_MS = 24 * 3600_000;
/** Logins before the judged range that are loaded as context (bursts, sprays, dormancy follow-up). */
export const CONTEXT_MS = (AFTER_WAKING_DAYS + 1) * DAY_MS;
/** The checkpoint trails the pass's time by this much: later captures rarely bring rows older than that. */
export const SETTLE_MS = 2 * DAY_MS;
/** The orders whose placement says where the user trades from. */
const HABIT_MS = 14 * DAY_MS;
/** Compatibility for callers that load logins around new events. */
export const NEARBY_BEFORE_MS = CONTEXT_MS;
export const NEARBY_AFTER_MS = DAY_MS;

/** What the engine keeps between passes: the environments folded over every login before the watermark. */
export interface DetectState {
  v: 1;
  /** ISO; null: nothing folded yet (the next pass is a full one). */
  watermark: string | null;
  envs: Environment[];
  /**
   * The order profile folded over every order before `from` (ISO, CONTEXT_MS before the watermark): a pass
   * from the checkpoint loads only the orders from there. Absent (a state from before it): every order.
   */
  orders?: { from: string; profile: StoredOrderProfile };
}
export const EMPTY_STATE: DetectState = { v: 1, watermark: null, envs: [] };

export interface DetectionInput {
  broker: BrokerId;
  now: string;
  /** The extension's day one: the history before it is judged as a review. */
  installedAt: string | undefined;
  homeCountry?: string;
  /** The checkpoint to start from (EMPTY_STATE for a full pass). */
  base: DetectState;
  /** Logins from the watermark on, with CONTEXT_MS before it (all of them for a full pass), any order. */
  logins: LoginEvent[];
  /** The newest successful non-aggregator login before the first of `logins`. */
  lastSuccessBefore?: string;
  visits: string[];
  /** The broker's orders: all of them, or from a checkpoint (`base.orders`) those from its `from` on. */
  orders: OrderEvent[];
  /** All account changes of the broker. */
  accountEvents: AccountEvent[];
  observations?: LoginObservation[];
  answers: Answer[];
  /** Highest severity of stored alerts per event (never lowered by a pass). */
  priorSeverity: Map<string, Severity>;
  /** The login history's last successful reading (ISO), if it was ever read. */
  loginHistoryReadAt?: string;
  /** The last time a login-history page was captured at all (read or not). */
  loginHistoryTriedAt?: string;
  /** A check between visits can fetch the login history (the adapter knows its address, or the user opened it). */
  loginHistoryReachable?: boolean;
}

export interface DetectionResult {
  findings: Finding[];
  /** Every environment of the broker as it now stands. */
  environments: Environment[];
  state: DetectState;
  /** Logins the previous-login banner shows that neither this browser nor the stored history explains. */
  unexplained: string[];
  sessions: SessionModel;
}

function byTimeFailuresFirst(a: LoginFacts, b: LoginFacts): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  if (a.event.result !== b.event.result) return a.event.result === 'failure' ? -1 : 1;
  return a.event.id.localeCompare(b.event.id);
}

/** For each success: the previous success, and the dormant waking it follows (if within AFTER_WAKING_DAYS). */
function wakings(logins: LoginFacts[], before: string | undefined) {
  const previous = new Map<string, string>();
  const wokeFrom = new Map<string, { at: string; idleDays: number }>();
  let last = before;
  let woke: { at: string; idleDays: number; ms: number } | undefined;
  for (const f of logins) {
    if (f.event.result !== 'success' || f.device.channel === 'aggregator') continue;
    if (last) {
      previous.set(f.event.id, last);
      const idle = (f.ms - toMs(last)) / DAY_MS;
      if (idle >= DORMANT_DAYS) woke = { at: f.event.at, idleDays: Math.floor(idle), ms: f.ms };
    }
    if (woke && f.ms - woke.ms <= AFTER_WAKING_DAYS * DAY_MS)
      wokeFrom.set(f.event.id, { at: woke.at, idleDays: woke.idleDays });
    last = f.event.at;
  }
  return { previous, wokeFrom };
}

const VERDICT_RANK: Record<SessionVerdict, number> = { mine: 0, unknown: 1, suspect: 2, 'not-mine': 3 };

/**
 * The alert the logins of something new join: the first new thing the rules name
 * (country, hosting provider, device class, channel), else the environment. A trip
 * across two networks of one country, or a new browser at home on two address
 * blocks, is one alert. Once that alert is answered, a new one starts.
 */
export function alertKeyFor(broker: BrokerId, f: LoginFacts, found: Finding[], answers: AnswerIndex): string {
  const rules = new Set(found.map((x) => x.rule));
  let key: string;
  if (rules.has('new-country') && f.country) key = `country:${f.country}`;
  else if (rules.has('hosting-network') && f.provider) key = `provider:${f.provider.label}@${f.country ?? ''}`;
  else if (rules.has('new-device-class')) key = `device:${f.device.key}`;
  else if (rules.has('new-channel') || rules.has('aggregator-first')) key = `channel:${channelKey(f.device)}`;
  else {
    const episode = answers.episodeOf(f.envId);
    key = episode && toMs(episode) < f.ms ? `env:${f.envId}@${episode}` : `env:${f.envId}`;
  }
  // an alert answered before this login is closed: a new one starts
  for (let i = 0; i < 5; i++) {
    const answered = answers.alertAnsweredAt(
      alertId({ broker, kind: 'login', anchor: { id: '', at: '' }, alertKey: key }),
    );
    if (!answered || toMs(answered) > f.ms) break;
    key = `${key.split('@answered:')[0]}@answered:${answered}`;
  }
  return key;
}

export function detect(input: DetectionInput): DetectionResult {
  const W = input.base.watermark ? toMs(input.base.watermark) : -Infinity;
  const full = W === -Infinity;
  const nowMs = toMs(input.now);
  const installedMs = input.installedAt ? toMs(input.installedAt) : undefined;
  const home = input.homeCountry ?? 'JP';
  const answers = indexAnswers(input.answers);
  const findings: Finding[] = [];
  const severity = new Map(input.priorSeverity);
  const raise = (id: string, s: Severity) => severity.set(id, maxSeverity(severity.get(id) ?? 'info', s));

  const facts = input.logins.map((e) => loginFacts(e, installedMs)).sort(byTimeFailuresFirst);
  const model = buildSessions(
    facts,
    input.visits.map((v) => toMs(v)),
  );
  for (const f of facts) {
    f.thisBrowser = model.thisBrowser.has(f.event.id);
    f.maybeThisBrowser = model.maybe.has(f.event.id);
  }
  const sessionById = new Map(model.sessions.map((s) => [s.id, s]));

  const envs = new Map<string, Environment>(input.base.envs.map((e) => [e.id, e]));
  // what the user had said by a time: a login is judged with the answers given before it, so
  // judging the history again after an answer gives the alerts it gave then (answers only add to them)
  const answerStatus = (envId: string, ms = Infinity): EnvironmentStatus | undefined => {
    const a = answers.environmentAt(envId, ms);
    return a ? (a.verdict === 'mine' ? 'confirmed' : 'rejected') : undefined;
  };
  const withAnswer = (e: Environment, ms = Infinity): Environment => {
    const a = answers.environmentAt(e.id, ms);
    const status = answerStatus(e.id, ms);
    return status && (e.status !== status || e.reviewedAt !== a!.at)
      ? { ...e, status, reviewedAt: a!.at, updatedAt: input.now }
      : e;
  };
  const envAnswers = answers.environmentAnswers();
  let applied = 0;
  const applyAnswersUntil = (ms: number) => {
    for (; applied < envAnswers.length && toMs(envAnswers[applied]!.at) <= ms; applied++) {
      const e = envs.get(envAnswers[applied]!.environmentId!);
      if (e) envs.set(e.id, withAnswer(e, ms));
    }
  };

  // orders and changes: where they were placed (the verdicts come once logins are judged); only
  // where the sessions around them are loaded: an older order is history, not placed again
  const placeFrom = full ? -Infinity : W - CONTEXT_MS + DAY_MS;
  const allOrders = input.orders
    .map((e) => {
      const o = orderFacts(e, () => false, installedMs);
      const p = o.ms >= placeFrom ? placeOrder(e, orderRegion(e), model) : undefined;
      o.onSite = p?.thisBrowser;
      return { o, p };
    })
    .sort((a, b) => a.o.ms - b.o.ms || a.o.event.id.localeCompare(b.o.event.id));
  for (const { o, p } of allOrders)
    o.placedBy = { verdict: 'unknown', sessions: p ? decisiveSessions(p).map((s) => s.id) : [], ambiguous: false };

  // the first review of the history found at installation (a full pass sees all of it)
  const suspectEnvs = new Set<string>();
  if (full && installedMs !== undefined) {
    const review = reviewHistory({
      installedMs,
      homeCountry: home,
      logins: facts,
      model,
      orders: allOrders.map((x) => x.o).filter((o) => o.preInstall),
      changes: input.accountEvents.filter((e) => toMs(e.at) < installedMs),
      // the history is judged as it was found at installation, whatever the user said since
      answered: () => undefined,
    });
    for (const s of review.suspects) {
      if (s.wholeEnvironment) suspectEnvs.add(s.envId);
      for (const f of s.logins) raise(f.event.id, s.severity);
    }
    findings.push(...review.findings);
  }

  // logins, in time order, each against the profile just before it
  const Wn = Math.max(W, nowMs - SETTLE_MS);
  let checkpoint: Environment[] | undefined;
  const wake = wakings(facts, input.lastSuccessBefore);
  let profile: LoginProfile | undefined;
  const known = () => [...envs.values()].filter((e) => KNOWN.has(e.status));
  // the logins a rule sees around one (bursts, sprays, failures before a success): CONTEXT_MS either side,
  // as a pass from the checkpoint has loaded them; all of them would make a full pass quadratic
  let [nearFrom, nearTo] = [0, 0];
  const nearby = (ms: number) => {
    for (; nearFrom < facts.length && facts[nearFrom]!.ms < ms - CONTEXT_MS; nearFrom++);
    for (; nearTo < facts.length && facts[nearTo]!.ms <= ms + CONTEXT_MS; nearTo++);
    return facts.slice(nearFrom, nearTo);
  };
  for (const f of facts) {
    if (f.ms < W) continue;
    if (!checkpoint && f.ms >= Wn) {
      applyAnswersUntil(Wn);
      checkpoint = [...envs.values()];
    }
    applyAnswersUntil(f.ms);
    const forgotten = answers.forgottenBefore(f.envId);
    if (forgotten !== undefined && f.ms < forgotten) continue;
    const env = envs.get(f.envId);
    let sev: Severity | undefined;
    if (!f.preInstall) {
      profile ??= buildProfile(known());
      const session = model.byLogin.get(f.event.id);
      const concurrent = (session?.overlaps ?? [])
        .map((id) => sessionById.get(id))
        .filter((s): s is Session => !!s && s.thisBrowser === 'yes' && s.start <= f.ms)
        .map((s) => ({ envId: s.envId, wide: s.login?.wide, start: s.start }));
      const ctx = {
        facts: f,
        profile,
        env,
        concurrent,
        answered: answers.environmentAt(f.envId, f.ms)?.verdict,
        nearby: nearby(f.ms),
        previousSuccessAt: wake.previous.get(f.event.id),
        wokeFrom: wake.wokeFrom.get(f.event.id),
        severityOf: (id: string) => severity.get(id),
      };
      const found: Finding[] = [];
      // the user said this login, or its environment, was theirs: nothing about it is news any more
      const own = f.event.result === 'success' && answers.environmentAt(f.envId, f.ms)?.verdict === 'mine';
      for (const rule of own ? [] : LOGIN_RULES) {
        const x = rule.evaluate(ctx);
        if (x) found.push(x);
      }
      // what is new (a country, a provider, a channel, a device class), or an environment not yet known:
      // one alert for all the logins it covers until the user answers it
      const unknownEnv = !env || !KNOWN.has(env.status);
      if ((unknownEnv || found.some((x) => ENVIRONMENT_RULES.has(x.rule))) && !answers.environmentAt(f.envId, f.ms)) {
        const key = alertKeyFor(input.broker, f, found, answers);
        for (const x of found) if (x.events.length === 1 && x.events[0]!.id === f.event.id) x.alertKey = key;
      }
      for (const x of found) {
        findings.push(x);
        sev = maxSeverity(sev ?? 'info', x.severity);
        for (const ev of x.events) raise(ev.id, x.severity);
      }
    }
    if (f.event.result !== 'success') continue;
    const flagged = atLeast(severity.get(f.event.id), 'medium') || answers.event(f.event.id, f.event.at) === 'not-mine';
    const initial: EnvironmentStatus =
      answerStatus(f.envId, f.ms) ??
      (f.preInstall
        ? suspectEnvs.has(f.envId)
          ? 'alerted'
          : 'baseline'
        : sev !== undefined && sev !== 'info'
          ? 'alerted'
          : 'learned');
    const next = foldLogin(env ?? newEnvironment(f, initial, input.now), f, input.now, flagged);
    envs.set(f.envId, withAnswer(next, f.ms));
    profile = undefined;
  }
  if (!checkpoint) {
    applyAnswersUntil(Wn);
    checkpoint = [...envs.values()];
  }
  // every answer, for what the case and the orders are judged by
  applyAnswersUntil(Infinity);
  for (const [id, e] of envs) envs.set(id, withAnswer(e));

  // which sessions are the user's: this browser, an answer, a known environment; or flagged, or unknown
  const sessionVerdict = (s: Session): SessionVerdict => {
    const login = s.login;
    if (!login) return 'mine';
    const answered = answers.event(login.event.id, login.event.at);
    if (answered) return answered;
    if (s.thisBrowser === 'yes') return 'mine';
    const env = envs.get(login.envId);
    if (env?.status === 'rejected') return 'not-mine';
    if (env?.status === 'confirmed') return 'mine';
    if (atLeast(severity.get(login.event.id), 'medium')) return 'suspect';
    if (env && KNOWN.has(env.status) && s.thisBrowser === 'no') return 'mine';
    return 'unknown';
  };
  const placedByOf = (sessions: Session[]): PlacedBy => {
    if (!sessions.length) return { verdict: 'unknown', sessions: [], ambiguous: false };
    const verdicts = sessions.map(sessionVerdict);
    let worst = 0;
    verdicts.forEach((v, i) => (VERDICT_RANK[v] > VERDICT_RANK[verdicts[worst]!] ? (worst = i) : 0));
    const login = sessions[worst]!.login;
    return {
      verdict: verdicts[worst]!,
      ...(login ? { login } : {}),
      sessions: sessions.map((s) => s.id),
      ambiguous: new Set(verdicts).size > 1,
    };
  };
  const precedingOf = (p: PlacedBy) =>
    p.login
      ? {
          facts: p.login,
          severity: p.verdict === 'not-mine' ? ('high' as const) : severity.get(p.login.event.id),
        }
      : undefined;

  for (const { o, p } of allOrders) {
    if (!p) continue;
    const by = placedByOf(decisiveSessions(p));
    o.placedBy = by;
    // a session of the user's own known environment weighs as the user's, like this browser
    if (by.verdict === 'mine') o.onSite = true;
  }
  const orderBase = !full && input.base.orders ? restoreOrderProfile(input.base.orders.profile) : emptyOrderProfile();
  const judgedOrders = orderFindings(
    allOrders.map((x) => x.o),
    W,
    installedMs,
    precedingOf,
    buildProfile(known()),
    orderBase,
    Wn - CONTEXT_MS,
  );
  findings.push(...judgedOrders.findings);

  // account changes
  const changes = [...input.accountEvents].sort((a, b) => a.at.localeCompare(b.at));
  changes.forEach((e, i) => {
    const ms = toMs(e.at);
    const pre = installedMs === undefined || ms < installedMs;
    const p = placeOrder({ at: e.at, status: 'open', ...(e.dateOnly ? { dateOnly: true } : {}) }, 'JP', model);
    const by = placedByOf(decisiveSessions(p));
    const flaggedSession = by.verdict === 'not-mine' || by.verdict === 'suspect';
    if (ms < W - DAY_MS) return;
    if (pre && !flaggedSession && (installedMs === undefined || ms < installedMs - REVIEW_RECENT_DAYS * DAY_MS)) return;
    const onSite = by.verdict === 'mine' ? true : e.dateOnly ? undefined : p.thisBrowser;
    for (const rule of ACCOUNT_RULES) {
      const found = rule.evaluate({
        event: e,
        onSite,
        precedingLogin: precedingOf(by),
        pastChanges: i,
        review: pre,
        placedBy: by,
      });
      if (found) findings.push(pre && found.rule !== 'account-change' ? capReview(found, flaggedSession) : found);
    }
  });

  // the previous-login banner: a login this browser's visits do not explain
  const unexplained: string[] = [];
  for (const obs of input.observations ?? []) {
    const ms = toMs(obs.at);
    if (ms < W - DAY_MS) continue;
    // this browser's own login (its session starts then), or a login the history lists (judged there)
    const mine = model.sessions.some((s) => s.thisBrowser === 'yes' && Math.abs(s.start - ms) <= 2 * 60_000);
    const listed = facts.some((f) => f.event.result === 'success' && Math.abs(f.ms - ms) <= 90_000);
    if (mine || listed) continue;
    const readAfter = input.loginHistoryReadAt !== undefined && input.loginHistoryReadAt > obs.firstSeenAt;
    const triedAfter = input.loginHistoryTriedAt !== undefined && input.loginHistoryTriedAt > obs.firstSeenAt;
    // the history read since does not list it, or it could not be read, or there is no history to read: ask, low-key
    if (readAfter || triedAfter || !input.loginHistoryReachable) findings.push(previousLoginPrompt(obs));
    // else read the login history now (the engine asks once, for a banner seen for the first time)
    else unexplained.push(obs.id);
  }

  return {
    findings,
    environments: [...envs.values()],
    state: { v: 1, watermark: new Date(Wn).toISOString(), envs: checkpoint, orders: judgedOrders.checkpoint },
    unexplained,
    sessions: model,
  };
}

/** A review of the history before installation asks; it does not accuse, unless the session was flagged. */
function capReview(f: Finding, flaggedSession: boolean): Finding {
  if (flaggedSession || f.rule === 'orders-in-flagged-session' || !atLeast(f.severity, 'high')) return f;
  return { ...f, severity: 'medium', explanation: { ...f.explanation, todo: todo('medium', f.broker) } };
}

function accountValue(p: OrderProfile): number {
  let v = 0;
  for (const pos of p.positions.values())
    if (pos.quantity > 0 && pos.lastPrice !== undefined)
      v += pos.quantity * pos.lastPrice * (YEN_PER_UNIT[pos.currency ?? 'JPY'] ?? 1);
  return v;
}

/**
 * The orders' findings, and the next checkpoint: the profile folded over every order before `cut`. The
 * cut lies CONTEXT_MS before the next watermark, so every order a pass from it judges (from a day before
 * the watermark) is at or after the cut and loaded, and a trading session the cut splits is one it only
 * folds (the same orders in the same order as a full pass).
 */
function orderFindings(
  all: OrderFacts[],
  W: number,
  installedMs: number | undefined,
  precedingOf: (p: PlacedBy) => { facts: LoginFacts; severity: Severity | undefined } | undefined,
  loginProfile: LoginProfile,
  profile: OrderProfile,
  cut: number,
): { findings: Finding[]; checkpoint: NonNullable<DetectState['orders']> } {
  const out: Finding[] = [];
  let checkpoint: DetectState['orders'];
  const fold = (o: OrderFacts) => {
    checkpoint ??= o.ms >= cut ? { from: new Date(cut).toISOString(), profile: storeOrderProfile(profile) } : undefined;
    foldOrder(profile, o);
  };
  const flaggedSession = (o: OrderFacts) => o.placedBy?.verdict === 'not-mine' || o.placedBy?.verdict === 'suspect';
  // judged: from the checkpoint on; before installation, in a flagged session or in the weeks before it
  const judged = (o: OrderFacts) => {
    if (o.ms < W - DAY_MS) return false;
    if (!o.preInstall) return true;
    return flaggedSession(o) || (installedMs !== undefined && o.ms >= installedMs - REVIEW_RECENT_DAYS * DAY_MS);
  };
  // where the user trades from: the orders of the two weeks before, whose sessions every pass has loaded;
  // a window sliding over the sorted orders (sessions come in time order), not a scan per session
  let [lo, hi, onSite, offSite] = [0, 0, 0, 0];
  const count = (o: OrderFacts, d: number) => {
    if (o.preInstall) return;
    if (o.onSite === true) onSite += d;
    else if (o.onSite === false) offSite += d;
  };
  const habitOf = (before: number) => {
    for (; hi < all.length && all[hi]!.ms < before; hi++) count(all[hi]!, 1);
    for (; lo < hi && all[lo]!.ms < before - HABIT_MS; lo++) count(all[lo]!, -1);
    return { onSite, offSite };
  };
  for (const session of sessionsOf(all)) {
    const mine = session.filter(judged);
    if (!mine.length) {
      for (const o of session) fold(o);
      continue;
    }
    const review = mine.every((o) => o.preInstall);
    const anyFlagged = mine.some(flaggedSession);
    Object.assign(profile, habitOf(session[0]!.ms));
    const start = cloneOrderProfile(profile);
    const first = session[0]!;
    const precedingLogin = precedingOf(first.placedBy!) ?? mine.map((o) => precedingOf(o.placedBy!)).find(Boolean);
    const keep = (f: Finding) => out.push(review ? capReview(f, anyFlagged) : f);
    for (const rule of ORDER_RULES) {
      if (rule.scope !== 'session') continue;
      const found = rule.evaluate({
        order: first,
        session,
        profile: start,
        precedingLogin,
        loginProfile,
        review,
        accountJpy: accountValue(start),
      });
      if (found) keep(found);
    }
    for (const o of session) {
      if (judged(o)) {
        const ctx = {
          order: o,
          session,
          profile: cloneOrderProfile(profile),
          precedingLogin: precedingOf(o.placedBy!) ?? precedingLogin,
          loginProfile,
          review: o.preInstall,
          accountJpy: accountValue(profile),
        };
        for (const rule of ORDER_RULES) {
          if (rule.scope !== 'order') continue;
          const found = rule.evaluate(ctx);
          if (found) out.push(o.preInstall ? capReview(found, flaggedSession(o)) : found);
        }
      }
      fold(o);
    }
  }
  // no order at or after the cut: all of them are folded
  checkpoint ??= { from: new Date(cut).toISOString(), profile: storeOrderProfile(profile) };
  return { findings: out, checkpoint };
}

function previousLoginPrompt(obs: LoginObservation): Finding {
  return {
    rule: 'previous-login',
    severity: 'low',
    kind: 'login',
    broker: obs.broker,
    anchor: { id: obs.id, at: obs.at },
    events: [{ id: obs.id, at: obs.at }],
    title: m('detTitlePreviousLogin', { time: time(obs.at) }),
    explanation: {
      seen: m('detSeenPreviousLogin', { time: time(obs.at), text: obs.text }),
      compared: m('detComparedPreviousLogin'),
      harmless: [m('detHarmlessAppOrService')],
      todo: [m('detTodoCheckHistory', { broker: m('@broker', { id: obs.broker }) }), m('detTodoAnswer')],
    },
  };
}
