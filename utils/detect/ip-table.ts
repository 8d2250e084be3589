// Reader of the compact range tables that scripts/build-geo.ts writes
// (format `kabu-guard/ip-ranges/1`): decoded once, on first lookup, into
// sorted typed arrays and searched by bisection.

import { inflateSync } from 'fflate';
import type { ParsedIp } from './ip';

export interface RangeTableJson {
  format: string;
  source: string;
  licence: string;
  labels: string[];
  v4: { entries: number; data: string };
  v6: { entries: number; prefixBits: number; data: string };
}

interface Decoded {
  starts: Float64Array;
  labels: Uint8Array;
}

function base64Bytes(b64: string): Uint8Array {
  if (typeof atob === 'function') {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

function decode(part: { entries: number; data: string }): Decoded {
  const bytes = inflateSync(base64Bytes(part.data));
  const starts = new Float64Array(part.entries);
  const labels = new Uint8Array(part.entries);
  let pos = 0;
  let prev = 0;
  for (let i = 0; i < part.entries; i++) {
    let n = 0;
    let mul = 1;
    for (;;) {
      const b = bytes[pos++]!;
      n += (b & 127) * mul;
      if (b < 128) break;
      mul *= 128;
    }
    prev += n;
    starts[i] = prev;
    labels[i] = bytes[pos++]!;
  }
  return { starts, labels };
}

function find(d: Decoded, key: number): number {
  let lo = 0;
  let hi = d.starts.length - 1;
  if (hi < 0 || key < d.starts[0]!) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (d.starts[mid]! <= key) lo = mid;
    else hi = mid - 1;
  }
  return d.labels[lo]!;
}

export class RangeTable {
  private v4?: Decoded;
  private v6?: Decoded;
  constructor(private readonly json: RangeTableJson) {}

  /** The label of the range holding this address, or undefined. */
  lookup(ip: ParsedIp): string | undefined {
    let i: number;
    if (ip.family === 4) {
      this.v4 ??= decode(this.json.v4);
      i = find(this.v4, ip.n);
    } else {
      this.v6 ??= decode(this.json.v6);
      i = find(this.v6, ip.hi48);
    }
    return i === 0 ? undefined : this.json.labels[i];
  }

  get source(): string {
    return this.json.source;
  }
}
