// Records → the facts rules compare: device class, network and country of a
// login; region, currency and yen amount of an order.

import { currencyCode, marketRegion, normaliseSymbol, type MarketRegion } from '../brokers/shared/markets';
import type { LoginEvent, OrderEvent } from '../records';
import { deviceClassOf } from './device';
import { countryOf, providerOf } from './geo';
import { netOf, parseIp, wideOf } from './ip';
import { environmentId } from './profile';
import { toMs } from './sessions';
import type { LoginFacts, OrderFacts } from './types';

/** Country names some brokers print instead of an address (`location`). */
const LOCATION_COUNTRIES: Array<[RegExp, string]> = [
  [/日本|japan|東京|大阪|都|道|府|県/i, 'JP'],
  [/中国|china|北京|上海|広東|深圳/i, 'CN'],
  [/香港|hong\s*kong/i, 'HK'],
  [/台湾|taiwan/i, 'TW'],
  [/韓国|korea/i, 'KR'],
  [/米国|アメリカ|united\s*states|usa/i, 'US'],
  [/シンガポール|singapore/i, 'SG'],
];

function countryOfLocation(location: string | undefined): string | undefined {
  if (!location) return undefined;
  const t = location.normalize('NFKC');
  for (const [re, cc] of LOCATION_COUNTRIES) if (re.test(t)) return cc;
  return undefined;
}

type LoginBase = Omit<LoginFacts, 'event' | 'thisBrowser' | 'preInstall'>;
type OrderBase = Omit<OrderFacts, 'event' | 'onSite' | 'preInstall'>;

/**
 * Records are immutable per id (ids hash their content), so what is derived
 * from them is cached across passes: a pass re-reads the same window of
 * history each time. Bounded; cleared when full.
 */
const CACHE_MAX = 50_000;
const loginCache = new Map<string, LoginBase>();
const orderCache = new Map<string, OrderBase>();
function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= CACHE_MAX) cache.clear();
    v = make();
    cache.set(key, v);
  }
  return v;
}

function loginBase(e: LoginEvent): LoginBase {
  const device = deviceClassOf(e);
  const ip = parseIp(e.ip);
  const f: LoginBase = { ms: toMs(e.at), device, networkKey: 'none', envId: '' };
  if (ip) {
    f.ip = ip;
    f.net = netOf(ip);
    f.wide = wideOf(ip);
    const cc = countryOf(ip);
    if (cc) f.country = cc;
    const provider = providerOf(ip);
    if (provider) f.provider = provider;
    // a cloud or VPN network is one place whatever its address block, but each exit country is its own
    f.networkKey = (provider ? `provider:${provider.label}` : `v${ip.family}:${f.wide}`) + (cc ? `@${cc}` : '');
  } else {
    const cc = countryOfLocation(e.location);
    if (cc) {
      f.country = cc;
      f.networkKey = `none@${cc}`;
    }
  }
  // aggregators log in from their own servers: one environment, whatever the address
  if (device.channel === 'aggregator') f.networkKey = 'aggregator';
  f.envId = environmentId(e.broker, device.key, f.networkKey);
  return f;
}

export function loginFacts(e: LoginEvent, installedMs: number | undefined): LoginFacts {
  const base = remember(loginCache, e.id, () => loginBase(e));
  return {
    event: e,
    ms: base.ms,
    device: base.device,
    ip: base.ip,
    country: base.country,
    provider: base.provider,
    networkKey: base.networkKey,
    wide: base.wide,
    net: base.net,
    envId: base.envId,
    thisBrowser: false,
    preInstall: installedMs === undefined || base.ms < installedMs - 2 * 60_000,
  };
}

/**
 * Rough yen per unit, only to compare order sizes across markets (an order
 * 10× the user's largest is outsized whether the rate is 140 or 160).
 */
export const YEN_PER_UNIT: Record<string, number> = {
  JPY: 1,
  USD: 150,
  HKD: 19,
  CNY: 21,
  SGD: 110,
  KRW: 0.11,
  VND: 0.006,
  THB: 4.2,
  IDR: 0.0095,
  MYR: 33,
  EUR: 160,
  GBP: 190,
  AUD: 98,
};

export function orderRegion(e: OrderEvent): MarketRegion {
  if (e.marketRegion && e.marketRegion !== 'UNKNOWN') return e.marketRegion as MarketRegion;
  return marketRegion({ market: e.market, currency: e.currencyCode ?? e.currency, symbol: e.symbol });
}

function orderBase(e: OrderEvent): OrderBase {
  const region = orderRegion(e);
  const ccy = e.currencyCode ?? currencyCode(e.currency) ?? (region === 'JP' ? 'JPY' : undefined);
  const rate = ccy ? YEN_PER_UNIT[ccy] : undefined;
  const f: OrderBase = {
    ms: toMs(e.at),
    region,
    symbolKey: `${region}:${normaliseSymbol(e.symbol, region) ?? e.name ?? '?'}`,
  };
  if (ccy) f.currency = ccy;
  // amounts on Japanese pages are usually in yen already (受渡金額); price × quantity is in the trade currency
  if (e.amount !== undefined) f.amountJpy = e.amount;
  else if (e.quantity !== undefined && e.price !== undefined && rate !== undefined)
    f.amountJpy = e.quantity * e.price * rate;
  return f;
}

export function orderFacts(
  e: OrderEvent,
  onSite: (ms: number) => boolean,
  installedMs: number | undefined,
): OrderFacts {
  // the cache key carries what a restated row may change (an open order executed)
  const base = remember(orderCache, `${e.id}\u0000${e.lastSeenAt}`, () => orderBase(e));
  // one fixed shape (no spread): thousands of these are made per pass
  return {
    event: e,
    ms: base.ms,
    region: base.region,
    currency: base.currency,
    symbolKey: base.symbolKey,
    amountJpy: base.amountJpy,
    onSite: e.dateOnly ? undefined : onSite(base.ms),
    preInstall: installedMs === undefined || base.ms < installedMs,
  };
}
