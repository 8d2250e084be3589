// The first review of the history already on the page when the extension was
// installed. Many victims install after the attack: the history is judged as
// a review, not taken on trust. An environment seen only in a short recent
// window, at night, never from this browser, abroad or on a rented server,
// waking a dormant account, and above all followed by the takeover's orders
// (most holdings sold, China / Hong Kong or small-cap buys) or account changes
// (withdrawal account, e-mail, notifications), is raised at once, at least
// medium, with its logins and the orders and changes made in its sessions.
// On a page without addresses an environment is only a channel ("PC"): there
// the review looks at the suspicious stretch of it (its episode), not at the
// user's years of PC logins.

import { comparedLogins, country, deviceLabel, m, networkLabel, time, todo } from '../phrases';
import { buildProfile, newEnvironment, foldLogin } from '../profile';
import { channelKey } from '../device';
import type { AccountEvent } from '../../records';
import type { Msg, Severity } from '../../records/alert';
import type { Environment } from '../../records/environment';
import type { SessionModel } from '../sessions';
import type { Finding, LoginFacts, OrderFacts } from '../types';
import { nightHour } from './new-channel';

const DAY_MS = 24 * 3600_000;
/** How far before installation a victim's attack usually lies. */
export const REVIEW_RECENT_DAYS = 45;
/** An environment seen over at most this many days is a short window. */
export const SHORT_WINDOW_DAYS = 14;
/** An account idle this long before an environment appears was dormant. */
export const REVIEW_DORMANT_DAYS = 180;

export interface HistoryReviewInput {
  installedMs: number;
  homeCountry: string;
  /** Every login of the broker, sorted (those after installation show this browser's own environment). */
  logins: LoginFacts[];
  model: SessionModel;
  /** Orders before installation, sorted, placed (engine: placement and positions). */
  orders: OrderFacts[];
  changes: AccountEvent[];
  /** The user's answer about an environment, if any (an answered environment is not re-raised). */
  answered(envId: string): 'mine' | 'not-mine' | undefined;
}

export interface Suspect {
  /** The alert it makes: `env:<id>` for a whole environment, `episode:<id>@<time>` for a stretch of one. */
  key: string;
  envId: string;
  /** The whole environment is suspect (its status is not baseline). */
  wholeEnvironment: boolean;
  severity: Severity;
  logins: LoginFacts[];
  orders: OrderFacts[];
  changes: AccountEvent[];
}

const ATTACK_CHANGES = new Set([
  'withdrawal-bank-account',
  'email',
  'notification-settings',
  'phone',
  'security-settings',
  'password',
]);

const identifiable = (f: LoginFacts) => f.networkKey !== 'none' && !f.networkKey.startsWith('none@');

/** The sessions live when an account change was made (the day's, for a date alone). */
function sessionsOfChange(e: AccountEvent, model: SessionModel) {
  const ms = Date.parse(e.at);
  if (e.dateOnly) return model.overlapping(ms, ms + DAY_MS);
  const live = model.liveAt(ms);
  return live.length ? live : model.overlapping(ms - 6 * 3600_000, ms);
}

/** Orders and changes made in these logins' sessions (the session that was live when they were placed). */
function madeIn(
  sessionIds: Set<string>,
  orders: OrderFacts[],
  changes: AccountEvent[],
  model: SessionModel,
): { orders: OrderFacts[]; changes: AccountEvent[] } {
  const inIt = (ids: string[]) => ids.length > 0 && ids.every((id) => sessionIds.has(id));
  const o = orders.filter((x) => {
    const by = x.placedBy?.sessions ?? [];
    return inIt(by) || by.some((id) => sessionIds.has(id));
  });
  const c = changes.filter((e) => sessionsOfChange(e, model).some((s) => sessionIds.has(s.id)));
  return { orders: o, changes: c };
}

