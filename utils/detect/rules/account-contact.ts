// The e-mail address, notification settings or phone number changed: the
// attacker silences the owner so that login and trade notices stop arriving.
// Same severities as a new withdrawal account.

import { accountSeverity, accountFinding } from './account-severity';
import type { AccountRule } from '../types';

const CONTACT = new Set(['email', 'notification-settings', 'phone']);

export const accountContact: AccountRule = {
  id: 'account-contact',
  evaluate(ctx) {
    if (!CONTACT.has(ctx.event.kind)) return undefined;
    const severity = accountSeverity(ctx);
    return severity ? accountFinding('account-contact', severity, ctx) : undefined;
  },
};
