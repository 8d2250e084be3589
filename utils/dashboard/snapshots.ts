// Snapshots as the dashboard lists them, and a stored page as text for the
// viewer. The bytes are the evidence: they are decoded, never changed.

import { decodeBytes } from '../capture/decode';
import { rebuildFromSnapshots, type ParseHtml } from '../capture/ingest';
import type { Snapshot } from '../records';
import type { KabuGuardDB } from '../store/db';

export const SNAPSHOT_PAGE_SIZE = 30;

/** Newest first, one page (the capturedAt index, no full scan). */
export async function listSnapshots(
  db: KabuGuardDB,
  page = 0,
  size = SNAPSHOT_PAGE_SIZE,
): Promise<{ items: Snapshot[]; total: number }> {
  const [items, total] = await Promise.all([
    db.snapshots
      .orderBy('capturedAt')
      .reverse()
      .offset(page * size)
      .limit(size)
      .toArray(),
    db.snapshots.count(),
  ]);
  return { items, total };
}

/** The stored page as text (UTF-8 pages as stored, others decoded with their charset). */
export async function snapshotText(db: KabuGuardDB, s: Snapshot): Promise<string | undefined> {
  const body = await db.snapshotBodies.get(s.sha256);
  if (!body) return undefined;
  return s.storedEncoding === 'utf-8'
    ? new TextDecoder('utf-8').decode(body.bytes)
    : decodeBytes(body.bytes, s.charset, s.mediaType === 'text/csv' ? 'text' : 'html').text;
}

/**
 * The document for the sandboxed frame (`sandbox=""`: no scripts, no forms, a
 * unique origin). The CSP meta comes first so it governs the page: nothing is
 * fetched (no images, styles or frames from the broker), inline styles only.
 */
export const VIEWER_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";
export function sandboxedDocument(pageHtml: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${VIEWER_CSP}"><meta charset="utf-8">${pageHtml}`;
}

/**
 * Re-read every snapshot with the current parsers (after an update); logs a
 * 'rebuild' entry. What detection derived (environments, alerts, incidents) is
 * rebuilt from the new records, with the user's answers applied again.
 */
export async function reparseAll(
  db: KabuGuardDB,
  parseHtml: ParseHtml,
): Promise<{ snapshots: number; logins: number }> {
  const r = await rebuildFromSnapshots(db, parseHtml);
  const { rebuildDetection } = await import('../detect/engine');
  await rebuildDetection(db);
  return r;
}
