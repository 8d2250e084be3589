// Checks an evidence bundle (the ZIP, or the folder it was unpacked into)
// with the same verifier as the bundle's verify.html and the extension's
// verify page (utils/evidence/verify-core.ts).
//
//   npm run -s verify -- [--recorded HASH]... FILE.zip | FOLDER
// --recorded: a value written down outside the bundle at export (the ZIP's
// SHA-256, the fingerprint or the chain head from the e-mail to oneself).
// Prints "all N files intact" and exits 0; otherwise names every file that
// was altered, is missing, was added or cannot be read, every inconsistency,
// and exits 1. Exit 2 on a usage error or a file that is not a readable ZIP
// (a ZIP bomb is refused before anything is inflated).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { verifyEntries, verifyZip, type VerifyResult } from './verify-zip';
import { visible } from '../utils/text/visible';

const USAGE = 'usage: npm run -s verify -- [--recorded HASH]... FILE.zip | FOLDER';

/** Every file under `root`, relative, with '/' (a loop, not recursion: folders may nest deep). */
function walk(root: string): string[] {
  const out: string[] = [];
  const todo = [''];
  while (todo.length) {
    const rel = todo.pop()!;
    for (const name of readdirSync(join(root, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(join(root, r)).isDirectory()) todo.push(r);
      else out.push(r);
    }
  }
  return out.sort();
}

function describeResult(r: VerifyResult): string[] {
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
  for (const p of r.problems) lines.push(`PROBLEM  ${p.en}`);
  if (r.chain.problem) lines.push(`PROBLEM  ${r.chain.problem.en}`);
  for (const n of r.notes) lines.push(`note: ${n.en}`);
  for (const x of r.recorded)
    lines.push(
      x.matches === 'zip'
        ? `RECORDED MATCHES  ${x.value} is this ZIP's SHA-256`
        : x.matches === 'fingerprint'
          ? `RECORDED MATCHES  ${x.value} is this bundle's fingerprint (SHA-256 of SHA256SUMS)`
          : x.matches === 'chain'
            ? `RECORDED MATCHES  ${x.value} is capture-log entry ${x.seq}: the log up to it is unchanged since then`
            : `RECORDED DIFFERS  ${x.value} is not this ZIP, its fingerprint or any capture-log entry`,
    );
  if (r.ok) lines.push(`all ${r.intact.length} files intact, and the bundle is self-consistent`);
  else
    lines.push(
      `NOT INTACT: ${r.altered.length} altered, ${r.missing.length} missing, ${r.extra.length} added, ` +
        `${r.unreadable.length} damaged, ${r.problems.length + (r.chain.ok ? 0 : 1)} other problems (${r.intact.length} intact)`,
    );
  if (r.zipSha256) lines.push(`ZIP SHA-256: ${r.zipSha256}`);
  if (r.fingerprint) lines.push(`fingerprint (SHA-256 of SHA256SUMS): ${r.fingerprint}`);
  if (r.chain.head) lines.push(`capture-log chain head: entry ${r.chain.head.seq}, ${r.chain.head.hash}`);
  if (r.ok && !r.recorded.some((x) => x.matches))
    lines.push(
      'note: this shows the files agree with each other. It cannot show on its own that nobody rebuilt the whole bundle: ' +
        'compare the ZIP SHA-256 or the chain head with the one you recorded outside it at export (--recorded).',
    );
  return lines;
}

async function main(argv: string[]): Promise<number> {
  const recorded: string[] = [];
  const targets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (a === '--recorded') {
      const v = argv[++i];
      if (!v || !/^[0-9a-fA-F]{64}$/.test(v.trim())) return usage('--recorded needs a SHA-256 (64 hex digits)');
      recorded.push(v.trim());
    } else if (a === '--') continue;
    else if (a.startsWith('-')) return usage(`unknown option ${a}`);
    else targets.push(a);
  }
  const target = targets[0];
  if (!target || targets.length > 1) return usage(target ? 'one bundle at a time' : 'no bundle given');
  let r: VerifyResult;
  try {
    if (statSync(target).isDirectory())
      r = await verifyEntries(
        walk(target),
        async (name) => new Uint8Array(readFileSync(join(target, name))),
        (name) => statSync(join(target, name)).size,
        { recorded },
      );
    else r = await verifyZip(new Uint8Array(readFileSync(target)), { recorded });
  } catch (e) {
    process.stderr.write(`verify: ${target}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  // names inside a ZIP are hostile: no escape sequence reaches the terminal
  process.stdout.write(visible(describeResult(r).join('\n')) + '\n');
  return r.ok ? 0 : 1;
}

function usage(problem: string): number {
  process.stderr.write(`verify: ${problem}\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then((c) => {
  process.exitCode = c;
});
