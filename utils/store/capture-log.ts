// The append-only, hash-chained log. Each entry carries the hash of the one
// before, so a removed or edited entry breaks the chain (verifyCaptureLog).

import type { CaptureLogEntry } from '../records';
import { sha256Hex, ZERO_HASH } from '../crypto';
import { toJstIso } from '../brokers/shared/dates';
import type { KabuGuardDB } from './db';

type NewEntry = Pick<CaptureLogEntry, 'type' | 'detail'> & { at?: string };

let queue: Promise<unknown> = Promise.resolve();

function entryHashInput(e: Omit<CaptureLogEntry, 'hash'>): string {
  return JSON.stringify([e.v, e.seq, e.at, e.type, e.detail, e.prevHash]);
}

/** Appends in order; WebCrypto runs outside the IndexedDB transaction, so appends are serialised here. */
export function appendLog(db: KabuGuardDB, entry: NewEntry): Promise<CaptureLogEntry> {
  const run = async (): Promise<CaptureLogEntry> => {
    const last = await db.captureLog.orderBy('seq').last();
    const base = {
      v: 1 as const,
      seq: (last?.seq ?? 0) + 1,
      at: entry.at ?? toJstIso(Date.now()),
      type: entry.type,
      detail: entry.detail,
      prevHash: last?.hash ?? ZERO_HASH,
    };
    const full: CaptureLogEntry = { ...base, hash: await sha256Hex(entryHashInput(base)) };
    await db.captureLog.add(full);
    return full;
  };
  const p = queue.then(run, run);
  queue = p.catch(() => undefined);
  return p;
}

export async function verifyCaptureLog(entries: CaptureLogEntry[]): Promise<{ ok: boolean; brokenAt?: number }> {
  let prev = ZERO_HASH;
  for (const e of entries) {
    const { hash, ...rest } = e;
    if (e.prevHash !== prev || (await sha256Hex(entryHashInput(rest))) !== hash) return { ok: false, brokenAt: e.seq };
    prev = hash;
  }
  return { ok: true };
}
