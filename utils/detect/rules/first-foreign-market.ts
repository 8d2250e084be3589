// The first order in a foreign market (US, Singapore, ...). Hong Kong and
// mainland China are china-hk-buy's. An order placed while this browser was
// on the site is the user's own first step abroad.

import { comparedOrders, m, orderLabel, region, todo } from '../phrases';
import { atLeast } from '../severity';
import type { Severity } from '../../records/alert';
import type { OrderRule } from '../types';

export const firstForeignMarket: OrderRule = {
  id: 'first-foreign-market',
  scope: 'order',
  evaluate({ order: o, profile, precedingLogin, review }) {
    if (
      (o.preInstall && !review) ||
      o.region === 'JP' ||
      o.region === 'UNKNOWN' ||
      o.region === 'HK' ||
      o.region === 'CN'
    )
      return undefined;
    if (profile.regions.has(o.region)) return undefined;
    let severity: Severity;
    if (o.onSite === true) severity = 'info';
    else if (o.onSite === undefined) severity = 'low';
    else severity = atLeast(precedingLogin?.severity, 'medium') ? 'high' : 'medium';
    return {
      rule: 'first-foreign-market',
      severity,
      kind: 'orders',
      broker: o.event.broker,
      anchor: { id: o.event.id, at: o.event.at },
      events: [{ id: o.event.id, at: o.event.at }],
      title: m('detTitleForeignMarket', { market: region(o.region) }),
      explanation: {
        seen: orderLabel(o),
        compared: comparedOrders(profile),
        harmless: [m('detHarmlessOwnTrade')],
        todo: todo(severity, o.event.broker),
      },
    };
  },
};
