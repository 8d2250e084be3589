// A second session while this browser is logged in. A Visit proves this
// browser was on the site, not that every login in those minutes was its own:
// the attacker who logs in while the user is on the site would otherwise be
// credited to the user. A login from another environment during this
// browser's session is a second session: serious when that environment is new
// to the user (not the user's phone on the same home network), and worth a
// look when the page shows too little to tell it from a re-login.

import { comparedLogins, deviceLabel, m, networkLabel, time, todo } from '../phrases';
import { KNOWN } from '../profile';
import type { Severity } from '../../records/alert';
import type { LoginRule } from '../types';

export const concurrentSession: LoginRule = {
  id: 'concurrent-session',
  evaluate({ facts: f, profile, env, concurrent, answered }) {
    if (f.event.result !== 'success' || f.preInstall || f.thisBrowser || f.device.channel === 'aggregator')
      return undefined;
    if (answered === 'mine') return undefined;
    let severity: Severity;
    if (f.maybeThisBrowser) severity = 'low';
    else {
      const others = concurrent ?? [];
      if (!others.length) return undefined;
      if (env && KNOWN.has(env.status)) return undefined; // the user's other device at the same time
      const sameHome = others.some((o) => o.wide !== undefined && o.wide === f.wide);
      severity = sameHome ? 'low' : f.networkKey === 'none' || f.networkKey.startsWith('none@') ? 'medium' : 'high';
    }
    const since = concurrent?.[0]?.start;
    return {
      rule: 'concurrent-session',
      severity,
      kind: 'login',
      broker: f.event.broker,
      anchor: { id: f.event.id, at: f.event.at },
      events: [{ id: f.event.id, at: f.event.at }],
      title: m(f.maybeThisBrowser ? 'detTitleConcurrentUnclear' : 'detTitleConcurrent', {
        device: deviceLabel(f.device),
      }),
      explanation: {
        seen: m(f.maybeThisBrowser ? 'detSeenConcurrentUnclear' : 'detSeenConcurrent', {
          time: time(f.event.at),
          since: since !== undefined ? time(new Date(since).toISOString()) : m('detCountryUnknown'),
          device: deviceLabel(f.device),
          network: networkLabel(f),
        }),
        compared: comparedLogins(profile),
        harmless: [m(f.maybeThisBrowser ? 'detHarmlessRelogin' : 'detHarmlessOtherDevice')],
        todo: todo(severity, f.event.broker),
      },
    };
  },
};
