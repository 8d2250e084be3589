// What the popup and the dashboard show first: per broker its summary, its
// light and why. Key lookups only: counting 40,000 index entries takes about
// 200 ms even in Chromium's IndexedDB, so the first render shows the counts
// of the last visit (kv 'overview-counts') and `recount` refreshes them after.
// Open alerts and incidents are few. No zod and no page readers on this path
// (labels, severity, settings-read): loading script is most of the popup's
// first render (issue 6).

import { BROKER_IDS } from '../brokers/labels';
import type { BrokerId } from '../brokers/types';
import { severityRank } from '../records/severity';
import type { KabuGuardDB } from '../store/db';
import { DEFAULT_STALE_DAYS, enabledBrokers, loadSettings } from '../store/settings-read';
import { kvGet, kvSet } from '../store/kv';
import { brokerCounts, brokerTimes, type BrokerCounts, type BrokerSummary } from '../store/summary';
import { statusLight, type StatusLight } from './status-light';

export interface BrokerOverview {
  broker: BrokerId;
  summary: BrokerSummary;
  status: StatusLight;
  openAlerts: number;
  enabled: boolean;
}

export interface Overview {
  brokers: BrokerOverview[];
  openAlerts: number;
  unreviewed: number;
  /** The user's days before a light turns amber (settings), so the page needs no second read. */
  staleDays: number;
}

const COUNTS_KEY = 'overview-counts';
const NO_COUNTS: BrokerCounts = { logins: 0, snapshots: 0, orders: 0, foreignOrders: 0 };

/** Counts every broker's rows now and remembers them for the next first render. */
export async function recount(db: KabuGuardDB): Promise<Record<string, BrokerCounts>> {
  const counts = Object.fromEntries(await Promise.all(BROKER_IDS.map(async (id) => [id, await brokerCounts(db, id)] as const)));
  await kvSet(db, COUNTS_KEY, counts);
  return counts;
}

/** The overview with fresh counts in place of the cached ones. */
export function withCounts(o: Overview, counts: Record<string, BrokerCounts>): Overview {
  return { ...o, brokers: o.brokers.map((b) => ({ ...b, summary: { ...b.summary, ...(counts[b.broker] ?? NO_COUNTS), countsPending: false } })) };
}

export async function loadOverview(db: KabuGuardDB, now = Date.now()): Promise<Overview> {
  const [times, cached, open, incidents, baseline, settings] = await Promise.all([
    Promise.all(BROKER_IDS.map((id) => brokerTimes(db, id))),
    kvGet<Record<string, BrokerCounts>>(db, COUNTS_KEY, {}),
    db.alerts.where('status').equals('open').toArray(),
    db.incidents.where('status').anyOf(['open', 'confirmed']).toArray(),
    db.environments.where('status').equals('baseline').toArray(),
    loadSettings(db),
  ]);
  const shown = open.filter((a) => severityRank(a.severity) >= severityRank('low'));
  const unreviewed = baseline.filter((e) => !e.reviewedAt);
  const enabled = enabledBrokers(settings);
  const staleDays = settings.staleDays ?? DEFAULT_STALE_DAYS;
  const brokers = BROKER_IDS.map((id) => {
    const summary: BrokerSummary = { ...times.find((s) => s.broker === id)!, ...(cached[id] ?? NO_COUNTS), countsPending: true };
    const openAlerts = shown.filter((a) => a.broker === id).length;
    const status = statusLight({
      health: summary.health,
      highIncidents: incidents.filter((i) => i.broker === id && i.severity === 'high').length,
      openAlerts,
      unreviewed: unreviewed.filter((e) => e.broker === id).length,
      now,
      staleDays,
    });
    return { broker: id, summary, status, openAlerts, enabled: enabled.includes(id) };
  });
  return { brokers, openAlerts: shown.length, unreviewed: unreviewed.length, staleDays };
}
