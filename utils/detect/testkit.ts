// Builders for the detector's unit tests (records → facts → contexts).
// Not imported by extension code.

import type { AccountEvent, LoginEvent, OrderEvent } from '../records';
import type { Environment, EnvironmentStatus } from '../records/environment';
import { loginFacts, orderFacts } from './facts';
import { cloneOrderProfile, emptyOrderProfile, foldOrder } from './order-profile';
import { buildProfile, foldLogin, newEnvironment } from './profile';
import type {
  LoginFacts,
  LoginProfile,
  LoginRuleContext,
  OrderFacts,
  OrderProfile,
  OrderRuleContext,
  PrecedingLogin,
} from './types';

let n = 0;
export const INSTALLED = '2025-03-01T00:00:00+09:00';
const installedMs = Date.parse(INSTALLED);

export function login(at: string, fields: Partial<LoginEvent> = {}): LoginEvent {
  return {
    v: 1,
    id: `login_${++n}`,
    broker: 'sbi',
    at,
    result: 'success',
    raw: {},
    snapshotIds: ['s'],
    firstSeenAt: at,
    lastSeenAt: at,
    ...fields,
  };
}

export function facts(e: LoginEvent, thisBrowser = false): LoginFacts {
  const f = loginFacts(e, installedMs);
  f.thisBrowser = thisBrowser;
  return f;
}

/** Environments from a history of logins (before installation: baseline), optionally some marked this browser. */
export function envsOf(history: Array<LoginFacts>, status: EnvironmentStatus = 'baseline'): Environment[] {
  const map = new Map<string, Environment>();
  for (const f of history) {
    if (f.event.result !== 'success') continue;
    const e = map.get(f.envId) ?? newEnvironment(f, status, INSTALLED);
    map.set(f.envId, foldLogin(e, f, INSTALLED));
  }
  return [...map.values()];
}

export function loginCtx(
  f: LoginFacts,
  history: LoginFacts[] = [],
  extra: Partial<LoginRuleContext> = {},
): LoginRuleContext {
  const envs = envsOf(history);
  const profile: LoginProfile = buildProfile(envs);
  return {
    facts: f,
    profile,
    env: envs.find((e) => e.id === f.envId),
    nearby: [...history, f].sort((a, b) => a.ms - b.ms),
    previousSuccessAt: undefined,
    wokeFrom: undefined,
    severityOf: () => undefined,
    ...extra,
  };
}

export function order(at: string, fields: Partial<OrderEvent> = {}): OrderEvent {
  return {
    v: 1,
    id: `order_${++n}`,
    broker: 'sbi',
    at,
    side: 'buy',
    status: 'executed',
    market: '東証',
    currency: '円',
    raw: {},
    snapshotIds: ['s'],
    firstSeenAt: at,
    lastSeenAt: at,
    ...fields,
  };
}

/** `onSite` undefined: the time is unknown (a date-only row). */
export function ofacts(e: OrderEvent, ...onSite: [boolean | undefined] | []): OrderFacts {
  const where = onSite.length ? onSite[0] : false;
  return orderFacts(where === undefined ? { ...e, dateOnly: true } : e, () => where === true, installedMs);
}

export function orderProfileOf(history: OrderFacts[]): OrderProfile {
  const p = emptyOrderProfile();
  for (const o of [...history].sort((a, b) => a.ms - b.ms)) foldOrder(p, o);
  return cloneOrderProfile(p);
}

export function orderCtx(
  o: OrderFacts,
  history: OrderFacts[] = [],
  extra: Partial<OrderRuleContext> = {},
): OrderRuleContext {
  return {
    order: o,
    session: [o],
    profile: orderProfileOf(history),
    precedingLogin: undefined,
    loginProfile: buildProfile([]),
    ...extra,
  };
}

export function preceding(f: LoginFacts, severity?: PrecedingLogin['severity']): PrecedingLogin {
  return { facts: f, severity };
}

export function accountEvent(at: string, kind: AccountEvent['kind'], item = kind): AccountEvent {
  return {
    v: 1,
    id: `acct_${++n}`,
    broker: 'rakuten',
    at,
    kind,
    item,
    raw: {},
    snapshotIds: ['s'],
    firstSeenAt: at,
    lastSeenAt: at,
  };
}

/** N daily logins before installation from one environment (the user's home PC). */
export function homeHistory(count: number, fields: Partial<LoginEvent>, thisBrowser = false, hour = 21): LoginFacts[] {
  const out: LoginFacts[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(Date.UTC(2025, 0, 1 + i, hour - 9, 10));
    const jst = new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 19) + '+09:00';
    out.push(facts(login(jst, fields), thisBrowser));
  }
  return out;
}
