// A CSV file becomes a Snapshot (bytes + hash + name, how: 'import',
// text/csv) and records, through the same ingest path as a page capture.
// The file is read completely before anything is stored: an unknown or
// unreadable file is refused and nothing is stored; a file already imported
// (same SHA-256) is not stored twice, and overlapping files add no duplicate
// orders (stable identities, utils/store/orders.ts). A file whose earlier
// import did not finish (a full disk, a worker stop, an older bug) is read
// again from the snapshot already stored (issue 11 item 4).

import { brokerOfCsvFormat } from '../brokers/registry';
import type { BrokerId } from '../brokers/types';
import { ingestCapture, readSnapshot, type CaptureResult } from '../capture/ingest';
import { sha256Hex } from '../crypto';
import type { Snapshot } from '../records';
import { NOT_READ, type KabuGuardDB } from '../store/db';
import { toOrderEvent } from '../store/orders';
import { readCsvFile } from './read-csv';

export interface ImportInput {
  name: string;
  bytes: Uint8Array;
  /** When the import happened (tests); now by default. */
  at?: string;
}

export type ImportResult =
  | {
      status: 'imported';
      format: string;
      broker: BrokerId;
      snapshot: Snapshot;
      orders: number;
      added: number;
      warnings: string[];
    }
  | { status: 'already-imported'; format: string; broker: BrokerId; snapshotId: string; orders: number }
  | { status: 'refused'; message: { ja: string; en: string }; warnings: string[] };

const notHtml = (): Document => {
  throw new Error('an imported CSV is not read as HTML');
};

export async function importFile(db: KabuGuardDB, input: ImportInput): Promise<ImportResult> {
  const name = input.name.split(/[\\/]/).pop() || input.name;
  const r = readCsvFile(input.bytes, name);
  if (!r.format || r.refusal || r.status === 'unreadable') {
    return {
      status: 'refused',
      message: r.refusal ?? { ja: `「${name}」を読み取れませんでした。`, en: `"${name}" could not be read.` },
      warnings: r.warnings,
    };
  }
  const broker = brokerOfCsvFormat(r.format.id);
  if (!broker) {
    return {
      status: 'refused',
      warnings: r.warnings,
      message: {
        ja: `「${name}」（${r.format.label.ja}）は読み取れますが、この証券会社の記録にはまだ対応していません。何も保存していません。`,
        en: `"${name}" (${r.format.label.en}) can be read, but records for this broker are not supported yet. Nothing was stored.`,
      },
    };
  }
  // every row must make a valid record before anything is stored
  try {
    r.orders.forEach((o, i) => toOrderEvent(broker, o, `check_${i}`, 'check', '2000-01-01T00:00:00+09:00'));
  } catch (err) {
    return {
      status: 'refused',
      warnings: r.warnings,
      message: {
        ja: `「${name}」に記録にできない行がありました。何も保存していません。`,
        en: `"${name}" has a row that cannot be stored. Nothing was stored.`,
      },
    };
  }
  const sha256 = await sha256Hex(input.bytes);
  const same = await db.snapshots
    .where('sha256')
    .equals(sha256)
    .filter((s) => s.how === 'import')
    .first();
  const finished = same && same.parse.parserVersion !== NOT_READ && same.parse.status !== 'unreadable';
  if (same && finished)
    return { status: 'already-imported', format: r.format.id, broker, snapshotId: same.id, orders: r.orders.length };
  const body = same && (await db.snapshotBodies.get(same.sha256));
  const result: CaptureResult =
    same && body
      ? await readSnapshot(db, same, body.bytes, notHtml, undefined, same.parse.parserVersion !== NOT_READ)
      : await ingestCapture(
          db,
          {
            broker,
            url: `import:${name}`,
            how: 'import',
            bytes: input.bytes,
            charset: r.charset,
            mediaType: 'text/csv',
            fileName: name,
            title: r.format.label.ja,
            ...(input.at ? { capturedAt: input.at } : {}),
          },
          notHtml,
        );
  return {
    status: 'imported',
    format: r.format.id,
    broker,
    snapshot: result.snapshot,
    orders: result.reading.orders.length,
    added: result.added,
    warnings: result.reading.warnings,
  };
}
