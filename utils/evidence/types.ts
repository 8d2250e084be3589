// What an evidence bundle is asked to contain, and what it is built from.

import type { BrokerId } from '../brokers/types';
import type { CaptureLogEntry, LoginEvent, OrderEvent, Snapshot, Visit } from '../records';
import type { Loose } from './fields';
import type { MaskOptions } from './mask';

/** All fields optional: nothing set means everything. They combine (a broker within a range). */
export interface EvidenceScope {
  broker?: BrokerId;
  /** ISO with offset, inclusive. */
  from?: string;
  to?: string;
  /** Only what one incident is about (its broker, its events, a day either side). */
  incidentId?: string;
}

export interface ExportEnvironment {
  extensionName: string;
  extensionVersion: string;
  userAgent: string;
  timeZone: string;
}

export interface EvidenceOptions {
  scope?: EvidenceScope;
  mask?: MaskOptions;
  environment: ExportEnvironment;
  /** Defaults to now. Lives only in manifest.json (and the zip's file dates). */
  exportedAt?: string;
  /** Rows shown either side of a flagged row in the report (default 3). */
  contextRows?: number;
  /** Input files a command-line bundle could not read: named in manifest.json, so the bundle says what it lacks. */
  inputsNotRead?: Array<{ name: string; reason: string }>;
  /** Yen per unit of a foreign currency, typed in by the holder where no page or CSV shows a rate. */
  rates?: Record<string, number>;
}

/** An alert as the report reads it, whatever its stored shape. */
export interface AlertView {
  id: string;
  broker?: string;
  at?: string;
  severity: string;
  title: string;
  /** A catalogue message (utils/records/alert.ts Msg), rendered per language by the report. */
  titleMsg?: unknown;
  eventIds: string[];
  eventAts: string[];
  verdict?: 'mine' | 'not-mine';
  record: Loose;
}

/** An event's place in the case (utils/case): not the user's, a suspect, or the user's own. */
export interface EventFlag {
  notMine: boolean;
  mine: boolean;
  /** Flagged and not answered yet. */
  suspect?: boolean;
  alertIds: string[];
  severity?: string;
}

export interface EvidenceData {
  scope: EvidenceScope;
  logins: LoginEvent[];
  orders: OrderEvent[];
  visits: Visit[];
  alerts: AlertView[];
  incidents: Loose[];
  environments: Loose[];
  accountEvents: Loose[];
  holdings: Loose[];
  snapshots: Snapshot[];
  captureLog: CaptureLogEntry[];
  /** By login / order / account-event id: the case (utils/case/case.ts). */
  flags: Map<string, EventFlag>;
  /**
   * Every order of the scope's brokers up to its end: where the shares a case
   * sold were bought (an incident's period holds the sales, never the purchases
   * of years before). The damage statement's lots come from these.
   */
  lotOrders?: OrderEvent[];
  /** Tables that exist in this store (the report says which were not available). */
  tables: string[];
}