/** The takeover's pattern among orders: most holdings sold, China / HK bought, a large buy of something new. */
function attackPattern(orders: OrderFacts[], before: OrderFacts[]): OrderFacts[] {
  const traded = new Set(before.map((o) => o.symbolKey));
  const regions = new Set(before.filter((o) => o.event.side === 'buy').map((o) => o.region));
  const sells = orders.filter((o) => o.event.side === 'sell' && o.event.status !== 'cancelled');
  const sellSymbols = new Set(sells.map((o) => o.symbolKey));
  const heldSymbols = new Set<string>();
  const held = new Map<string, number>();
  for (const o of before) {
    if (o.event.status !== 'executed' || o.event.quantity === undefined) continue;
    held.set(o.symbolKey, (held.get(o.symbolKey) ?? 0) + (o.event.side === 'buy' ? 1 : -1) * o.event.quantity);
  }
  for (const [k, q] of held) if (q > 0) heldSymbols.add(k);
  const soldMost = sellSymbols.size >= 3 || (heldSymbols.size > 0 && sellSymbols.size / heldSymbols.size >= 0.6);
  return orders.filter((o) => {
    if (o.event.status === 'cancelled') return false;
    if (o.event.side === 'sell') return soldMost;
    if ((o.region === 'HK' || o.region === 'CN') && !regions.has(o.region)) return true;
    return !traded.has(o.symbolKey) && (o.amountJpy ?? 0) >= 500_000;
  });
}

export function reviewHistory(input: HistoryReviewInput): { suspects: Suspect[]; findings: Finding[] } {
  const { installedMs, model } = input;
  const pre = input.logins.filter((f) => f.preInstall && f.event.result === 'success');
  if (!pre.length) return { suspects: [], findings: [] };
  const installSession = model.sessions.find((s) => s.thisBrowser === 'yes' && s.start >= installedMs - DAY_MS);
  const installEnv = installSession?.envId;
  const byEnv = new Map<string, LoginFacts[]>();
  for (const f of pre) if (f.device.channel !== 'aggregator') byEnv.set(f.envId, [...(byEnv.get(f.envId) ?? []), f]);
  const historyStart = pre[0]!.ms;
  const recentFrom = installedMs - REVIEW_RECENT_DAYS * DAY_MS;
  const suspects: Suspect[] = [];

  for (const [envId, logins] of byEnv) {
    // this browser's own environment is the user's, where the page can tell it apart (an address);
    // a channel alone ("PC") may be the attacker's as well: only its suspicious stretch is looked at
    const first0 = logins[0]!;
    if (input.answered(envId) || (envId === installEnv && identifiable(first0))) continue;
    const mineToo = envId === installEnv;
    const rest = pre.filter((f) => f.envId !== envId && f.device.channel !== 'aggregator');
    const restProfile = buildProfile(envsOf(rest));
    const first = logins[0]!;
    const last = logins[logins.length - 1]!;
    const short = last.ms - first.ms <= SHORT_WINDOW_DAYS * DAY_MS && first.ms >= recentFrom;
    const olderHistory = first.ms - historyStart >= 30 * DAY_MS;
    const whole = short && olderHistory && !mineToo;
    // a short-window environment is judged whole; a long-standing one only by its recent stretch
    const episode = whole ? logins : logins.filter((f) => f.ms >= recentFrom);
    if (!episode.length) continue;
    const sessionIds = new Set(episode.map((f) => model.byLogin.get(f.event.id)?.id).filter((x): x is string => !!x));
    const made = madeIn(sessionIds, input.orders, input.changes, model);
    const before = input.orders.filter((o) => o.ms < episode[0]!.ms);
    const attackOrders = attackPattern(made.orders, before);
    const attackChanges = made.changes.filter((c) => ATTACK_CHANGES.has(c.kind));
    const night = episode.filter((f) => nightHour(f.ms));
    // a VPN or a country the user has used for weeks elsewhere in the history is the user's habit
    const habit = rest.filter(
      (f) =>
        (!!first.provider && f.provider?.label === first.provider.label) ||
        (!!first.country && f.country === first.country),
    );
    const habitual =
      habit.length >= 5 ||
      (habit.length > 0 && habit[habit.length - 1]!.ms - habit[0]!.ms >= SHORT_WINDOW_DAYS * DAY_MS);
    const abroad = !!first.country && first.country !== input.homeCountry && !habitual;
    const hosting = !!first.provider && first.provider.kind !== 'proxy' && !habitual;
    const restLogins = rest.length;
    const newChannel =
      restLogins >= 10 && first.device.channelShown && !restProfile.channels.has(channelKey(first.device));
    const newClass = restLogins >= 10 && !restProfile.devices.has(first.device.key);
    const lastRestBefore = [...rest].reverse().find((f) => f.ms < episode[0]!.ms);
    const dormant =
      !!lastRestBefore && episode[0]!.ms - lastRestBefore.ms >= REVIEW_DORMANT_DAYS * DAY_MS && rest.length > 0;
    const loginSignal = whole || night.length > 0 || abroad || hosting || newChannel || newClass || dormant;
    const attack = attackOrders.length > 0 || attackChanges.length > 0;
    let severity: Severity | undefined;
    if (attack && loginSignal && (whole || night.length > 0 || abroad || hosting || dormant)) severity = 'high';
    // a new phone or browser alone is not enough: the page shows a few weeks, so much looks recent
    else if (whole && (abroad || hosting || dormant || night.length > 0)) severity = 'medium';
    else if (!whole && episode.length === logins.length && (abroad || hosting)) severity = 'medium';
    if (!severity) continue;
    // the stretch: the whole environment, or its logins at night and those whose sessions made the orders or changes
    const attackSessions = new Set(
      [...attackOrders.flatMap((o) => o.placedBy?.sessions ?? [])].concat(
        attackChanges.flatMap((c) => sessionsOfChange(c, model).map((x) => x.id)),
      ),
    );
    const episodeLogins =
      whole || abroad || hosting
        ? episode
        : episode.filter((f) => nightHour(f.ms) || attackSessions.has(model.byLogin.get(f.event.id)?.id ?? ''));
    if (!episodeLogins.length) continue;
    const wholeEnvironment = whole || (identifiable(first) && episode.length === logins.length);
    suspects.push({
      key: wholeEnvironment ? `env:${envId}` : `episode:${envId}@${episodeLogins[0]!.event.at}`,
      envId,
      wholeEnvironment,
      severity,
      logins: episodeLogins,
      orders: attackOrders.length ? made.orders : [],
      changes: made.changes,
    });
  }
  return { suspects, findings: suspects.map((s) => findingOf(s, input, pre)) };
}

