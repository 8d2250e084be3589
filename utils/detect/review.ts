// The one-time review of environments found at installation: the history
// already there is judged as a review (rules/history-review.ts), not trusted,
// and the user is shown it once — what the review raised first (unanswered),
// then anything abroad or on a hosting/VPN network — and can mark what is not
// theirs. Data only; the UI renders it.

import type { Msg } from '../records/alert';
import type { Environment } from '../records/environment';
import { country, deviceLabel, m, time } from './phrases';

export type ReviewFlag = 'abroad' | 'hosting' | 'this-browser' | 'rejected' | 'unanswered';

export interface EnvironmentReviewItem {
  env: Environment;
  device: Msg;
  network: Msg;
  period: Msg;
  flags: ReviewFlag[];
  /** Abroad, hosting, or already flagged: shown first and marked. */
  worthALook: boolean;
}

export interface EnvironmentReview {
  items: EnvironmentReviewItem[];
  summary: Msg;
}

function networkOf(e: Environment): Msg {
  if (e.device.channel === 'aggregator') return m('detReviewAggregatorNetwork');
  if (e.network.provider)
    return m('detNetworkProvider', {
      provider: e.network.provider,
      country: e.network.country ? country(e.network.country) : m('detCountryUnknown'),
    });
  if (e.network.wide)
    return m('detNetworkCountry', {
      country: e.network.country ? country(e.network.country) : m('detCountryUnknown'),
      net: e.network.wide,
    });
  return m('detNetworkNone');
}

export function reviewEnvironments(envs: Environment[], homeCountry = 'JP'): EnvironmentReview {
  const items = envs.map((env): EnvironmentReviewItem => {
    const flags: ReviewFlag[] = [];
    if (env.network.country && env.network.country !== homeCountry && env.device.channel !== 'aggregator')
      flags.push('abroad');
    if (env.network.provider && env.network.providerKind !== 'proxy') flags.push('hosting');
    if (env.thisBrowser > 0) flags.push('this-browser');
    if (env.status === 'rejected') flags.push('rejected');
    if (env.status === 'alerted') flags.push('unanswered');
    const worthALook = flags.some((f) => f === 'abroad' || f === 'hosting' || f === 'rejected' || f === 'unanswered');
    return {
      env,
      device: deviceLabel(env.device),
      network: networkOf(env),
      period: m('detReviewPeriod', { first: time(env.firstAt), last: time(env.lastAt), count: env.count }),
      flags,
      worthALook,
    };
  });
  items.sort((a, b) => Number(b.worthALook) - Number(a.worthALook) || b.env.count - a.env.count);
  const logins = envs.reduce((n, e) => n + e.count, 0);
  const flagged = items.filter((i) => i.worthALook).length;
  return { items, summary: m('detReviewSummary', { environments: envs.length, logins, flagged }) };
}
