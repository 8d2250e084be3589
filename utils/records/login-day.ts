import type { BrokerId } from '../brokers/types';
import type { LoginEvent } from './login-event';

/**
 * How logins are stored (schema version 4, issue 13 item 1): one record per
 * broker and day of the login's own `at` (its date as written, JST), holding
 * that day's LoginEvents whole, oldest first. IndexedDB's cost is per record
 * (~190 µs in Chromium on a quiet machine, bench/run.ts (c)), so a page of a
 * thousand logins is a few dozen writes, not a thousand. A row keeps its id
 * and provenance. A row is found by its broker and time (its day's key); there
 * is no index of ids (one entry per row cost as much as the records).
 * Read only through utils/store/logins.ts.
 */
export interface LoginDay {
  v: 1;
  /** `${broker}|${day}` */
  id: string;
  broker: BrokerId;
  /** YYYY-MM-DD: the first ten characters of every row's `at`. */
  day: string;
  /** The rows' ids, in the rows' order. */
  ids: string[];
  rows: LoginEvent[];
}
