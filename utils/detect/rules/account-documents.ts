// Consent to electronic documents (電子交付 / 書面の同意): with it, trade
// reports go to a web page instead of the owner's letterbox. Given in the
// middle of the night by a session that was not this browser, it is worth a
// look (medium); in a flagged session, high; otherwise it is routine.

import { accountFinding } from './account-severity';
import { nightHour } from './new-channel';
import type { Severity } from '../../records/alert';
import type { AccountRule } from '../types';

export const accountDocuments: AccountRule = {
  id: 'account-documents',
  evaluate(ctx) {
    const { event: e, onSite, placedBy } = ctx;
    if (e.kind !== 'document-consent') return undefined;
    let severity: Severity;
    if (placedBy?.verdict === 'not-mine' || placedBy?.verdict === 'suspect') severity = 'high';
    else if (!e.dateOnly && onSite !== true && nightHour(Date.parse(e.at))) severity = 'medium';
    else severity = 'info';
    if (ctx.review && severity === 'info') return undefined;
    return accountFinding('account-documents', severity, ctx);
  },
};
