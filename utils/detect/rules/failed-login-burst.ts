// Failed logins in a burst: password guessing or a phishing kit testing
// stolen passwords. A few mistypes from the user's own environment are not.

import { m, time, todo } from '../phrases';
import type { LoginFacts, LoginRule } from '../types';

/** Failures less than this apart belong to one burst. */
export const BURST_GAP_MS = 30 * 60_000;
export const BURST_MIN = 5;

/** The burst (chain of failures) that contains `f`. */
export function burstOf(f: LoginFacts, nearby: LoginFacts[]): LoginFacts[] {
  const failures = nearby.filter((x) => x.event.result === 'failure').sort((a, b) => a.ms - b.ms);
  const i = failures.findIndex((x) => x.event.id === f.event.id);
  if (i < 0) return [f];
  let lo = i;
  let hi = i;
  while (lo > 0 && failures[lo]!.ms - failures[lo - 1]!.ms <= BURST_GAP_MS) lo--;
  while (hi < failures.length - 1 && failures[hi + 1]!.ms - failures[hi]!.ms <= BURST_GAP_MS) hi++;
  return failures.slice(lo, hi + 1);
}

export const failedLoginBurst: LoginRule = {
  id: 'failed-login-burst',
  evaluate({ facts: f, nearby, profile }) {
    if (f.event.result !== 'failure' || f.preInstall) return undefined;
    const burst = burstOf(f, nearby).filter((x) => !x.preInstall);
    const unknownNets = new Set(
      burst.filter((x) => x.networkKey !== 'none' && !(x.wide && profile.wides.has(x.wide))).map((x) => x.networkKey),
    );
    const fromUnknown = burst.some((x) => x.networkKey === 'none')
      ? burst.length
      : burst.filter((x) => !(x.wide && profile.wides.has(x.wide))).length;
    if (!(burst.length >= BURST_MIN || (burst.length >= 3 && unknownNets.size >= 2))) return undefined;
    if (fromUnknown === 0) return undefined; // all from the user's own networks: mistypes
    const first = burst[0]!;
    const last = burst[burst.length - 1]!;
    const networks = new Set(burst.map((x) => x.networkKey)).size;
    return {
      rule: 'failed-login-burst',
      severity: 'medium',
      kind: 'login',
      broker: f.event.broker,
      anchor: { id: first.event.id, at: first.event.at },
      events: burst.map((x) => ({ id: x.event.id, at: x.event.at })),
      title: m('detTitleFailureBurst', { count: burst.length }),
      explanation: {
        seen: m('detSeenFailures', {
          from: time(first.event.at),
          to: time(last.event.at),
          count: burst.length,
          networks,
        }),
        compared: m('detComparedFailures', { networks: unknownNets.size }),
        harmless: [m('detHarmlessTypo')],
        todo: todo('medium', f.event.broker, [m('detTodoPhishing')]),
      },
    };
  },
};
