// The stored page a report is made of: the snapshot and its text, by id.

import { snapshotText } from '../dashboard/snapshots';
import type { Snapshot } from '../records';
import type { KabuGuardDB } from '../store/db';

export async function loadReportSource(
  db: KabuGuardDB,
  snapshotId: string,
): Promise<{ snapshot: Snapshot; html: string } | undefined> {
  const snapshot = await db.snapshots.get(snapshotId);
  if (!snapshot || snapshot.mediaType === 'text/csv') return undefined;
  const html = await snapshotText(db, snapshot);
  return html === undefined ? undefined : { snapshot, html };
}
