// What the popup and the dashboard show first: per broker its summary, its
// light and why. Key lookups only: counting 40,000 index entries takes about
// 200 ms even in Chromium's IndexedDB, so the counts are the ones the writes
// keep (utils/store/record-counts.ts); only a database from before them is
// counted once, after the first render (`recount`).
// Open alerts and incidents are few. No zod and no page readers on this path
// (labels, severity, settings-read): loading script is most of the popup's
// first render (issue 6).

import { BROKER_IDS } from '../brokers/labels';
import type { BrokerId } from '../brokers/types';
import type { Alert } from '../records/alert';
import type { Environment } from '../records/environment';
import type { Incident } from '../records/incident';
import { severityRank } from '../records/severity';
import { shownOpenAlerts } from '../store/alerts';
import type { KabuGuardDB } from '../store/db';
import { urgentIncidents } from '../store/incidents';
import { DEFAULT_STALE_DAYS, enabledBrokers, loadSettings, type Settings } from '../store/settings-read';
import { countNow, NO_COUNTS, readCounts } from '../store/record-counts';
import { brokerTimes, type BrokerCounts, type BrokerSummary, type BrokerTimes } from '../store/summary';
import { statusLight, type StatusLight } from './status-light';
import { mostUrgent, type UrgentIncident } from './urgent';

export interface BrokerOverview {
  broker: BrokerId;
  summary: BrokerSummary;
  status: StatusLight;
  openAlerts: number;
  enabled: boolean;
  /**
   * Something of this broker was seen (a page, a record, an alert, an environment to review): the popup and the
   * overview show only these. Fifteen brokers are declared; a user has one or two.
   */
  inUse: boolean;
}

export interface Overview {
  brokers: BrokerOverview[];
  openAlerts: number;
  unreviewed: number;
  /** The user's days before a light turns amber (settings), so the page needs no second read. */
  staleDays: number;
  /** The incident to show first, before the review and the brokers (urgent.ts). */
  urgent?: UrgentIncident;
}

/** Incidents that still colour a light. */
export { ACTIVE_INCIDENT_STATUSES } from '../records/severity';

/** Counts every broker's rows now (a database from before the kept counts) and keeps them from then on. */
export function recount(db: KabuGuardDB): Promise<Record<string, BrokerCounts>> {
  return countNow(db);
}

/** Whether the counts shown are still to be counted (`recount`): only before the writes keep them. */
export function countsPending(o: Overview): boolean {
  return o.brokers.some((b) => b.summary.countsPending);
}

/** The overview with fresh counts in place of the cached ones. */
export function withCounts(o: Overview, counts: Record<string, BrokerCounts>): Overview {
  return {
    ...o,
    brokers: o.brokers.map((b) => ({
      ...b,
      summary: { ...b.summary, ...(counts[b.broker] ?? NO_COUNTS), countsPending: false },
    })),
  };
}

/** Everything the first render reads: key lookups, and the few open alerts, incidents and unreviewed environments. */
export interface OverviewReads {
  times: BrokerTimes[];
  /** The kept counts (record-counts.ts); undefined in a database from before them. */
  counts: Record<string, BrokerCounts> | undefined;
  /** The open alerts at low or above (the ones the pages show). */
  openAlerts: Alert[];
  /** The open and confirmed incidents at medium or above (the light and the first line weigh no others). */
  activeIncidents: Incident[];
  baseline: Environment[];
  settings: Settings;
}

/** The reads through Dexie (the dashboard; the popup when plain IndexedDB could not answer). */
export async function readOverview(db: KabuGuardDB): Promise<OverviewReads> {
  const [times, counts, openAlerts, activeIncidents, baseline, settings] = await Promise.all([
    Promise.all(BROKER_IDS.map((id) => brokerTimes(db, id))),
    readCounts(db),
    shownOpenAlerts(db),
    urgentIncidents(db),
    db.environments.where('status').equals('baseline').toArray(),
    loadSettings(db),
  ]);
  return { times, counts, openAlerts, activeIncidents, baseline, settings };
}

export function overviewFrom(r: OverviewReads, now = Date.now()): Overview {
  const shown = r.openAlerts.filter((a) => severityRank(a.severity) >= severityRank('low'));
  const unreviewed = r.baseline.filter((e) => !e.reviewedAt);
  const enabled = enabledBrokers(r.settings);
  const staleDays = r.settings.staleDays ?? DEFAULT_STALE_DAYS;
  const brokers = BROKER_IDS.map((id) => {
    const summary: BrokerSummary = {
      ...r.times.find((s) => s.broker === id)!,
      ...(r.counts?.[id] ?? NO_COUNTS),
      countsPending: !r.counts,
    };
    const openAlerts = shown.filter((a) => a.broker === id).length;
    const status = statusLight({
      health: summary.health,
      highIncidents: r.activeIncidents.filter((i) => i.broker === id && i.severity === 'high').length,
      openAlerts,
      unreviewed: unreviewed.filter((e) => e.broker === id).length,
      now,
      staleDays,
    });
    const inUse =
      summary.health !== undefined ||
      summary.lastLoginAt !== undefined ||
      summary.lastOrderCaptureAt !== undefined ||
      summary.logins + summary.snapshots + (summary.orders ?? 0) > 0 ||
      ['high-incident', 'open-alerts', 'review'].includes(status.reason);
    return { broker: id, summary, status, openAlerts, enabled: enabled.includes(id), inUse };
  });
  const urgent = mostUrgent(r.activeIncidents, r.openAlerts);
  return { brokers, openAlerts: shown.length, unreviewed: unreviewed.length, staleDays, ...(urgent ? { urgent } : {}) };
}

/** The brokers the popup and the overview show: those in use. */
export function brokersInUse(o: Overview): BrokerOverview[] {
  return o.brokers.filter((b) => b.inUse);
}

export async function loadOverview(db: KabuGuardDB, now = Date.now()): Promise<Overview> {
  return overviewFrom(await readOverview(db), now);
}
