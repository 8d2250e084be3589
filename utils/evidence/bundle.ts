// The evidence bundle: one ZIP a non-expert hands over and anyone can check.
//
// Layout and what covers what (decided once, documented in report.html too):
//   content files     report.html, report.en.html, verify.html, data/*,
//                     snapshots/*, capture-log.jsonl
//   manifest.json     lists every content file (path, size, SHA-256) plus the
//                     export time, extension version, user agent, time zone;
//                     the export time lives here only
//   datapackage.json  lists every content file and manifest.json (WACZ-like:
//                     a signature / RFC 3161 timestamp over it can be added
//                     later as datapackage-digest.json without a new format)
//   SHA256SUMS        every file but itself, in `sha256sum -c` format
// Files are hashed as they are written and never touched afterwards; the
// capture log is read before the export and the 'export' entry (with the
// bundle's fingerprint = SHA-256 of SHA256SUMS) is appended after.

import { toJstIso } from '../brokers/shared/dates';
import { sha256Hex } from '../crypto';
import type { Snapshot } from '../records';
import { appendLog, verifyCaptureLog } from '../store/capture-log';
import type { KabuGuardDB } from '../store/db';
import { caseJson, caseOf } from './case';
import { collectEvidence } from './collect';
import { damageJson, damageStatement } from './damage';
import { csvPieces, dataTables, extraJsonTables, jsonPieces } from './data-files';
import { isMasking, maskRecord, NO_MASK } from './mask';
import { renderReport } from './report';
import type { AlertView, EvidenceData, EvidenceOptions } from './types';
import { verifyPageHtml } from './verify-page';
import { HashingZip, type BundleFile, type BundleSink } from './zip-writer';

export const BUNDLE_FORMAT = 'kabu-guard.evidence/1';

export interface BundleSummary {
  files: BundleFile[];
  /** SHA-256 of SHA256SUMS. */
  fingerprint: string;
  /** SHA-256 of the ZIP file: what the user records outside the bundle (e-mail to oneself). */
  zipSha256: string;
  /** The last capture-log entry inside the bundle; a later bundle whose chain holds it shows the log unchanged to there. */
  chainHead: { seq: number; hash: string } | null;
  bytes: number;
  exportedAt: string;
  counts: Record<string, number>;
}

const EXT: Record<string, string> = {
  'text/html': 'html',
  'text/csv': 'csv',
  'application/json': 'json',
  'text/plain': 'txt',
  'application/pdf': 'pdf',
};

export function snapshotBodyPath(s: Snapshot): string {
  const fromName = /\.([A-Za-z0-9]{1,5})$/.exec(s.fileName ?? '')?.[1]?.toLowerCase();
  return `snapshots/${s.sha256}.${fromName ?? EXT[s.mediaType.split(';')[0]!.trim()] ?? 'bin'}`;
}

const safe = (id: string) => id.replace(/[^A-Za-z0-9._-]/g, '_');

function maskData(d: EvidenceData, options: EvidenceOptions): EvidenceData {
  const m = options.mask ?? NO_MASK;
  if (!isMasking(m)) return d;
  return {
    ...d,
    logins: maskRecord(d.logins, m),
    orders: maskRecord(d.orders, m),
    visits: maskRecord(d.visits, m),
    alerts: d.alerts.map((a): AlertView => ({
      ...a,
      title: maskRecord(a.title, m, 'title'),
      ...(a.titleMsg ? { titleMsg: maskRecord(a.titleMsg, m) } : {}),
      record: maskRecord(a.record, m),
    })),
    incidents: maskRecord(d.incidents, m),
    environments: maskRecord(d.environments, m),
    accountEvents: maskRecord(d.accountEvents, m),
    holdings: maskRecord(d.holdings, m),
    snapshots: d.snapshots.map((s) => ({
      ...s,
      url: maskRecord(s.url, m, 'url'),
      ...(s.title ? { title: maskRecord(s.title, m, 'title') } : {}),
      ...(s.fileName ? { fileName: maskRecord(s.fileName, m, 'fileName') } : {}),
    })),
  };
}

export function bundleFileName(exportedAt: string, broker?: string): string {
  const stamp = exportedAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `kabu-guard-evidence-${broker ? `${broker}-` : ''}${stamp}.zip`;
}

/** Where the export is: bench/evidence.ts measures memory between them (with a forced GC). */
export type ExportPhase = 'collected' | 'snapshot' | 'snapshots' | 'data' | 'case' | 'capture-log' | 'pages' | 'end';

/**
 * Writes the bundle to `sink` chunk by chunk; appends the 'export' entry to the capture log after.
 * One snapshot body is held at a time, hashed once; CSV and JSON are made and hashed in batches.
 */
