// Shared by the account-change rules: how serious a change is by who could
// have made it, and the finding it makes. (Not a rule: no id of its own.)

import { m, time, todo } from '../phrases';
import type { Severity } from '../../records/alert';
import type { AccountRuleContext, Finding, RuleId } from '../types';

/**
 * High close to a login not confirmed as the user's; low from this browser or
 * from the user's own known device; medium when nothing tells who made it.
 */
export function accountSeverity(ctx: AccountRuleContext): Severity | undefined {
  const { onSite, placedBy, review } = ctx;
  const v = placedBy?.verdict;
  if (v === 'not-mine' || v === 'suspect' || v === 'unknown') return 'high';
  if (onSite === true) return review ? undefined : 'low';
  if (v === 'mine') return review ? undefined : 'low';
  return 'medium';
}

export function accountFinding(rule: RuleId, severity: Severity, ctx: AccountRuleContext): Finding {
  const e = ctx.event;
  return {
    rule,
    severity,
    kind: 'account',
    broker: e.broker,
    anchor: { id: e.id, at: e.at },
    events: [{ id: e.id, at: e.at }],
    title: m('detTitleAccountChange', { item: e.item }),
    explanation: {
      seen: m(ctx.onSite === false ? 'detSeenAccountChangeOffSite' : 'detSeenAccountChange', {
        time: time(e.at),
        item: e.item,
      }),
      compared: ctx.placedBy?.login
        ? m('detComparedChangeLogin', {
            time: time(ctx.placedBy.login.event.at),
            known: ctx.placedBy.verdict === 'mine' ? m('detYes') : m('detNo'),
            count: ctx.pastChanges,
          })
        : m('detComparedAccountChanges', { count: ctx.pastChanges }),
      harmless: [m('detHarmlessOwnChange')],
      todo: todo(severity, e.broker, severity === 'high' ? [m('detTodoCheckWithdrawal')] : []),
    },
  };
}
