// One detection pass, pure: new events + the stored history they are judged
// against → findings and the environments they update. Logins are judged in
// time order, each against the profile as it was just before it, so an
// attacker's first login is judged against the user's history only.

import type { AccountEvent, LoginEvent, OrderEvent } from '../records';
import type { BrokerId } from '../brokers/types';
import { maxSeverity, type Severity } from '../records/alert';
import type { Environment } from '../records/environment';
import { attributeLogins, Presence, toMs } from './attribution';
import { loginFacts, orderFacts } from './facts';
import { cloneOrderProfile, emptyOrderProfile, foldOrder, sessionsOf } from './order-profile';
import { buildProfile, foldLogin, newEnvironment } from './profile';
import { ACCOUNT_RULES, LOGIN_RULES, ORDER_RULES } from './rules';
import { AFTER_WAKING_DAYS, DORMANT_DAYS } from './rules/dormant-waking';
import { atLeast } from './severity';
import type { Finding, LoginFacts, LoginProfile, PrecedingLogin } from './types';

export const DAY_MS = 24 * 3600_000;
/** How far back logins are loaded around new events (dormancy follow-up, bursts, preceding logins). */
export const NEARBY_BEFORE_MS = (AFTER_WAKING_DAYS + 1) * DAY_MS;
export const NEARBY_AFTER_MS = DAY_MS;
/** A trade or change is "after" a login made at most this long before. */
export const PRECEDING_LOGIN_MS = 6 * 3600_000;

export interface DetectionInput {
  now: string;
  /** First Visit or capture: before it nothing is judged (it is the baseline). */
  installedAt: string | undefined;
  newLogins: LoginEvent[];
  newOrders: OrderEvent[];
  newAccountEvents: AccountEvent[];
  /** Logins of the brokers concerned around the new events (history and new). */
  nearbyLogins: LoginEvent[];
  /** All orders of the brokers concerned (history and new). */
  orders: OrderEvent[];
  /** Account events of the brokers concerned (history and new). */
  accountEvents: AccountEvent[];
  /** Visit times per broker around the new events. */
  visits: Partial<Record<BrokerId, string[]>>;
  environments: Environment[];
  /** Newest successful (non-aggregator) login before the nearby window, per broker. */
  lastSuccessBefore: Partial<Record<BrokerId, string>>;
  /** Highest severity of stored alerts per event id. */
  priorSeverity: Map<string, Severity>;
}

export interface DetectionResult {
  findings: Finding[];
  environments: Environment[];
}

export function detect(input: DetectionInput): DetectionResult {
  const installedMs = input.installedAt ? toMs(input.installedAt) : undefined;
  const envs = new Map(input.environments.map((e) => [e.id, e]));
  const changed = new Set<string>();
  const findings: Finding[] = [];
  const severity = new Map(input.priorSeverity);
  const brokers = new Set<BrokerId>(
    [...input.newLogins, ...input.newOrders, ...input.newAccountEvents].map((e) => e.broker),
  );

  for (const broker of brokers) {
    const presence = new Presence(input.visits[broker] ?? []);
    const newIds = new Set(input.newLogins.filter((e) => e.broker === broker).map((e) => e.id));
    const byId = new Map<string, LoginEvent>();
    for (const e of [...input.nearbyLogins, ...input.newLogins]) if (e.broker === broker) byId.set(e.id, e);
    const nearby: LoginFacts[] = [...byId.values()].map((e) => loginFacts(e, installedMs)).sort(byTimeFailuresFirst);
    const mine = attributeLogins(nearby, presence);
    for (const f of nearby) f.thisBrowser = mine.has(f.event.id);
    const wake = wakings(nearby, input.lastSuccessBefore[broker]);

    let profile: LoginProfile | undefined;
    const brokerEnvs = () => [...envs.values()].filter((e) => e.broker === broker);
    for (const f of nearby) {
      if (!newIds.has(f.event.id)) continue;
      let sev: Severity | undefined;
      if (!f.preInstall) {
        profile ??= buildProfile(brokerEnvs());
        const ctx = {
          facts: f,
          profile,
          env: envs.get(f.envId),
          nearby,
          previousSuccessAt: wake.previous.get(f.event.id),
          wokeFrom: wake.wokeFrom.get(f.event.id),
          severityOf: (id: string) => severity.get(id),
        };
        for (const rule of LOGIN_RULES) {
          const found = rule.evaluate(ctx);
          if (!found) continue;
          findings.push(found);
          sev = maxSeverity(sev ?? 'info', found.severity);
          for (const ev of found.events)
            severity.set(ev.id, maxSeverity(severity.get(ev.id) ?? 'info', found.severity));
        }
      }
      if (f.event.result !== 'success') continue;
      const alerted = atLeast(sev, 'medium');
      const env =
        envs.get(f.envId) ?? newEnvironment(f, f.preInstall ? 'baseline' : alerted ? 'alerted' : 'learned', input.now);
      envs.set(f.envId, foldLogin(env, f, input.now, alerted));
      changed.add(f.envId);
      profile = undefined;
    }

    const loginProfile = buildProfile(brokerEnvs());
    const sessionStarts = nearby
      .filter((f) => f.thisBrowser)
      .map((f) => f.ms)
      .sort((a, b) => a - b);
    const onSite = (ms: number) => presence.onSite(ms, sessionStarts);
    const preceding = (ms: number): PrecedingLogin | undefined => {
      let best: LoginFacts | undefined;
      for (const f of nearby) {
        if (f.event.result !== 'success' || f.device.channel === 'aggregator') continue;
        if (f.ms <= ms && f.ms >= ms - PRECEDING_LOGIN_MS) best = f;
      }
      return best ? { facts: best, severity: severity.get(best.event.id) } : undefined;
    };

    findings.push(...orderFindings(input, broker, installedMs, onSite, preceding, loginProfile));

    const changes = input.accountEvents.filter((e) => e.broker === broker).sort((a, b) => a.at.localeCompare(b.at));
    for (const e of input.newAccountEvents.filter((x) => x.broker === broker)) {
      const ms = toMs(e.at);
      if (installedMs === undefined || ms < installedMs) continue;
      for (const rule of ACCOUNT_RULES) {
        const found = rule.evaluate({
          event: e,
          onSite: e.dateOnly ? undefined : onSite(ms),
          precedingLogin: preceding(ms),
          pastChanges: changes.filter((c) => c.at < e.at).length,
        });
        if (found) findings.push(found);
      }
    }
  }
  return { findings, environments: [...changed].map((id) => envs.get(id)!) };
}

