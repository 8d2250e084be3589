// Builds an evidence bundle from files instead of the extension's store: saved
// broker pages (HTML / MHTML), broker CSV exports and scenario files are
// ingested into a fresh in-memory store through the extension's own ingest
// path, then exported exactly as the extension exports.
//
//   npm run -s bundle -- --out FILE.zip [options] INPUT...
// Exit code: 0; 1 when an input could not be read (the bundle is still made
// from the rest); 2 on a usage error or when nothing could be read.

import 'fake-indexeddb/auto';
import { createWriteStream, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brokerById } from '../utils/brokers';
import type { BrokerId } from '../utils/brokers/types';
import { BROKER_IDS } from '../utils/brokers/registry';
import { parseHtml } from '../utils/dom/parse-html';
import { writeEvidenceBundle } from '../utils/evidence/bundle';
import { ingestInputs } from '../utils/evidence/inputs';
import type { EvidenceScope } from '../utils/evidence/types';
import { KabuGuardDB } from '../utils/store/db';
import { visible } from '../utils/text/visible';

/** Past this an input is not read at all (a page is refused at 32 MB when read: utils/analyze/limits.ts). */
const MAX_INPUT_BYTES = 256 * 1024 * 1024;

const USAGE = `usage: npm run -s bundle -- --out FILE.zip [options] INPUT...
  INPUT            saved broker pages (.html, .mhtml), broker CSV exports (.csv), scenario files
                   (.json, scenario/1 or scenario/2 with installedAt, account changes and answers)
  --out FILE.zip   where to write the bundle
  --url URL        the address saved pages came from (when the file does not say)
  --broker ID      only this broker (${BROKER_IDS.join(', ')}); also the broker of pages that name none
  --from DATE      only from this day / time (YYYY-MM-DD is a JST day; or ISO 8601 with offset)
  --to DATE        only up to this day / time
  --incident ID    only what this incident is about
  --mask           mask account numbers and names (snapshot bodies are then withheld)
  --mask-name NAME also mask this name wherever it appears (repeatable)`;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function dayOrIso(v: string, end: boolean): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v}T${end ? '23:59:59' : '00:00:00'}+09:00`;
  return Number.isNaN(Date.parse(v)) || !/(Z|[+-]\d{2}:\d{2})$/.test(v) ? undefined : v;
}

async function main(argv: string[]): Promise<number> {
  let out: string | undefined;
  let url: string | undefined;
  let broker: BrokerId | undefined;
  const scope: EvidenceScope = {};
  let mask = false;
  const names: string[] = [];
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => argv[++i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (a === '--out') out = value();
    else if (a === '--url') url = value();
    else if (a === '--broker') {
      const id = value();
      if (!id || !brokerById(id)) return usage(`unknown broker ${id ?? ''}`);
      broker = id as BrokerId;
      scope.broker = broker;
    } else if (a === '--from' || a === '--to') {
      const v = value();
      const iso = v ? dayOrIso(v, a === '--to') : undefined;
      if (!iso) return usage(`${a} needs YYYY-MM-DD or an ISO time with offset`);
      scope[a === '--from' ? 'from' : 'to'] = iso;
    } else if (a === '--incident') {
      const v = value();
      if (!v) return usage('--incident needs an id');
      scope.incidentId = v;
    } else if (a === '--mask') mask = true;
    else if (a === '--mask-name') {
      const v = value();
      if (!v) return usage('--mask-name needs a name');
      names.push(v);
      mask = true;
    } else if (a === '--') {
      inputs.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-')) return usage(`unknown option ${a}`);
    else inputs.push(a);
  }
  if (!out) return usage('--out FILE.zip is required');
  if (!inputs.length) return usage('no input files given');

  const db = new KabuGuardDB(`kabu-guard-cli-${process.pid}-${Date.now()}`);
  let code = 0;
  const files = [];
  const notRead: Array<{ name: string; reason: string }> = [];
  for (const path of inputs) {
    try {
      if (statSync(path).size > MAX_INPUT_BYTES)
        throw Object.assign(new Error(), { code: `larger than ${MAX_INPUT_BYTES >> 20} MB` });
      files.push({ name: path, bytes: new Uint8Array(readFileSync(path)) });
    } catch (e) {
      const reason = `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`;
      process.stderr.write(`bundle: ${path}: ${reason}\n`);
      notRead.push({ name: path, reason });
      code = 1;
    }
  }
  const reports = await ingestInputs(db, files, { ...(url ? { url } : {}), ...(broker ? { broker } : {}) }, parseHtml);
  for (const r of reports) {
    process.stderr.write(visible(`${r.ok ? 'read' : 'NOT READ'}  ${r.name}  (${r.kind}: ${r.note})\n`));
    if (!r.ok) {
      code = 1;
      notRead.push({ name: r.name, reason: r.note });
    }
  }
  if (!reports.some((r) => r.ok)) {
    process.stderr.write('bundle: nothing could be read; no bundle written\n');
    return 2;
  }

  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const partial = `${out}.partial`;
  const stream = createWriteStream(partial);
  try {
    const summary = await writeEvidenceBundle(
      db,
      {
        scope,
        ...(notRead.length ? { inputsNotRead: notRead } : {}),
        ...(mask ? { mask: { accountNumbers: true, names: true, extraNames: names } } : {}),
        environment: {
          extensionName: 'Kabu Guard (command line)',
          extensionVersion: pkg.version,
          userAgent: `Node.js ${process.version} (${process.platform}; ${process.arch})`,
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        },
      },
      (chunk) =>
        new Promise<void>((resolve, reject) => {
          stream.write(chunk, (err) => (err ? reject(err) : resolve()));
        }),
    );
    await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
    renameSync(partial, out);
    process.stdout.write(
      `wrote ${out}: ${summary.files.length} files, ${summary.bytes} bytes\n` +
        `logins ${summary.counts.logins}, orders ${summary.counts.orders}, snapshots ${summary.counts.snapshots}\n` +
        `ZIP SHA-256: ${summary.zipSha256}\n` +
        `fingerprint (SHA-256 of SHA256SUMS): ${summary.fingerprint}\n` +
        (notRead.length ? `left out (named in manifest.json inputsNotRead): ${notRead.length} inputs\n` : ''),
    );
  } catch (e) {
    stream.destroy();
    rmSync(partial, { force: true });
    process.stderr.write(`bundle: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  } finally {
    db.close();
  }
  return code;
}

function usage(problem: string): number {
  process.stderr.write(`bundle: ${problem}\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then((c) => {
  process.exitCode = c;
});
