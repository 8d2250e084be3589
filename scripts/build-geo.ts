// Builds the offline IP tables the detector ships with, from npm packages that
// are devDependencies only (the extension never downloads anything):
//   utils/detect/data/geo-country.json  IPv4 + IPv6 (/48) → country,
//     from @ip-location-db/geo-whois-asn-country (CC BY 4.0, NRO)
//   utils/detect/data/hosting.json      IPv4 + IPv6 ranges of a curated list of
//     cloud / VPS / VPN networks (below), from @ip-location-db/asn (CC BY 4.0,
//     RouteViews, DB-IP, NRO). Attribution: utils/detect/data/NOTICE.md.
// Encoding (both): entries sorted by range start; each entry is the LEB128
// varint of (start − previous start) then one byte, an index into the label
// list (0 = not covered). IPv6 starts are the top 48 bits. The byte stream is
// deflated (fflate) and base64-encoded so that one JSON import works in Node,
// in Vitest and in the extension bundle.
// Run: npx tsx scripts/build-geo.ts

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'fflate';
import { HOSTING_NETWORKS } from '../utils/detect/data/hosting-networks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mod = (p: string) => join(root, 'node_modules', '@ip-location-db', p);
const out = (p: string) => join(root, 'utils', 'detect', 'data', p);

function varint(n: number, bytes: number[]): void {
  // n may exceed 2^32 (IPv6 /48 starts): no bitwise ops
  while (n >= 128) {
    bytes.push((n % 128) | 128);
    n = Math.floor(n / 128);
  }
  bytes.push(n);
}

interface Range {
  start: number;
  end: number;
  label: number;
}

/** Sorted, non-overlapping ranges → start/label entries with gaps as label 0, neighbours merged. */
function encode(ranges: Range[]): { bytes: Uint8Array; entries: number } {
  ranges.sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const labels: number[] = [];
  let covered = -1; // last address already covered
  for (const r of ranges) {
    if (r.end <= covered) continue;
    const s = Math.max(r.start, covered + 1);
    if (s > covered + 1 && labels.length && labels[labels.length - 1] !== 0) {
      starts.push(covered + 1);
      labels.push(0);
    }
    if (!labels.length || labels[labels.length - 1] !== r.label) {
      starts.push(s);
      labels.push(r.label);
    }
    covered = r.end;
  }
  starts.push(covered + 1);
  labels.push(0);
  const bytes: number[] = [];
  let prev = 0;
  for (let i = 0; i < starts.length; i++) {
    varint(starts[i]! - prev, bytes);
    bytes.push(labels[i]!);
    prev = starts[i]!;
  }
  return { bytes: Uint8Array.from(bytes), entries: starts.length };
}

function parseCsvLine(line: string): string[] {
  // the ASN files quote organisation names that contain commas
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

/** Top 48 bits of an IPv6 number as a JS number (exact below 2^53). */
const top48 = (v: bigint) => Number(v >> 80n);

function readRanges(file: string, v6: boolean, labelOf: (cells: string[]) => number): Range[] {
  const out: Range[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const cells = parseCsvLine(line);
    const label = labelOf(cells);
    if (label < 0) continue;
    if (v6) {
      const s = top48(BigInt(cells[0]!));
      const e = top48(BigInt(cells[1]!));
      out.push({ start: s, end: e, label });
    } else out.push({ start: Number(cells[0]), end: Number(cells[1]), label });
  }
  return out;
}

const b64 = (bytes: Uint8Array) => Buffer.from(deflateSync(bytes, { level: 9 })).toString('base64');

function buildCountries(): void {
  const codes: string[] = ['--'];
  const index = new Map<string, number>();
  const labelOf = (cells: string[]) => {
    const cc = (cells[2] ?? '').trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(cc)) return -1;
    let i = index.get(cc);
    if (i === undefined) {
      i = codes.length;
      codes.push(cc);
      index.set(cc, i);
    }
    return i;
  };
  const dir = mod('geo-whois-asn-country');
  const v4 = encode(readRanges(join(dir, 'geo-whois-asn-country-ipv4-num.csv'), false, labelOf));
  const v6 = encode(readRanges(join(dir, 'geo-whois-asn-country-ipv6-num.csv'), true, labelOf));
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const json = {
    format: 'kabu-guard/ip-ranges/1',
    source: `@ip-location-db/geo-whois-asn-country ${pkg.version}`,
    licence: 'CC BY 4.0, NRO (see NOTICE.md)',
    labels: codes,
    v4: { entries: v4.entries, data: b64(v4.bytes) },
    v6: { entries: v6.entries, prefixBits: 48, data: b64(v6.bytes) },
  };
  const text = JSON.stringify(json);
  writeFileSync(out('geo-country.json'), text + '\n');
  console.log(
    `geo-country.json: ${codes.length - 1} countries, v4 ${v4.entries} entries, v6 ${v6.entries} entries, ${(text.length / 1024).toFixed(0)} KiB`,
  );
}

function buildHosting(): void {
  const byAsn = new Map<number, number>();
  HOSTING_NETWORKS.forEach((n, i) => n.asns.forEach((a) => byAsn.set(a, i + 1)));
  const labelOf = (cells: string[]) => byAsn.get(Number(cells[2])) ?? -1;
  const dir = mod('asn');
  const v4 = encode(readRanges(join(dir, 'asn-ipv4-num.csv'), false, labelOf));
  const v6 = encode(readRanges(join(dir, 'asn-ipv6-num.csv'), true, labelOf));
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const json = {
    format: 'kabu-guard/ip-ranges/1',
    source: `@ip-location-db/asn ${pkg.version}`,
    licence: 'CC BY 4.0, RouteViews, DB-IP, NRO (see NOTICE.md)',
    labels: ['--', ...HOSTING_NETWORKS.map((n) => `${n.kind}:${n.label}`)],
    v4: { entries: v4.entries, data: b64(v4.bytes) },
    v6: { entries: v6.entries, prefixBits: 48, data: b64(v6.bytes) },
  };
  const text = JSON.stringify(json);
  writeFileSync(out('hosting.json'), text + '\n');
  console.log(
    `hosting.json: ${HOSTING_NETWORKS.length} networks, v4 ${v4.entries} entries, v6 ${v6.entries} entries, ${(text.length / 1024).toFixed(0)} KiB`,
  );
}

buildCountries();
buildHosting();
