// A long-idle account that suddenly logs in. Takeovers in 2025 hit accounts
// whose owners had not looked in months (brokers.md §4); the owner is the
// last to notice. The waking login, and logins in the days after it that this
// browser did not make, carry the reason.

import { comparedLogins, deviceLabel, m, networkLabel, time, todo } from '../phrases';
import type { Severity } from '../../records/alert';
import type { LoginRule } from '../types';

export const DORMANT_DAYS = 180;
export const AFTER_WAKING_DAYS = 14;

export const dormantWaking: LoginRule = {
  id: 'dormant-waking',
  evaluate({ facts: f, profile, wokeFrom, env, answered }) {
    if (f.event.result !== 'success' || f.preInstall || f.device.channel === 'aggregator' || !wokeFrom)
      return undefined;
    // "this was me" on the environment covers its logins after the break too
    if (answered === 'mine' || env?.status === 'confirmed') return undefined;
    const waking = wokeFrom.at === f.event.at;
    if (!waking && f.thisBrowser) return undefined;
    const severity: Severity = f.thisBrowser ? 'low' : 'medium';
    return {
      rule: 'dormant-waking',
      severity,
      kind: 'login',
      broker: f.event.broker,
      anchor: { id: f.event.id, at: f.event.at },
      events: [{ id: f.event.id, at: f.event.at }],
      title: m('detTitleDormant', { days: wokeFrom.idleDays }),
      explanation: {
        seen: m(waking ? 'detSeenDormant' : 'detSeenAfterDormant', {
          time: time(f.event.at),
          days: wokeFrom.idleDays,
          woke: time(wokeFrom.at),
          device: deviceLabel(f.device),
          network: networkLabel(f),
        }),
        compared: comparedLogins(profile),
        harmless: [m('detHarmlessBackAfterBreak')],
        todo: todo(severity, f.event.broker),
      },
    };
  },
};