export async function writeEvidenceBundle(
  db: KabuGuardDB,
  options: EvidenceOptions,
  sink: BundleSink,
  onPhase: (p: ExportPhase) => void | Promise<void> = () => {},
): Promise<BundleSummary> {
  const exportedAt = options.exportedAt ?? toJstIso(Date.now());
  const masked = isMasking(options.mask);
  const raw = await collectEvidence(db, options.scope);
  await onPhase('collected');
  const data = maskData(raw, options);
  const log = raw.captureLog;
  const logCheck = { ...(await verifyCaptureLog(log)), count: log.length };
  const zip = new HashingZip(sink, new Date(exportedAt));

  // 1. snapshots: the bytes as stored (unless masked), then their description
  const storeCheck = { checked: 0, mismatched: [] as string[], missing: [] as string[] };
  const bodiesWritten = new Map<string, string>();
  for (const s of data.snapshots) {
    let bodyPath: string | null = null;
    let recomputed: string | undefined;
    const body = await db.snapshotBodies.get(s.sha256);
    if (!body) storeCheck.missing.push(s.id);
    else {
      recomputed = await sha256Hex(body.bytes);
      storeCheck.checked++;
      if (recomputed !== s.sha256) storeCheck.mismatched.push(s.id);
      if (!masked) {
        bodyPath = bodiesWritten.get(s.sha256) ?? snapshotBodyPath(s);
        if (!bodiesWritten.has(s.sha256)) {
          // the bytes' own hash, just computed: a second pass over the body would only repeat it
          await zip.addBytes(bodyPath, body.bytes, s.mediaType, undefined, recomputed);
          bodiesWritten.set(s.sha256, bodyPath);
        }
      }
    }
    const meta = {
      format: 'kabu-guard.evidence.snapshot/1',
      id: s.id,
      broker: s.broker,
      pageKind: s.pageKind,
      url: s.url,
      ...(s.title ? { title: s.title } : {}),
      capturedAt: s.capturedAt,
      capturedAtUtc: new Date(s.capturedAt).toISOString(),
      how: s.how,
      charset: s.charset,
      storedEncoding: s.storedEncoding,
      mediaType: s.mediaType,
      ...(s.fileName ? { fileName: s.fileName } : {}),
      sha256: s.sha256,
      size: s.size,
      body: bodyPath,
      ...(masked
        ? { bodyWithheld: 'masked bundle: the original can be handed over separately and checked against sha256' }
        : {}),
      ...(!body ? { bodyMissing: true } : recomputed !== s.sha256 ? { storedHashMismatch: recomputed } : {}),
      redactions: s.redactions,
      parse: s.parse,
    };
    await zip.addText(`snapshots/${safe(s.id)}.meta.json`, JSON.stringify(meta, null, 1) + '\n', 'application/json');
    await onPhase('snapshot');
  }
  await onPhase('snapshots');

  // 2. records
  for (const t of dataTables(data)) {
    await zip.addStream(`data/${t.name}.csv`, csvPieces(t), 'text/csv');
    await zip.addStream(`data/${t.name}.json`, jsonPieces(t), 'application/json');
  }
  for (const t of extraJsonTables(data)) await zip.addStream(`data/${t.name}.json`, jsonPieces(t), 'application/json');
  await onPhase('data');
  // the case and its damage statement as data; the report is rendered from the same two values
  const caseFile = caseOf(data);
  const damage = damageStatement({
    case: caseFile,
    orders: data.lotOrders ?? data.orders,
    holdings: data.holdings,
    ...(options.rates ? { rates: options.rates } : {}),
  });
  await zip.addText('data/case.json', JSON.stringify(caseJson(caseFile), null, 1) + '\n', 'application/json');
  await zip.addText('data/damage.json', JSON.stringify(damageJson(damage), null, 1) + '\n', 'application/json');
  await onPhase('case');

  // 3. the capture log as it was before this export
  await zip.addStream(
    'capture-log.jsonl',
    (function* () {
      for (let i = 0; i < log.length; i += 500)
        yield log
          .slice(i, i + 500)
          .map((e) => JSON.stringify(e) + '\n')
          .join('');
    })(),
    'application/jsonl',
  );
  await onPhase('capture-log');

  // 4. pages
  await zip.addText('verify.html', await verifyPageHtml(), 'text/html');
  const later = ['verify.html', 'report.html', 'report.en.html', 'manifest.json', 'datapackage.json', 'SHA256SUMS'];
  const reportInput = {
    data,
    caseFile,
    damage,
    masked,
    snapshotsWithheld: masked && data.snapshots.length > 0,
    logCheck,
    storeCheck,
    files: [...zip.files.map((f) => f.path), ...later],
    contextRows: options.contextRows ?? 3,
  };
  await zip.addText('report.html', renderReport({ ...reportInput, lang: 'ja' }), 'text/html');
  await zip.addText('report.en.html', renderReport({ ...reportInput, lang: 'en' }), 'text/html');
  await onPhase('pages');

  // 5. manifest, datapackage, SHA256SUMS: each covers what came before it
  const counts = {
    logins: data.logins.length,
    orders: data.orders.length,
    visits: data.visits.length,
    alerts: data.alerts.length,
    accountEvents: data.accountEvents.length,
    holdings: data.holdings.length,
    snapshots: data.snapshots.length,
    snapshotBodies: bodiesWritten.size,
    captureLogEntries: log.length,
  };
  const content = [...zip.files];
  const manifest = {
    format: BUNDLE_FORMAT,
    exportedAt,
    exportedAtUtc: new Date(exportedAt).toISOString(),
    extension: { name: options.environment.extensionName, version: options.environment.extensionVersion },
    userAgent: options.environment.userAgent,
    timeZone: options.environment.timeZone,
    scope: data.scope,
    masking: {
      accountNumbers: !!options.mask?.accountNumbers,
      names: !!options.mask?.names,
      extraNames: options.mask?.extraNames?.length ?? 0,
      snapshotBodiesWithheld: masked,
    },
    counts,
    captureLog: {
      entries: log.length,
      chainIntact: logCheck.ok,
      ...(logCheck.brokenAt ? { brokenAt: logCheck.brokenAt } : {}),
      lastHash: log[log.length - 1]?.hash ?? null,
    },
    snapshotStoreCheck: storeCheck,
    ...(options.inputsNotRead?.length ? { inputsNotRead: options.inputsNotRead } : {}),
    coverage:
      'manifest.json lists every file of the bundle except itself, datapackage.json and SHA256SUMS. datapackage.json lists those and manifest.json. SHA256SUMS lists every file except itself.',
    hashAlgorithm: 'SHA-256',
    files: content.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256, mediaType: f.mediaType })),
  };
  const manifestFile = await zip.addText('manifest.json', JSON.stringify(manifest, null, 1) + '\n', 'application/json');
  const datapackage = {
    profile: 'data-package',
    name: 'kabu-guard-evidence',
    title: 'Kabu Guard evidence bundle',
    format: BUNDLE_FORMAT,
    software: `${options.environment.extensionName} ${options.environment.extensionVersion}`,
    manifest: 'manifest.json',
    resources: [...content, manifestFile].map((f) => ({
      name: f.path.split('/').pop(),
      path: f.path,
      hash: `sha256:${f.sha256}`,
      bytes: f.size,
      mediatype: f.mediaType,
    })),
  };
  await zip.addText('datapackage.json', JSON.stringify(datapackage, null, 1) + '\n', 'application/json');
  const sums = zip.files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
  const sumsBytes = new TextEncoder().encode(sums);
  await zip.addBytes('SHA256SUMS', sumsBytes, 'text/plain', true);
  await zip.end();
  await onPhase('end');

  const fingerprint = await sha256Hex(sumsBytes);
  await appendLog(db, {
    type: 'export',
    detail: {
      fingerprint,
      zipSha256: zip.sha256,
      manifestSha256: manifestFile.sha256,
      files: zip.files.length,
      bytes: zip.bytesWritten,
      scope: data.scope,
      masked,
      exportedAt,
    },
  });
  const last = log[log.length - 1];
  return {
    files: zip.files,
    fingerprint,
    zipSha256: zip.sha256,
    chainHead: last ? { seq: last.seq, hash: last.hash } : null,
    bytes: zip.bytesWritten,
    exportedAt,
    counts,
  };
}

/**
 * A sink that gathers the ZIP into a Blob. Chunks are folded into a Blob
 * every megabyte (a Blob made of Blobs does not copy them again), so the
 * bundle is held about once, not once as chunks and again as the Blob.
 */
export function blobSink(): { sink: BundleSink; blob: () => Blob } {
  const parts: Blob[] = [];
  let chunks: Uint8Array[] = [];
  let pending = 0;
  const fold = () => {
    if (chunks.length) parts.push(new Blob(chunks as BlobPart[]));
    chunks = [];
    pending = 0;
  };
  return {
    sink: (c) => {
      chunks.push(c);
      pending += c.length;
      if (pending >= 1 << 20) fold();
    },
    blob: () => {
      fold();
      return new Blob(parts, { type: 'application/zip' });
    },
  };
}

/** For the extension pages: the bundle as a Blob (downloaded through a Blob URL and <a download>). */
export async function exportEvidence(db: KabuGuardDB, options: EvidenceOptions): Promise<Blob> {
  const out = blobSink();
  await writeEvidenceBundle(db, options, out.sink);
  return out.blob();
}
