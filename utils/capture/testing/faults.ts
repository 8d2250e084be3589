// Fault injection for the store (issue 11's permanent fault classes), as Dexie
// middleware: every write request to IndexedDB is one step, and so is every
// effect outside it (a notification, the badge) that calls `effect`. At the
// chosen step
//   stop:  the worker stops: that write and everything after it fails, as if
//          the service worker were killed there (its open transaction aborts);
//   quota: that one write is refused with a QuotaExceededError, as a full disk
//          does, and the rest goes on.
// Test code, not shipped.

import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { KabuGuardDB } from '../../store/db';

export type FaultKind = 'stop' | 'quota';

export interface FaultPlan {
  kind: FaultKind;
  /** 1-based index of the write to fail, among writes `only` accepts. */
  at: number;
  only?: (table: string, req: DBCoreMutateRequest) => boolean;
}

export class WorkerStopped extends Error {
  override name = 'WorkerStopped';
}

export interface Faults {
  /** Steps seen so far (all of them, whether `only` accepted them or not). */
  readonly writes: number;
  /** The tables written and effects run, in order (one entry per step). */
  readonly trace: string[];
  readonly stopped: boolean;
  /** Where the fault fired (a table, or `effect:<name>`), once it has. */
  readonly firedAt: string | undefined;
  /** Arms a fault, counting from now. */
  arm(plan: FaultPlan | undefined): void;
  /** A step outside the database (a notification shown): counted for stops; throws once stopped. */
  effect(name: string): void;
}

/** Installs the middleware on a database that is not open yet. */
export function injectFaults(db: KabuGuardDB, plan?: FaultPlan): Faults {
  let current = plan;
  let counted = 0;
  let stopped = false;
  let firedAt: string | undefined;
  const trace: string[] = [];
  const dead = () => Promise.reject(new WorkerStopped('the worker stopped'));
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'faults',
    create: (down) => ({
      ...down,
      table(name: string): DBCoreTable {
        const t = down.table(name);
        return {
          ...t,
          get: (req) => (stopped ? dead() : t.get(req)),
          getMany: (req) => (stopped ? dead() : t.getMany(req)),
          query: (req) => (stopped ? dead() : t.query(req)),
          openCursor: (req) => (stopped ? dead() : t.openCursor(req)),
          count: (req) => (stopped ? dead() : t.count(req)),
          mutate(req) {
            if (stopped) return dead();
            trace.push(name);
            if (current && (!current.only || current.only(name, req)) && ++counted === current.at) {
              const kind = current.kind;
              current = undefined;
              firedAt = name;
              if (kind === 'stop') {
                stopped = true;
                return dead();
              }
              return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            }
            return t.mutate(req);
          },
        };
      },
    }),
  };
  db.use(middleware);
  return {
    get writes() {
      return trace.length;
    },
    trace,
    get stopped() {
      return stopped;
    },
    get firedAt() {
      return firedAt;
    },
    arm(p) {
      current = p;
      counted = 0;
    },
    effect(name) {
      if (stopped) throw new WorkerStopped('the worker stopped');
      trace.push(`effect:${name}`);
      if (current?.kind === 'stop' && !current.only && ++counted === current.at) {
        current = undefined;
        stopped = true;
        firedAt = `effect:${name}`;
        throw new WorkerStopped('the worker stopped');
      }
    },
  };
}
