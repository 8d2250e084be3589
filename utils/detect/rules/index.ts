// THE rule list: one rule per file, in the order their reasons are shown.

import type { AccountRule, LoginRule, OrderRule } from '../types';
import { accountChange } from './account-change';
import { chinaHkBuy } from './china-hk-buy';
import { dormantWaking } from './dormant-waking';
import { failedLoginBurst } from './failed-login-burst';
import { firstForeignMarket } from './first-foreign-market';
import { hostingNetwork } from './hosting-network';
import { liquidation } from './liquidation';
import { newChannel } from './new-channel';
import { newCountry } from './new-country';
import { newDeviceClass } from './new-device-class';
import { notThisBrowser } from './not-this-browser';
import { orderOffSite } from './orders-off-site';
import { outsizedNewSymbol } from './outsized-new-symbol';
import { sellThenBuy } from './sell-then-buy';
import { successAfterFailures } from './success-after-failures';

export const LOGIN_RULES: readonly LoginRule[] = [
  newCountry,
  hostingNetwork,
  successAfterFailures,
  failedLoginBurst,
  newDeviceClass,
  newChannel,
  notThisBrowser,
  dormantWaking,
];
export const ORDER_RULES: readonly OrderRule[] = [
  chinaHkBuy,
  outsizedNewSymbol,
  liquidation,
  sellThenBuy,
  firstForeignMarket,
  orderOffSite,
];
export const ACCOUNT_RULES: readonly AccountRule[] = [accountChange];

/** Most specific first: names an alert when reasons tie on severity. */
export const RULE_ORDER = [...ORDER_RULES, ...LOGIN_RULES, ...ACCOUNT_RULES].map((r) => r.id);
