// Baseline from day one: the history present at the first capture (everything
// before installation) is the user's own, learned at once, with no learning
// period. Environments carry counts; the profile is their summary.

import { stableHash } from '../brokers/shared/text';
import type { BrokerId } from '../brokers/types';
import type { Environment, EnvironmentStatus } from '../records/environment';
import { channelKey } from './device';
import type { LoginFacts, LoginProfile } from './types';

/** Statuses whose logins count as the user's own history. */
export const KNOWN: ReadonlySet<EnvironmentStatus> = new Set(['baseline', 'learned', 'confirmed']);

export function environmentId(broker: BrokerId, deviceKey: string, networkKey: string): string {
  return `env_${broker}_${stableHash(`${deviceKey}\u0000${networkKey}`)}`;
}

export const jstHour = (ms: number): number => new Date(ms + 9 * 3600_000).getUTCHours();

/** A login hour the user (with enough history) practically never uses: within ±1 hour, under 2% of logins. */
export function unusualHour(p: LoginProfile, ms: number): boolean {
  const total = p.hours.reduce((a, b) => a + b, 0);
  if (total < 20) return false;
  const h = jstHour(ms);
  const near = p.hours[(h + 23) % 24]! + p.hours[h]! + p.hours[(h + 1) % 24]!;
  return near / total < 0.02;
}

export function emptyProfile(): LoginProfile {
  return {
    total: 0,
    countries: new Map(),
    providers: new Map(),
    wides: new Set(),
    devices: new Map(),
    channels: new Set(),
    networks: 0,
    rejected: new Set(),
    hours: Array<number>(24).fill(0),
  };
}

/** The summary of the known environments (aggregators excluded from networks: they are the service's servers). */
export function buildProfile(envs: Iterable<Environment>): LoginProfile {
  const p = emptyProfile();
  const networks = new Set<string>();
  for (const e of envs) {
    if (e.status === 'rejected') p.rejected.add(e.id);
    if (!KNOWN.has(e.status)) continue;
    const own = e.count - e.alerted;
    p.total += own;
    if (e.device.channel !== 'aggregator') e.hours.forEach((n, h) => (p.hours[h]! += n));
    const d = p.devices.get(e.deviceKey) ?? {
      count: 0,
      thisBrowser: 0,
      elsewhere: 0,
      elsewhereHours: Array<number>(24).fill(0),
      device: e.device,
    };
    d.count += own;
    d.thisBrowser += e.thisBrowser;
    d.elsewhere += e.elsewhere;
    if (e.thisBrowser === 0) e.hours.forEach((n, h) => (d.elsewhereHours[h]! += n));
    p.devices.set(e.deviceKey, d);
    p.channels.add(
      channelKey({
        key: e.deviceKey,
        channel: e.device.channel,
        channelShown: true,
        ...(e.device.app ? { app: e.device.app } : {}),
      }),
    );
    if (e.device.channel === 'aggregator') continue;
    if (e.network.country) p.countries.set(e.network.country, (p.countries.get(e.network.country) ?? 0) + own);
    if (e.network.provider) p.providers.set(e.network.provider, (p.providers.get(e.network.provider) ?? 0) + own);
    if (e.network.wide) p.wides.add(e.network.wide);
    if (e.networkKey !== 'none') networks.add(e.networkKey);
  }
  p.networks = networks.size;
  return p;
}

/** A fresh environment for a login (status decided by the caller). */
export function newEnvironment(f: LoginFacts, status: EnvironmentStatus, now: string): Environment {
  const network: Environment['network'] = {};
  if (f.wide) network.wide = f.wide;
  if (f.country) network.country = f.country;
  if (f.provider) {
    network.provider = f.provider.label;
    network.providerKind = f.provider.kind;
  }
  const device: Environment['device'] = { channel: f.device.channel };
  if (f.device.app) device.app = f.device.app;
  if (f.device.browser) device.browser = f.device.browser;
  if (f.device.os) device.os = f.device.os;
  return {
    v: 1,
    id: f.envId,
    broker: f.event.broker,
    deviceKey: f.device.key,
    device,
    networkKey: f.networkKey,
    network,
    firstAt: f.event.at,
    lastAt: f.event.at,
    count: 0,
    thisBrowser: 0,
    elsewhere: 0,
    alerted: 0,
    hours: Array<number>(24).fill(0),
    preInstall: 0,
    status,
    sampleEventIds: [],
    updatedAt: now,
  };
}

/**
 * Adds one successful login to its environment (returns a new object).
 * A login that raised a warning is counted but not as "the user elsewhere":
 * an attacker's logins must not teach the detector that this class is often
 * used away from this browser.
 */
export function foldLogin(env: Environment, f: LoginFacts, now: string, alerted = false): Environment {
  const samples = env.sampleEventIds.includes(f.event.id)
    ? env.sampleEventIds
    : [...env.sampleEventIds, f.event.id].slice(-5);
  return {
    ...env,
    firstAt: f.event.at < env.firstAt ? f.event.at : env.firstAt,
    lastAt: f.event.at > env.lastAt ? f.event.at : env.lastAt,
    count: env.count + 1,
    thisBrowser: env.thisBrowser + (f.thisBrowser ? 1 : 0),
    elsewhere: env.elsewhere + (!f.thisBrowser && !f.preInstall && !alerted ? 1 : 0),
    alerted: env.alerted + (alerted ? 1 : 0),
    hours: alerted ? env.hours : env.hours.map((n, h) => (h === jstHour(f.ms) ? n + 1 : n)),
    preInstall: env.preInstall + (!f.thisBrowser && f.preInstall ? 1 : 0),
    // sustained use from this browser (a second login it made) makes the environment the user's;
    // a warning, even a low one, never does
    status: f.thisBrowser && env.status === 'alerted' && env.thisBrowser + 1 >= 2 ? 'learned' : env.status,
    sampleEventIds: samples,
    updatedAt: now,
  };
}
