// The evidence ZIP as the e2e tests check it in each browser: unpacked into a
// temporary folder, every snapshot present byte for byte, `sha256sum -c`
// clean, the report in Japanese with hostile broker text shown as text.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { expect } from 'vitest';
import type { Snapshot } from '../../utils/records';

/** The demo pages' hostile user agent, and how it must appear in stored or exported HTML. */
export const HOSTILE = '<img src=x onerror=alert(1)>';
export const HOSTILE_ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';

export interface CheckedBundle {
  /** Temporary folder: the ZIP's files are under `unpacked/`. */
  dir: string;
  files: Record<string, Uint8Array>;
  /** The same ZIP with one byte of data/logins.csv changed (for verify.html). */
  tamperedPath: string;
}

export function checkEvidenceZip(zipPath: string, snapshots: Snapshot[]): CheckedBundle {
  const dir = mkdtempSync(join(tmpdir(), 'kg-bundle-'));
  const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'unpacked', name)), { recursive: true });
    writeFileSync(join(dir, 'unpacked', name), bytes);
  }
  // the bundle holds the demo's records and every snapshot, byte for byte
  expect(new TextDecoder().decode(files['data/logins.csv'])).toContain('203.0.113.41');
  expect(snapshots.length).toBeGreaterThan(0);
  for (const s of snapshots)
    expect(Object.keys(files).some((f) => f.startsWith('snapshots/') && f.includes(s.sha256))).toBe(true);
  const sums = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(dir, 'unpacked'), encoding: 'utf8' });
  expect(sums).not.toMatch(/FAILED/);
  // the report is the case file a victim hands over: Japanese, and the hostile user agent is text
  const report = new TextDecoder().decode(files['report.html']);
  expect(report).toContain(HOSTILE_ESCAPED);
  expect(report).not.toContain(HOSTILE);
  const tampered = { ...files, 'data/logins.csv': files['data/logins.csv']!.slice() };
  tampered['data/logins.csv']![10] = tampered['data/logins.csv']![10]! ^ 1;
  const tamperedPath = join(dir, 'tampered.zip');
  writeFileSync(tamperedPath, zipSync(tampered));
  return { dir, files, tamperedPath };
}
