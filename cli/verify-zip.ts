// Node only (never bundled: it evaluates the core's text). The command line's and the tests' host for the one verifier (verify-core.ts):
// SHA-256 incrementally (sha256.ts) and inflate streamed in 64 KiB steps
// (fflate), so a ZIP entry is never held whole to be hashed and inflating
// stops the moment an entry goes past its declared size (issue 11 defect 7).

import { Inflate } from 'fflate';
import { sha256Hex } from '../utils/crypto';
import { Sha256 } from '../utils/evidence/sha256';
import { VERIFY_CORE_JS } from '../utils/evidence/verify-core';

export interface Said {
  ja: string;
  en: string;
}

export interface ChainCheck {
  ok: boolean;
  entries: number;
  /** The log starts at its first entry (prevHash all zeros). */
  genesis: boolean;
  head: { seq: number; hash: string } | null;
  brokenAt?: number;
  line?: number;
  problem?: Said;
}

export interface VerifyResult {
  /** Complete, unchanged against its own SHA256SUMS, and self-consistent; and every recorded value matched. */
  ok: boolean;
  intact: string[];
  altered: string[];
  missing: string[];
  extra: string[];
  unreadable: string[];
  /** Files whose manifest.json entry disagrees with SHA256SUMS. */
  manifestMismatch: string[];
  problems: Said[];
  notes: Said[];
  /** SHA-256 of SHA256SUMS, as recorded in the capture log at export. */
  fingerprint: string;
  /** SHA-256 of the ZIP file itself (empty for a folder). */
  zipSha256: string;
  chain: ChainCheck;
  snapshots: { checked: number };
  /** Each value given with `recorded`, and what in this bundle it matched (null: nothing). */
  recorded: Array<{ value: string; matches: 'zip' | 'fingerprint' | 'chain' | null; seq: number | null }>;
}

export interface VerifyOptions {
  /** Values the user recorded elsewhere at export: ZIP SHA-256, fingerprint or a chain head. */
  recorded?: string[];
}

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

interface Source {
  names: string[];
  problems?: Said[];
  read(name: string): Promise<Uint8Array>;
  hash(name: string): Promise<string>;
  size(name: string): number;
}

interface Core {
  LIMITS: Record<'entries' | 'entryBytes' | 'totalBytes' | 'ratio' | 'ratioFrom' | 'textBytes', number>;
  listZip(bytes: Uint8Array): { entries: ZipEntry[]; problems: Said[] };
  zipSource(bytes: Uint8Array): Source;
  checkChain(lines: string[]): Promise<ChainCheck>;
  verifyBundle(
    names: string[],
    src: Omit<Source, 'names'>,
    opts?: VerifyOptions & { zipSha256?: string },
  ): Promise<VerifyResult>;
  verifyZip(bytes: Uint8Array, opts?: VerifyOptions): Promise<VerifyResult>;
}

const STEP = 1 << 16;

/** Raw DEFLATE in steps; `onChunk` may throw to stop (past the declared size). */
async function inflate(data: Uint8Array, _declared: number, onChunk: (c: Uint8Array) => void): Promise<void> {
  let done = false;
  const inf = new Inflate((chunk, final) => {
    if (chunk.length) onChunk(chunk);
    if (final) done = true;
  });
  for (let i = 0; i < data.length || i === 0; i += STEP) {
    inf.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    if (done) break;
  }
  if (!done) throw new Error('damaged: the compressed data ends early');
}

// The core is plain JS text (it must travel inside verify.html); evaluated
// once here, the same text the pages run.
const core = new Function(`${VERIFY_CORE_JS}\nreturn kgVerifier;`)()({
  sha256: (b: Uint8Array) => sha256Hex(b),
  hasher: () => {
    const h = new Sha256();
    return { update: (c: Uint8Array) => h.update(c), digest: () => Promise.resolve(h.hex()) };
  },
  inflate,
}) as Core;

export const LIMITS = core.LIMITS;
export const listZip = (bytes: Uint8Array) => core.listZip(bytes);
export const checkChain = (lines: string[]) => core.checkChain(lines);

export function verifyZip(bytes: Uint8Array, opts: VerifyOptions = {}): Promise<VerifyResult> {
  return core.verifyZip(bytes, opts);
}

/** An unpacked bundle: file names relative to its folder, and how to read one. */
export function verifyEntries(
  names: string[],
  read: (name: string) => Promise<Uint8Array>,
  size: (name: string) => number,
  opts: VerifyOptions = {},
): Promise<VerifyResult> {
  return core.verifyBundle(names, { read, hash: async (n) => sha256Hex(await read(n)), size }, opts);
}
