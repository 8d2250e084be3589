// The append-only, hash-chained log. Each entry carries the hash of the one
// before, so a removed or edited entry breaks the chain (verifyCaptureLog).
//
// One writer at a time, by IndexedDB itself: an append reads the last entry and
// adds the next in one read-write transaction, which the browser serialises
// across every context (service worker, extension pages). The hash is computed
// synchronously (utils/evidence/sha256.ts) so it fits inside that transaction;
// WebCrypto would end it. Two contexts appending at once used to read the same
// last entry and collide (ConstraintError, issue 11 item 3).

import type { CaptureLogEntry } from '../records';
import { sha256Hex, ZERO_HASH } from '../crypto';
import { toJstIso } from '../brokers/shared/dates';
import { Sha256 } from '../evidence/sha256';
import type { KabuGuardDB } from './db';

type NewEntry = Pick<CaptureLogEntry, 'type' | 'detail'> & { at?: string };

function entryHashInput(e: Omit<CaptureLogEntry, 'hash'>): string {
  return JSON.stringify([e.v, e.seq, e.at, e.type, e.detail, e.prevHash]);
}

/**
 * Appends inside the caller's read-write transaction, which must include
 * `captureLog`: the entry commits, or not, with the writes it describes.
 */
export async function appendLogIn(db: KabuGuardDB, entry: NewEntry): Promise<CaptureLogEntry> {
  const last = await db.captureLog.orderBy('seq').last();
  const base = {
    v: 1 as const,
    seq: (last?.seq ?? 0) + 1,
    at: entry.at ?? toJstIso(Date.now()),
    type: entry.type,
    detail: entry.detail,
    prevHash: last?.hash ?? ZERO_HASH,
  };
  const full: CaptureLogEntry = {
    ...base,
    hash: new Sha256().update(new TextEncoder().encode(entryHashInput(base))).hex(),
  };
  await db.captureLog.add(full);
  return full;
}

/** Appends one entry in its own transaction (or the caller's, when it includes `captureLog`). */
export function appendLog(db: KabuGuardDB, entry: NewEntry): Promise<CaptureLogEntry> {
  return db.transaction('rw', db.captureLog, () => appendLogIn(db, entry));
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
