// The shapes rules see. Rules are pure functions of these: no storage, no
// browser APIs; the engine builds the contexts from records.

import type { AccountEvent, LoginEvent, OrderEvent } from '../records';
import type { BrokerId } from '../brokers/types';
import type { Explanation, Msg, Severity } from '../records/alert';
import type { Environment } from '../records/environment';
import type { MarketRegion } from '../brokers/shared/markets';
import type { DeviceClass } from './device';
import type { Provider } from './geo';
import type { ParsedIp } from './ip';

export type RuleId =
  | 'new-country'
  | 'hosting-network'
  | 'new-device-class'
  | 'new-channel'
  | 'aggregator-first'
  | 'not-this-browser'
  | 'rejected-environment'
  | 'concurrent-session'
  | 'failed-login-burst'
  | 'slow-spray'
  | 'success-after-failures'
  | 'dormant-waking'
  | 'history-review'
  | 'previous-login'
  | 'first-foreign-market'
  | 'china-hk-buy'
  | 'outsized-new-symbol'
  | 'pump-buy'
  | 'liquidation'
  | 'sell-then-buy'
  | 'orders-off-site'
  | 'orders-in-flagged-session'
  | 'account-withdrawal'
  | 'account-contact'
  | 'account-documents'
  | 'account-change';

export interface EventRef {
  id: string;
  at: string;
}

/** What one rule found. The engine merges findings about the same anchor into one Alert. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  kind: 'login' | 'orders' | 'account';
  broker: BrokerId;
  anchor: EventRef;
  events: EventRef[];
  title: Msg;
  explanation: Explanation;
  /**
   * What the alert is about when it is more than its anchor event: `env:<id>`
   * for an environment not yet answered (all its logins join one alert).
   * Set by the engine.
   */
  alertKey?: string;
}

/** A login as detection sees it. */
export interface LoginFacts {
  event: LoginEvent;
  ms: number;
  device: DeviceClass;
  ip?: ParsedIp;
  country?: string;
  provider?: Provider;
  /** `v4:…/16`, `v6:…/32`, `provider:…` or `none` */
  networkKey: string;
  wide?: string;
  net?: string;
  envId: string;
  /** A Visit of this browser right after it: this browser made it (sessions.ts). */
  thisBrowser: boolean;
  /** The page shows too little to tell it from a re-login of this browser during its session (no address). */
  maybeThisBrowser?: boolean;
  /** Before the extension was installed: history, never judged. */
  preInstall: boolean;
}

export interface DeviceStats {
  count: number;
  thisBrowser: number;
  elsewhere: number;
  /** By JST hour: logins of this class's environments that this browser never made (the user's other device). */
  elsewhereHours: number[];
}

/** The user's own login history, summarised from the environments that count as known. */
export interface LoginProfile {
  total: number;
  countries: Map<string, number>;
  providers: Map<string, number>;
  wides: Set<string>;
  devices: Map<string, DeviceStats & { device: Environment['device'] }>;
  channels: Set<string>;
  networks: number;
  /** Environments the user said were not theirs. */
  rejected: Set<string>;
  /** Known logins by JST hour of day. */
  hours: number[];
}

export interface LoginRuleContext {
  facts: LoginFacts;
  profile: LoginProfile;
  /** The stored environment of this login before it, if any. */
  env: Environment | undefined;
  /** This browser's sessions this login overlaps (another device or person logged in meanwhile). */
  concurrent?: Array<{ envId?: string; wide?: string; start: number }>;
  /** The user's answer about this login's environment (the latest), if any. */
  answered?: 'mine' | 'not-mine';
  /** Logins around this one (history and new, CONTEXT_MS either side), sorted by time, with facts. */
  nearby: LoginFacts[];
  /** The newest successful login before this one. */
  previousSuccessAt: string | undefined;
  /** The account woke from a long idle period shortly before (or at) this login. */
  wokeFrom: { at: string; idleDays: number } | undefined;
  /** Highest severity already raised about an event (history or earlier in this pass). */
  severityOf(eventId: string): Severity | undefined;
}

export interface LoginRule {
  id: RuleId;
  evaluate(ctx: LoginRuleContext): Finding | undefined;
}

/** An order as detection sees it. */
export interface OrderFacts {
  event: OrderEvent;
  ms: number;
  region: MarketRegion;
  currency?: string;
  symbolKey: string;
  /** Quantity × price in yen (rough fixed rates for foreign currencies). */
  amountJpy?: number;
  /**
   * This browser placed it (its session could have, and only its session);
   * false: only other sessions could have, or none; undefined: the page's
   * times cannot tell (a date alone, or this browser and another session both).
   */
  onSite: boolean | undefined;
  preInstall: boolean;
  /** Sessions that could have placed it, with how the engine judges them (set by the engine). */
  placedBy?: PlacedBy;
}

/** How the sessions that could have placed an order are judged. */
export type SessionVerdict = 'mine' | 'not-mine' | 'suspect' | 'unknown';
export interface PlacedBy {
  /** The worst verdict among them. */
  verdict: SessionVerdict;
  /** The login of that session, if the history has it. */
  login?: LoginFacts;
  /** Ids of the sessions that could have placed it. */
  sessions: string[];
  /** Another session than this browser's could also have placed it. */
  ambiguous: boolean;
}

export interface Position {
  symbolKey: string;
  quantity: number;
  lastPrice?: number;
  currency?: string;
  region: MarketRegion;
  name?: string;
}

/** The user's own trading, from the orders before the ones judged. */
export interface OrderProfile {
  count: number;
  symbols: Set<string>;
  regions: Map<MarketRegion, number>;
  positions: Map<string, Position>;
  maxBuyJpy: number;
  maxBuyQuantity: number;
  offSite: number;
  onSite: number;
}

export interface PrecedingLogin {
  facts: LoginFacts;
  severity: Severity | undefined;
}

export interface OrderRuleContext {
  /** The order judged (for session rules: the session's first order). */
  order: OrderFacts;
  /** The trading session it belongs to (orders less than 3 hours apart), sorted. */
  session: OrderFacts[];
  /** Profile before this order (per-order rules) or before the session (session rules). */
  profile: OrderProfile;
  /** The newest successful login in the 6 hours before the session, if captured. */
  precedingLogin: PrecedingLogin | undefined;
  /** The login profile (which channels the user has: apps trade off this browser). */
  loginProfile: LoginProfile;
  /** A trade from before installation, judged in the first review of the history. */
  review?: boolean;
  /** Rough value of the account just before (holdings the orders imply, at their last prices, yen). */
  accountJpy?: number;
}

export interface OrderRule {
  id: RuleId;
  /** `order`: once per new order; `session`: once per trading session with new orders. */
  scope: 'order' | 'session';
  evaluate(ctx: OrderRuleContext): Finding | undefined;
}

export interface AccountRuleContext {
  event: AccountEvent;
  onSite: boolean | undefined;
  precedingLogin: PrecedingLogin | undefined;
  pastChanges: number;
  /** A change from before installation, judged in the first review of the history. */
  review?: boolean;
  /** The sessions that could have made the change, as the engine judges them. */
  placedBy?: PlacedBy;
}

export interface AccountRule {
  id: RuleId;
  evaluate(ctx: AccountRuleContext): Finding | undefined;
}