function byTimeFailuresFirst(a: LoginFacts, b: LoginFacts): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  if (a.event.result !== b.event.result) return a.event.result === 'failure' ? -1 : 1;
  return a.event.id.localeCompare(b.event.id);
}

/** For each success: the previous success, and the dormant waking it follows (if within AFTER_WAKING_DAYS). */
function wakings(nearby: LoginFacts[], before: string | undefined) {
  const previous = new Map<string, string>();
  const wokeFrom = new Map<string, { at: string; idleDays: number }>();
  let last = before;
  let woke: { at: string; idleDays: number; ms: number } | undefined;
  for (const f of nearby) {
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

function orderFindings(
  input: DetectionInput,
  broker: BrokerId,
  installedMs: number | undefined,
  onSite: (ms: number) => boolean,
  preceding: (ms: number) => PrecedingLogin | undefined,
  loginProfile: LoginProfile,
): Finding[] {
  const newIds = new Set(input.newOrders.filter((e) => e.broker === broker).map((e) => e.id));
  if (!newIds.size) return [];
  const byId = new Map<string, OrderEvent>();
  for (const e of [...input.orders, ...input.newOrders]) if (e.broker === broker) byId.set(e.id, e);
  const all = [...byId.values()]
    .map((e) => orderFacts(e, onSite, installedMs))
    .sort((a, b) => a.ms - b.ms || a.event.id.localeCompare(b.event.id));
  const out: Finding[] = [];
  const profile = emptyOrderProfile();
  for (const session of sessionsOf(all)) {
    const judged = session.filter((o) => newIds.has(o.event.id) && !o.preInstall);
    if (!judged.length) {
      for (const o of session) foldOrder(profile, o);
      continue;
    }
    const start = cloneOrderProfile(profile);
    const precedingLogin = preceding(session[0]!.ms);
    for (const rule of ORDER_RULES) {
      if (rule.scope !== 'session') continue;
      const found = rule.evaluate({ order: session[0]!, session, profile: start, precedingLogin, loginProfile });
      if (found) out.push(found);
    }
    for (const o of session) {
      if (newIds.has(o.event.id) && !o.preInstall) {
        const ctx = {
          order: o,
          session,
          profile: cloneOrderProfile(profile),
          precedingLogin: preceding(o.ms) ?? precedingLogin,
          loginProfile,
        };
        for (const rule of ORDER_RULES) {
          if (rule.scope !== 'order') continue;
          const found = rule.evaluate(ctx);
          if (found) out.push(found);
        }
      }
      foldOrder(profile, o);
    }
  }
  return out;
}
