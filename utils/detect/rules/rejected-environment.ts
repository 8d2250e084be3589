// A login from an environment the user said was not theirs: the attacker is
// back. Always high, whatever else the login looks like.

import { deviceLabel, m, networkLabel, time, todo } from '../phrases';
import type { LoginRule } from '../types';

export const rejectedEnvironment: LoginRule = {
  id: 'rejected-environment',
  evaluate({ facts: f, env, answered }) {
    if (f.event.result !== 'success' || f.preInstall || f.thisBrowser) return undefined;
    if (env?.status !== 'rejected' && answered !== 'not-mine') return undefined;
    return {
      rule: 'rejected-environment',
      severity: 'high',
      kind: 'login',
      broker: f.event.broker,
      anchor: { id: f.event.id, at: f.event.at },
      events: [{ id: f.event.id, at: f.event.at }],
      title: m('detTitleRejectedEnvironment', { device: deviceLabel(f.device) }),
      explanation: {
        seen: m('detSeenLogin', { time: time(f.event.at), device: deviceLabel(f.device), network: networkLabel(f) }),
        compared: m('detComparedRejected', { since: env?.reviewedAt ? time(env.reviewedAt) : m('detCountryUnknown') }),
        harmless: [m('detHarmlessNone')],
        todo: todo('high', f.event.broker, [m('detTodoPhishing')]),
      },
    };
  },
};
