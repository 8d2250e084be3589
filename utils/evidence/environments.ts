// Environments (how a login came in: channel, OS, browser, device, network)
// as known before the incident or new. The detection feature stores its own
// environments; when this store has none, they are derived here from the logins.

import type { LoginEvent } from '../records';
import { isFlagged } from './collect';
import { ms, num, str, type Loose } from './fields';
import type { EventFlag } from './types';
import { deviceWords, loginEnvironmentWords, networkWords, type DeviceWords, type Lang } from './words';

export interface EnvironmentView {
  /** Groups logins (codes); never shown. */
  key: string;
  /** What the reader sees: 「パソコン（Windows・Chrome）、中国のネットワーク（36.110.0.0/16）」. */
  words: Record<Lang, string>;
  /** The holder's own name for it, when they gave one. */
  name?: string;
  broker: string;
  firstSeenAt?: string;
  lastSeenAt?: string;
  count?: number;
  status: 'known' | 'new' | 'not-mine';
  source: 'stored' | 'derived';
}

/** IPv4 /24, IPv6 /48: the network a home line moves within (brokers.md; ISP churn). */
export function networkOf(ip: string | undefined): string | undefined {
  if (!ip) return undefined;
  if (ip.includes(':')) return ip.split(':').slice(0, 3).join(':') + '::/48';
  const parts = ip.split('.');
  return parts.length === 4 ? `${parts.slice(0, 3).join('.')}.0/24` : ip;
}

export function environmentLabel(
  e: Pick<LoginEvent, 'channel' | 'os' | 'browser' | 'device' | 'ip' | 'userAgent'>,
): string {
  return (
    [e.channel, e.device, e.os, e.browser, !e.os && !e.browser ? e.userAgent : undefined, networkOf(e.ip)]
      .filter(Boolean)
      .join(' / ') || '—'
  );
}

export function deriveEnvironments(logins: LoginEvent[], flags: Map<string, EventFlag>): EnvironmentView[] {
  const flaggedTimes = logins.filter((l) => isFlagged(flags, l.id)).map((l) => ms(l.at));
  const incidentStart = flaggedTimes.length ? Math.min(...flaggedTimes) : Infinity;
  const groups = new Map<string, { broker: string; label: string; rows: LoginEvent[] }>();
  for (const l of logins) {
    if (l.result !== 'success') continue;
    const label = environmentLabel(l);
    const key = `${l.broker}|${label}`;
    const g = groups.get(key) ?? { broker: l.broker, label: key, rows: [] };
    g.rows.push(l);
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => {
      const first = g.rows[0]!;
      const last = g.rows[g.rows.length - 1]!;
      const allNotMine = g.rows.every((r) => flags.get(r.id)?.notMine);
      const status: EnvironmentView['status'] = allNotMine
        ? 'not-mine'
        : ms(first.at) < incidentStart
          ? 'known'
          : 'new';
      const words = (lang: Lang) => {
        const net = networkOf(first.ip);
        const w = loginEnvironmentWords(first, lang);
        return net ? `${w}${lang === 'ja' ? '（' : ' ('}${net}${lang === 'ja' ? '）' : ')'}` : w;
      };
      return {
        key: g.label,
        words: { ja: words('ja'), en: words('en') },
        broker: g.broker,
        firstSeenAt: first.at,
        lastSeenAt: last.at,
        count: g.rows.length,
        status,
        source: 'derived' as const,
      };
    })
    .sort((a, b) => ms(a.firstSeenAt) - ms(b.firstSeenAt));
}

/** utils/records/environment.ts: status baseline / learned / confirmed = known; alerted = new; rejected = not mine. */
export function storedEnvironments(records: Loose[]): EnvironmentView[] {
  return records
    .map((r): EnvironmentView => {
      const status = str(r, 'status', 'verdict', 'state');
      const device = (r.device && typeof r.device === 'object' ? r.device : {}) as Loose;
      const network = (r.network && typeof r.network === 'object' ? r.network : {}) as Loose;
      const channel = str(device, 'channel') as DeviceWords['channel'] | undefined;
      const d: DeviceWords = {
        channel: channel ?? 'unknown',
        app: str(device, 'app'),
        os: str(device, 'os'),
        browser: str(device, 'browser'),
      };
      const net = { country: str(network, 'country'), provider: str(network, 'provider'), block: str(network, 'wide') };
      const words = (lang: Lang) =>
        channel === 'aggregator'
          ? deviceWords(d, lang)
          : `${deviceWords(d, lang)}${lang === 'ja' ? '、' : ', '}${networkWords(net, lang)}`;
      const name = str(r, 'label');
      const count = num(r, 'count', 'seen', 'logins');
      const known = ['baseline', 'learned', 'confirmed', 'known', 'trusted', 'mine'].includes(status ?? '');
      const firstSeenAt = str(r, 'firstAt', 'firstSeenAt');
      const lastSeenAt = str(r, 'lastAt', 'lastSeenAt');
      return {
        key: str(r, 'id', 'deviceKey') ?? '',
        words: { ja: words('ja'), en: words('en') },
        ...(name ? { name } : {}),
        broker: str(r, 'broker') ?? '',
        ...(firstSeenAt ? { firstSeenAt } : {}),
        ...(lastSeenAt ? { lastSeenAt } : {}),
        ...(count !== undefined ? { count } : {}),
        status: status === 'rejected' || status === 'not-mine' ? 'not-mine' : known ? 'known' : 'new',
        source: 'stored' as const,
      };
    })
    .sort((a, b) => ms(a.firstSeenAt) - ms(b.firstSeenAt));
}
