// Environments (how a login came in: channel, OS, browser, device, network)
// as known before the incident or new. The detection feature stores its own
// environments; when this store has none, they are derived here from the logins.

import type { LoginEvent } from '../records';
import { isFlagged } from './collect';
import { ms, num, str, type Loose } from './fields';
import type { EventFlag } from './types';

export interface EnvironmentView {
  label: string;
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
    const g = groups.get(key) ?? { broker: l.broker, label, rows: [] };
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
      return {
        label: g.label,
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
      const label =
        str(r, 'label', 'description') ??
        ([
          str(device, 'channel'),
          str(device, 'app'),
          str(device, 'os'),
          str(device, 'browser'),
          str(network, 'provider'),
          str(network, 'country'),
          str(network, 'wide') ?? str(r, 'networkKey'),
        ]
          .filter(Boolean)
          .join(' / ') ||
          str(r, 'deviceKey', 'id') ||
          '—');
      const count = num(r, 'count', 'seen', 'logins');
      const known = ['baseline', 'learned', 'confirmed', 'known', 'trusted', 'mine'].includes(status ?? '');
      const firstSeenAt = str(r, 'firstAt', 'firstSeenAt');
      const lastSeenAt = str(r, 'lastAt', 'lastSeenAt');
      return {
        label,
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
