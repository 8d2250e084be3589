// Failed logins spread over nights from many addresses: a password being
// tried slowly enough to stay under the broker's lock-out and under
// failed-login-burst (1–2 failures a night). Failures from the user's own
// networks are mistypes.

import { m, time, todo } from '../phrases';
import type { LoginFacts, LoginRule } from '../types';

const DAY_MS = 24 * 3600_000;
/** Failures at most this far apart belong to one spray. */
export const SPRAY_GAP_MS = 3 * DAY_MS;
export const SPRAY_MIN_NIGHTS = 3;
export const SPRAY_MIN_NETWORKS = 3;

const jstDay = (ms: number) => new Date(ms + 9 * 3600_000).toISOString().slice(0, 10);

/** The chain of foreign failures (gaps of at most SPRAY_GAP_MS) that ends at `f`. */
export function sprayOf(f: LoginFacts, nearby: LoginFacts[], ownWide: (x: LoginFacts) => boolean): LoginFacts[] {
  const failures = nearby
    .filter((x) => x.event.result === 'failure' && x.ms <= f.ms && !ownWide(x))
    .sort((a, b) => a.ms - b.ms);
  let i = failures.length - 1;
  while (i > 0 && failures[i]!.ms - failures[i - 1]!.ms <= SPRAY_GAP_MS) i--;
  return failures.slice(i);
}

export const slowSpray: LoginRule = {
  id: 'slow-spray',
  evaluate({ facts: f, nearby, profile }) {
    if (f.event.result !== 'failure' || f.preInstall) return undefined;
    const ownWide = (x: LoginFacts) => !!x.wide && profile.wides.has(x.wide);
    if (ownWide(f)) return undefined;
    const chain = sprayOf(f, nearby, ownWide).filter((x) => !x.preInstall);
    const nights = new Set(chain.map((x) => jstDay(x.ms))).size;
    const shown = chain.filter((x) => x.networkKey !== 'none' && !x.networkKey.startsWith('none@'));
    const networks = new Set(shown.map((x) => x.net ?? x.networkKey)).size;
    // with addresses: several networks; without (the page shows none), more nights
    const spray = shown.length
      ? nights >= SPRAY_MIN_NIGHTS && networks >= SPRAY_MIN_NETWORKS
      : nights >= SPRAY_MIN_NIGHTS + 1;
    if (!spray) return undefined;
    const first = chain[0]!;
    return {
      rule: 'slow-spray',
      severity: 'medium',
      kind: 'login',
      broker: f.event.broker,
      anchor: { id: first.event.id, at: first.event.at },
      events: chain.map((x) => ({ id: x.event.id, at: x.event.at })),
      title: m('detTitleSlowSpray', { count: chain.length, nights }),
      explanation: {
        seen: m('detSeenSlowSpray', {
          from: time(first.event.at),
          to: time(f.event.at),
          count: chain.length,
          nights,
          networks,
        }),
        compared: m('detComparedFailures', { networks }),
        harmless: [m('detHarmlessTypo')],
        todo: todo('medium', f.event.broker, [m('detTodoPhishing')]),
      },
    };
  },
};
