// Other changes to the account: password, security settings, a foreign-stock
// account opened, address, name. (The withdrawal account, contact details and
// document consent have their own rules: account-withdrawal.ts,
// account-contact.ts, account-documents.ts.) The owner making the change from
// this browser is the ordinary case.

import { m, time, todo } from '../phrases';
import { atLeast } from '../severity';
import type { Severity } from '../../records/alert';
import type { AccountRule } from '../types';

/** Kinds with a rule of their own. */
const OWN_RULE = new Set(['email', 'notification-settings', 'phone', 'withdrawal-bank-account', 'document-consent']);
/** Kinds an attacker changes to act unseen or to buy abroad. */
const SENSITIVE = new Set(['foreign-stock-account', 'security-settings', 'password']);

export const accountChange: AccountRule = {
  id: 'account-change',
  evaluate({ event: e, onSite, precedingLogin, pastChanges, review, placedBy }) {
    if (OWN_RULE.has(e.kind)) return undefined;
    const sensitive = SENSITIVE.has(e.kind);
    let severity: Severity;
    if (atLeast(precedingLogin?.severity, 'medium') || placedBy?.verdict === 'not-mine') severity = 'high';
    else if (review) return undefined;
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
