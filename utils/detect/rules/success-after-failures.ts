// A successful login right after a run of failures: the guess that worked.
// If this browser made it, the user mistyped and then got in.

import { deviceLabel, m, networkLabel, time, todo } from '../phrases';
import type { Severity } from '../../records/alert';
import type { LoginRule } from '../types';

export const FAILURE_LOOKBACK_MS = 60 * 60_000;
export const MIN_FAILURES = 3;

export const successAfterFailures: LoginRule = {
  id: 'success-after-failures',
  evaluate({ facts: f, nearby, env }) {
    if (f.event.result !== 'success' || f.preInstall || f.device.channel === 'aggregator') return undefined;
    const failures = nearby.filter(
      (x) => x.event.result === 'failure' && x.ms < f.ms && x.ms >= f.ms - FAILURE_LOOKBACK_MS,
    );
    if (failures.length < MIN_FAILURES) return undefined;
    let severity: Severity;
    if (f.thisBrowser) severity = 'low';
    else if (
      failures.some((x) => x.networkKey === f.networkKey && f.networkKey !== 'none') ||
      !env ||
      env.status === 'alerted' ||
      env.status === 'rejected'
    )
      severity = 'high';
    else severity = 'medium';
    return {
      rule: 'success-after-failures',
      severity,
      kind: 'login',
      broker: f.event.broker,
      anchor: { id: f.event.id, at: f.event.at },
      events: [...failures, f].map((x) => ({ id: x.event.id, at: x.event.at })),
      title: m('detTitleSuccessAfterFailures'),
      explanation: {
        seen: m('detSeenSuccessAfterFailures', {
          count: failures.length,
          time: time(f.event.at),
          device: deviceLabel(f.device),
          network: networkLabel(f),
        }),
        compared: m('detComparedSuccessAfterFailures', { minutes: Math.round(FAILURE_LOOKBACK_MS / 60_000) }),
        harmless: [m('detHarmlessTypo')],
        todo: todo(severity, f.event.broker, [m('detTodoPhishing')]),
      },
    };
  },
};
