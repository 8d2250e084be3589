// A streaming ZIP writer that hashes each file as it goes (fflate's Zip:
// one file in memory at a time; CSV/JSON are pushed in batches and hashed
// incrementally). Output chunks are handed to an async sink between files.

import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { sha256Hex } from '../crypto';
import { Sha256 } from './sha256';

export interface BundleFile {
  path: string;
  size: number;
  sha256: string;
  mediaType: string;
}

export type BundleSink = (chunk: Uint8Array) => void | Promise<void>;

/** Formats whose bytes are already compressed: stored as they are, not deflated again. */
export function isCompressed(b: Uint8Array): boolean {
  const s = (sig: number[]) => sig.every((x, i) => b[i] === x);
  return (
    s([0x50, 0x4b, 0x03, 0x04]) || // zip, xlsx
    s([0x1f, 0x8b]) || // gzip
    s([0x89, 0x50, 0x4e, 0x47]) || // png
    s([0xff, 0xd8, 0xff]) || // jpeg
    s([0x47, 0x49, 0x46, 0x38]) || // gif
    s([0x52, 0x49, 0x46, 0x46]) || // webp (RIFF)
    s([0x25, 0x50, 0x44, 0x46]) // pdf (streams inside are deflated)
  );
}

export class HashingZip {
  readonly files: BundleFile[] = [];
  private zip: Zip;
  private pending: Uint8Array[] = [];
  private error: Error | null = null;
  private written = 0;
  /** SHA-256 of the ZIP as written: the bundle's fingerprint the user records outside it. */
  private whole = new Sha256();
  private wholeHex = '';

  constructor(
    private sink: BundleSink,
    private mtime: Date,
  ) {
    this.zip = new Zip((err, chunk) => {
      if (err) this.error = err;
      else this.pending.push(chunk);
    });
  }

  get bytesWritten(): number {
    return this.written;
  }

  private async flush(): Promise<void> {
    if (this.error) throw this.error;
    const chunks = this.pending;
    this.pending = [];
    for (const c of chunks) {
      this.written += c.length;
      this.whole.update(c);
      // fflate hands out views into its larger working buffers: a kept view would keep the whole buffer alive
      await this.sink(c.byteLength === c.buffer.byteLength ? c : c.slice());
    }
  }

  private entry(path: string, deflate: boolean): ZipDeflate | ZipPassThrough {
    const f = deflate ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    f.mtime = this.mtime;
    this.zip.add(f);
    return f;
  }

  /**
   * A file held whole (snapshot bodies come out of IndexedDB whole anyway), pushed as one piece: the
   * deflated bytes, and so the ZIP's SHA-256, stay those of every earlier export of the same data.
   * `sha256`: the bytes' hash where the caller has just computed it.
   */
  async addBytes(
    path: string,
    bytes: Uint8Array,
    mediaType: string,
    deflate = !isCompressed(bytes),
    sha256?: string,
  ): Promise<BundleFile> {
    const file: BundleFile = { path, size: bytes.length, sha256: sha256 ?? (await sha256Hex(bytes)), mediaType };
    this.entry(path, deflate).push(bytes, true);
    this.files.push(file);
    await this.flush();
    return file;
  }

  addText(path: string, text: string, mediaType: string): Promise<BundleFile> {
    return this.addBytes(path, new TextEncoder().encode(text), mediaType, true);
  }

  /** A file produced in pieces (CSV, JSON of many records): never held whole. */
  async addStream(
    path: string,
    pieces: Iterable<string> | AsyncIterable<string>,
    mediaType: string,
  ): Promise<BundleFile> {
    const f = this.entry(path, true);
    const hash = new Sha256();
    const enc = new TextEncoder();
    let size = 0;
    for await (const piece of pieces) {
      if (!piece) continue;
      const bytes = enc.encode(piece);
      hash.update(bytes);
      size += bytes.length;
      f.push(bytes, false);
      await this.flush();
    }
    f.push(new Uint8Array(0), true);
    const file: BundleFile = { path, size, sha256: hash.hex(), mediaType };
    this.files.push(file);
    await this.flush();
    return file;
  }

  async end(): Promise<void> {
    this.zip.end();
    await this.flush();
    this.wholeHex = this.whole.hex();
  }

  /** After end(). */
  get sha256(): string {
    return this.wholeHex;
  }
}
