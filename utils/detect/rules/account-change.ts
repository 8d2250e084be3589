// Changes to the account itself: e-mail, notification settings, the
// withdrawal bank account, a foreign-stock account opened. Attackers silence
// the owner's notifications and redirect withdrawals; the owner making the
// change from this browser is the ordinary case.

import { m, time, todo } from '../phrases';
import { atLeast } from '../severity';
import type { Severity } from '../../records/alert';
import type { AccountRule } from '../types';

/** Kinds an attacker changes to act unseen or take money out. */
const SENSITIVE = new Set([
  'email',
  'notification-settings',
  'withdrawal-bank-account',
  'foreign-stock-account',
  'security-settings',
  'phone',
  'password',
]);

export const accountChange: AccountRule = {
  id: 'account-change',
  evaluate({ event: e, onSite, precedingLogin, pastChanges }) {
    const sensitive = SENSITIVE.has(e.kind);
    let severity: Severity;
    if (atLeast(precedingLogin?.severity, 'medium')) severity = 'high';
    else if (onSite === true) severity = sensitive ? 'low' : 'info';
    else if (onSite === undefined) severity = sensitive ? 'medium' : 'low';
    else severity = sensitive ? (e.kind === 'password' ? 'medium' : 'high') : 'low';
    return {
      rule: 'account-change',
      severity,
      kind: 'account',
      broker: e.broker,
      anchor: { id: e.id, at: e.at },
      events: [{ id: e.id, at: e.at }],
      title: m('detTitleAccountChange', { item: e.item }),
      explanation: {
        seen: m(onSite === false ? 'detSeenAccountChangeOffSite' : 'detSeenAccountChange', {
          time: time(e.at),
          item: e.item,
        }),
        compared: m('detComparedAccountChanges', { count: pastChanges }),
        harmless: [m('detHarmlessOwnChange')],
        todo: todo(severity, e.broker),
      },
    };
  },
};