function envsOf(logins: LoginFacts[]): Environment[] {
  const map = new Map<string, Environment>();
  for (const f of logins)
    map.set(f.envId, foldLogin(map.get(f.envId) ?? newEnvironment(f, 'baseline', f.event.at), f, f.event.at));
  return [...map.values()];
}

function findingOf(s: Suspect, input: HistoryReviewInput, pre: LoginFacts[]): Finding {
  const first = s.logins[0]!;
  const last = s.logins[s.logins.length - 1]!;
  const signals: Msg[] = [];
  if (s.logins.some((f) => nightHour(f.ms))) signals.push(m('detReviewNight'));
  if (first.country && first.country !== input.homeCountry)
    signals.push(m('detReviewAbroad', { country: country(first.country) }));
  if (first.provider && first.provider.kind !== 'proxy')
    signals.push(m('detReviewHosting', { provider: first.provider.label }));
  if (s.orders.length) signals.push(m('detReviewOrders', { count: s.orders.length }));
  if (s.changes.length) signals.push(m('detReviewChanges', { count: s.changes.length }));
  const events = [
    ...s.logins.map((f) => ({ id: f.event.id, at: f.event.at })),
    ...s.orders.map((o) => ({ id: o.event.id, at: o.event.at })),
    ...s.changes.map((c) => ({ id: c.id, at: c.at })),
  ];
  return {
    rule: 'history-review',
    severity: s.severity,
    kind: 'login',
    broker: first.event.broker,
    anchor: { id: first.event.id, at: first.event.at },
    events,
    title: m('detTitleHistoryReview', { device: deviceLabel(first.device) }),
    explanation: {
      seen: m('detSeenHistoryReview', {
        count: s.logins.length,
        from: time(first.event.at),
        to: time(last.event.at),
        device: deviceLabel(first.device),
        network: networkLabel(first),
        signals,
      }),
      compared: comparedLogins(buildProfile(envsOf(pre.filter((f) => f.envId !== s.envId)))),
      harmless: [m('detHarmlessOtherDevice'), m('detHarmlessNewPhone')],
      todo: todo(s.severity, first.event.broker, [m('detTodoAnswerEnvironment')]),
    },
    alertKey: s.key,
  };
}
