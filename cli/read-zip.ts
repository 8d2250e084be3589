// A ZIP's central directory, checked against its bytes (the verifier's own
// reading, verify-core.ts): for tests and tools that need entry offsets.

import { listZip as list, type ZipEntry } from './verify-zip';

export type { ZipEntry };

export function listZip(bytes: Uint8Array): ZipEntry[] {
  return list(bytes).entries;
}
