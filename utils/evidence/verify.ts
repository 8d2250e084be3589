// Checks a bundle against its SHA256SUMS (the same rules as verify.html, which
// carries its own copy of them in plain JS): every listed file present and
// unchanged, nothing added, and manifest.json agreeing with SHA256SUMS.

import { sha256Hex } from '../crypto';
import { listZip, readEntry } from './read-zip';

/** May be added later next to the content (a signature / RFC 3161 timestamp over datapackage.json). */
export const RESERVED_FILES = ['datapackage-digest.json'];
export const SUMS_FILE = 'SHA256SUMS';

export interface VerifyResult {
  ok: boolean;
  intact: string[];
  altered: string[];
  missing: string[];
  extra: string[];
  unreadable: string[];
  /** Files whose manifest.json entry disagrees with SHA256SUMS. */
  manifestMismatch: string[];
  notes: string[];
  /** SHA-256 of SHA256SUMS: the bundle's fingerprint, recorded in the capture log at export. */
  fingerprint?: string;
}

export function parseSums(text: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.replace(/\r$/, ''));
    if (!m) return undefined;
    out.set(m[2]!, m[1]!);
  }
  return out;
}

export async function verifyEntries(
  names: string[],
  read: (name: string) => Promise<Uint8Array>,
): Promise<VerifyResult> {
  const r: VerifyResult = {
    ok: false,
    intact: [],
    altered: [],
    missing: [],
    extra: [],
    unreadable: [],
    manifestMismatch: [],
    notes: [],
  };
  const present = new Set(names.filter((n) => !n.endsWith('/')));
  if (!present.has(SUMS_FILE)) {
    r.missing.push(SUMS_FILE);
    r.notes.push('SHA256SUMS is missing: nothing can be checked');
    return r;
  }
  let sums: Map<string, string> | undefined;
  try {
    const bytes = await read(SUMS_FILE);
    r.fingerprint = await sha256Hex(bytes);
    sums = parseSums(new TextDecoder().decode(bytes));
  } catch {
    r.unreadable.push(SUMS_FILE);
  }
  if (!sums) {
    if (!r.unreadable.length) r.altered.push(SUMS_FILE);
    r.notes.push('SHA256SUMS cannot be read');
    return r;
  }
  const actual = new Map<string, string>();
  for (const [path, expected] of sums) {
    if (!present.has(path)) {
      r.missing.push(path);
      continue;
    }
    try {
      const hash = await sha256Hex(await read(path));
      actual.set(path, hash);
      (hash === expected ? r.intact : r.altered).push(path);
    } catch {
      r.unreadable.push(path);
    }
  }
  for (const name of present) {
    if (name === SUMS_FILE || sums.has(name)) continue;
    if (RESERVED_FILES.includes(name))
      r.notes.push(`${name} is present and not covered by SHA256SUMS (signature slot)`);
    else r.extra.push(name);
  }
  if (actual.get('manifest.json') === sums.get('manifest.json') && sums.has('manifest.json')) {
    try {
      const manifest = JSON.parse(new TextDecoder().decode(await read('manifest.json'))) as {
        files?: Array<{ path: string; sha256: string }>;
      };
      for (const f of manifest.files ?? []) if (sums.get(f.path) !== f.sha256) r.manifestMismatch.push(f.path);
    } catch {
      r.manifestMismatch.push('manifest.json');
    }
  }
  r.ok =
    !r.altered.length && !r.missing.length && !r.extra.length && !r.unreadable.length && !r.manifestMismatch.length;
  return r;
}

export async function verifyZip(bytes: Uint8Array): Promise<VerifyResult> {
  const entries = listZip(bytes);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const dupes = entries.length !== byName.size;
  const r = await verifyEntries([...byName.keys()], async (name) => readEntry(bytes, byName.get(name)!));
  if (dupes) {
    r.ok = false;
    r.notes.push('the ZIP holds two entries with the same name');
  }
  return r;
}
