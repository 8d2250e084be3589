// Checks an evidence bundle (the ZIP, or the folder it was unpacked into)
// against its SHA256SUMS, the same rules as the bundle's verify.html.
//
//   npm run -s verify -- FILE.zip | FOLDER
// Prints "all N files intact" and exits 0; otherwise names every file that
// was altered, is missing, was added or cannot be read, and exits 1.
// Exit 2 on a usage error or a file that is not a ZIP.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { verifyEntries, verifyZip, type VerifyResult } from '../utils/evidence/verify';

const USAGE = 'usage: npm run -s verify -- FILE.zip | FOLDER';

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p, base) : [relative(base, p).split(sep).join('/')];
  });
}

async function main(argv: string[]): Promise<number> {
  const target = argv.filter((a) => a !== '--')[0];
  if (!target || target === '--help' || target === '-h') {
    process.stderr.write(`${USAGE}\n`);
    return target ? 0 : 2;
  }
  let r: VerifyResult;
  try {
    if (statSync(target).isDirectory())
      r = await verifyEntries(walk(target), async (name) => new Uint8Array(readFileSync(join(target, name))));
    else r = await verifyZip(new Uint8Array(readFileSync(target)));
  } catch (e) {
    process.stderr.write(`verify: ${target}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const lines: string[] = [];
  for (const [label, list] of [
    ['ALTERED', r.altered],
    ['MISSING', r.missing],
    ['ADDED', r.extra],
    ['DAMAGED', r.unreadable],
    ['MANIFEST DISAGREES', r.manifestMismatch],
  ] as const) {
    for (const path of list) lines.push(`${label}  ${path}`);
  }
  for (const n of r.notes) lines.push(`note: ${n}`);
  if (r.ok) lines.push(`all ${r.intact.length} files intact`);
  else
    lines.push(
      `NOT INTACT: ${r.altered.length} altered, ${r.missing.length} missing, ${r.extra.length} added, ${r.unreadable.length} damaged (${r.intact.length} intact)`,
    );
  if (r.fingerprint) lines.push(`fingerprint (SHA-256 of SHA256SUMS): ${r.fingerprint}`);
  process.stdout.write(lines.join('\n') + '\n');
  return r.ok ? 0 : 1;
}

main(process.argv.slice(2)).then((c) => {
  process.exitCode = c;
});
