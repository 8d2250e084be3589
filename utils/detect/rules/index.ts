// THE rule list: one rule per file, in the order their reasons are shown.
// (history-review.ts judges the history found at installation; the engine runs it once per full pass.)

import type { AccountRule, LoginRule, OrderRule } from '../types';
import { accountChange } from './account-change';
import { accountContact } from './account-contact';
import { accountDocuments } from './account-documents';
import { accountWithdrawal } from './account-withdrawal';
import { aggregatorFirst } from './aggregator-first';
import { chinaHkBuy } from './china-hk-buy';
import { concurrentSession } from './concurrent-session';
import { dormantWaking } from './dormant-waking';
import { failedLoginBurst } from './failed-login-burst';
import { firstForeignMarket } from './first-foreign-market';
import { hostingNetwork } from './hosting-network';
import { liquidation } from './liquidation';
import { newChannel } from './new-channel';
import { newCountry } from './new-country';
import { newDeviceClass } from './new-device-class';
import { notThisBrowser } from './not-this-browser';
import { ordersInFlaggedSession } from './orders-in-flagged-session';
import { orderOffSite } from './orders-off-site';
import { outsizedNewSymbol } from './outsized-new-symbol';
import { pumpBuy } from './pump-buy';
import { rejectedEnvironment } from './rejected-environment';
import { sellThenBuy } from './sell-then-buy';
import { slowSpray } from './slow-spray';
import { successAfterFailures } from './success-after-failures';

export const LOGIN_RULES: readonly LoginRule[] = [
  rejectedEnvironment,
  newCountry,
  hostingNetwork,
  successAfterFailures,
  failedLoginBurst,
  slowSpray,
  concurrentSession,
  newDeviceClass,
  newChannel,
  aggregatorFirst,
  notThisBrowser,
  dormantWaking,
];
export const ORDER_RULES: readonly OrderRule[] = [
  ordersInFlaggedSession,
  chinaHkBuy,
  pumpBuy,
  outsizedNewSymbol,
  liquidation,
  sellThenBuy,
  firstForeignMarket,
  orderOffSite,
];
export const ACCOUNT_RULES: readonly AccountRule[] = [
  accountWithdrawal,
  accountContact,
  accountDocuments,
  accountChange,
];

/** Rules about the environment rather than the one login: an environment not yet answered gets one alert. */
export const ENVIRONMENT_RULES: ReadonlySet<string> = new Set([
  'new-country',
  'hosting-network',
  'new-device-class',
  'new-channel',
  'aggregator-first',
]);

/** Most specific first: names an alert when reasons tie on severity. */
export const RULE_ORDER = [
  ...ORDER_RULES,
  ...LOGIN_RULES,
  { id: 'history-review' },
  { id: 'previous-login' },
  ...ACCOUNT_RULES,
].map((r) => r.id);
