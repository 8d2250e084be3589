// What "nothing lost, state consistent" means, checked over a whole database
// (issue 11's fault classes): every snapshot has its bytes; a snapshot is
// either owed its reading (not read, no records, no 'parse' entry) or read once, and
// then its status, its record count and its log entry agree; every record comes
// from a stored snapshot; the log chain verifies. Test code, not shipped.

import type { CaptureLogEntry, Snapshot } from '../../records';
import { verifyCaptureLog } from '../../store/capture-log';
import { NOT_READ, type KabuGuardDB } from '../../store/db';
import { allLogins } from '../../store/logins';

export async function inconsistencies(db: KabuGuardDB): Promise<string[]> {
  const problems: string[] = [];
  const [snapshots, log, pending, ...records] = await Promise.all([
    db.snapshots.toArray(),
    db.captureLog.orderBy('seq').toArray(),
    db.pending.toArray(),
    allLogins(db),
    db.orders.toArray(),
    db.holdings.toArray(),
    db.accountEvents.toArray(),
    db.loginObservations.toArray(),
  ]);
  const bodies = new Set(await db.snapshotBodies.toCollection().primaryKeys());
  const byId = new Map(snapshots.map((s) => [s.id, s]));
  const recordsOf = new Map<string, number>();
  for (const table of records)
    for (const r of table) {
      for (const id of r.snapshotIds) recordsOf.set(id, (recordsOf.get(id) ?? 0) + 1);
      if (!r.snapshotIds.some((id) => byId.has(id))) problems.push(`record ${r.id} from no stored snapshot`);
    }
  const chain = await verifyCaptureLog(log);
  if (!chain.ok) problems.push(`log chain broken at ${chain.brokenAt}`);
  const lastRebuild = log.filter((e) => e.type === 'rebuild').at(-1)?.seq ?? 0;
  const entries = (type: CaptureLogEntry['type'], s: Snapshot) =>
    log.filter((e) => e.type === type && e.detail.snapshotId === s.id);
  for (const s of snapshots) {
    if (!bodies.has(s.sha256)) problems.push(`snapshot ${s.id} without its body`);
    if (entries('capture', s).length !== 1)
      problems.push(`snapshot ${s.id}: ${entries('capture', s).length} capture entries`);
    const parses = entries('parse', s);
    const held = recordsOf.get(s.id) ?? 0;
    if (s.parse.parserVersion === NOT_READ) {
      if (!pending.some((p) => p.kind === 'read' && p.snapshotId === s.id))
        problems.push(`snapshot ${s.id} unread, not owed`);
      if (held) problems.push(`snapshot ${s.id} unread with ${held} records`);
      if (parses.length) problems.push(`snapshot ${s.id} unread with a parse entry`);
      continue;
    }
    if (pending.some((p) => p.kind === 'read' && p.snapshotId === s.id))
      problems.push(`snapshot ${s.id} read, still owed`);
    if (s.parse.records !== held)
      problems.push(`snapshot ${s.id}: status says ${s.parse.records} records, ${held} held`);
    // read once since the last rebuild; only a page that could not be read is read again (a re-imported file)
    const since = parses.filter((e) => e.seq > lastRebuild);
    if (since.slice(0, -1).some((e) => e.detail.status !== 'unreadable'))
      problems.push(`snapshot ${s.id} read ${since.length} times`);
    const last = parses.at(-1);
    if (!last && !lastRebuild) problems.push(`snapshot ${s.id} read without a parse entry`);
    else if (last && last.seq > lastRebuild && last.detail.status !== s.parse.status)
      problems.push(`snapshot ${s.id}: status ${s.parse.status}, log ${String(last.detail.status)}`);
  }
  for (const p of pending) {
    if (!byId.has(p.snapshotId) && p.kind === 'read') problems.push(`pending ${p.id} for no snapshot`);
    if (p.kind === 'detect') {
      const known = new Set(records.flat().map((r) => r.id));
      for (const id of p.eventIds ?? []) if (!known.has(id)) problems.push(`pending ${p.id}: event ${id} not stored`);
    }
  }
  return problems;
}
