// A new withdrawal bank account (出金先口座の変更): the step that takes money
// out. High when it comes close to a login that is not confirmed as the
// user's (a flagged login, a new environment not yet answered); low from this
// browser; medium when the page cannot tell who made it.

import { accountSeverity, accountFinding } from './account-severity';
import type { AccountRule } from '../types';

export const accountWithdrawal: AccountRule = {
  id: 'account-withdrawal',
  evaluate(ctx) {
    if (ctx.event.kind !== 'withdrawal-bank-account') return undefined;
    const severity = accountSeverity(ctx);
    return severity ? accountFinding('account-withdrawal', severity, ctx) : undefined;
  },
};
