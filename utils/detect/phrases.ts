// Structured message fragments shared by the rules. Texts live in the
// catalogues (public/_locales/{ja,en}/messages.json); explain.ts renders them.

import type { Environment } from '../records/environment';
import type { Msg, MsgParam, Severity } from '../records/alert';
import type { LoginFacts, LoginProfile, OrderFacts, OrderProfile } from './types';

export function m(code: string, params?: Record<string, MsgParam>): Msg {
  return params ? { code, params } : { code };
}

export const time = (iso: string): Msg => m('@time', { iso });
export const country = (cc: string): Msg => m('@country', { cc });
export const region = (code: string): Msg => m('@region', { code });
export const yen = (n: number): Msg => m('@number', { n: Math.round(n) });

export function deviceLabel(d: Environment['device']): Msg {
  switch (d.channel) {
    case 'aggregator':
      return m('detDeviceAggregator');
    case 'app':
      return m('detDeviceApp', { app: d.app ?? '?' });
    case 'mobile':
      if (d.browser && d.os) return m('detDeviceBrowserOn', { os: d.os, browser: d.browser });
      return d.os ? m('detDeviceMobileOs', { os: d.os }) : m('detDeviceMobile');
    case 'pc':
      if (d.browser && d.os) return m('detDeviceBrowserOn', { os: d.os, browser: d.browser });
      if (d.browser) return m('detDeviceBrowser', { browser: d.browser });
      if (d.os) return m('detDeviceOs', { os: d.os });
      return m('detDevicePc');
    default:
      return m('detDeviceUnknown');
  }
}

export function networkLabel(f: Pick<LoginFacts, 'country' | 'provider' | 'net' | 'ip'>): Msg {
  const cc: MsgParam = f.country ? country(f.country) : m('detCountryUnknown');
  if (f.provider) return m('detNetworkProvider', { provider: f.provider.label, country: cc });
  if (f.ip) return m('detNetworkCountry', { country: cc, net: f.net ?? f.ip.text });
  return m('detNetworkNone');
}

/** 「過去143回のログイン：日本、2つのネットワーク、Windows の Chrome と iSPEED アプリ」 */
export function comparedLogins(p: LoginProfile): Msg {
  if (p.total === 0) return m('detComparedNoHistory');
  const countries = [...p.countries.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([cc]) => country(cc));
  const devices = [...p.devices.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, 4)
    .map((d) => deviceLabel(d.device));
  if (!countries.length) return m('detComparedLoginsNoNetwork', { count: p.total, devices });
  return m('detComparedLogins', { count: p.total, countries, networks: p.networks, devices });
}

export function comparedOrders(p: OrderProfile): Msg {
  if (p.count === 0) return m('detComparedNoOrders');
  const markets = [...p.regions.entries()].sort((a, b) => b[1] - a[1]).map(([r]) => region(r));
  return m('detComparedOrders', { count: p.count, markets, amount: yen(p.maxBuyJpy) });
}

export function orderLabel(o: OrderFacts): Msg {
  const e = o.event;
  return m('detOrderLine', {
    time: time(e.at),
    side: m(e.side === 'buy' ? 'detSideBuy' : 'detSideSell'),
    symbol: e.symbol ?? '',
    name: e.name ?? '',
    quantity: e.quantity ?? '?',
    price: e.price ?? '?',
    currency: e.currency ?? '',
    market: region(o.region),
  });
}

/** What to do now, by how serious it is. Links only from the adapter's officialUrls. */
export function todo(severity: Severity, broker: string, extra: Msg[] = []): Msg[] {
  const base: Msg[] = [m('detTodoCheckHistory', { broker: m('@broker', { id: broker }) })];
  if (severity === 'medium' || severity === 'high') {
    base.push(m('detTodoChangePassword'), m('detTodoContactBroker', { url: m('@supportUrl', { id: broker }) }));
  }
  if (severity === 'high') base.push(m('detTodoCheckWithdrawal'), m('detTodoPolice'));
  base.push(...extra, m('detTodoAnswer'));
  return base;
}
