// IP addresses as brokers print them (full-width digits included), reduced to
// what detection compares: a /24 (IPv4) or /48 (IPv6) "net", and a wider
// /16 or /32 "wide" network that ISP address churn usually stays inside.

export type ParsedIp =
  | { family: 4; n: number; text: string }
  | { family: 6; /** top 48 bits */ hi48: number; groups: number[]; text: string };

function parseV4(t: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(t);
  if (!m) return undefined;
  const o = m.slice(1).map(Number);
  if (o.some((x) => x > 255)) return undefined;
  return ((o[0]! * 256 + o[1]!) * 256 + o[2]!) * 256 + o[3]!;
}

function parseV6(t: string): number[] | undefined {
  let s = t.replace(/%.*$/, '').replace(/^\[|\]$/g, '');
  let tail: number[] = [];
  const v4 = /(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(s);
  if (v4) {
    const n = parseV4(v4[1]!);
    if (n === undefined) return undefined;
    tail = [Math.floor(n / 65536), n % 65536];
    s = s.slice(0, -v4[1]!.length);
    if (s.endsWith(':') && !s.endsWith('::')) s = s.slice(0, -1);
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const part = (x: string) => (x === '' ? [] : x.split(':'));
  const head = part(halves[0]!);
  const rest = halves.length === 2 ? part(halves[1]!) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  const words = [...head, ...rest].map((g) => parseInt(g, 16));
  const missing = 8 - words.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  return [
    ...head.map((g) => parseInt(g, 16)),
    ...Array<number>(halves.length === 2 ? missing : 0).fill(0),
    ...rest.map((g) => parseInt(g, 16)),
    ...tail,
  ];
}

/** Undefined for anything that is not one IPv4 or IPv6 address. */
export function parseIp(input: string | null | undefined): ParsedIp | undefined {
  if (!input) return undefined;
  const t = input.normalize('NFKC').trim().toLowerCase();
  if (!t) return undefined;
  const n4 = parseV4(t);
  if (n4 !== undefined) return { family: 4, n: n4, text: t };
  if (!t.includes(':')) return undefined;
  const g = parseV6(t);
  if (!g) return undefined;
  // IPv4-mapped (::ffff:a.b.c.d) is an IPv4 address
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return { family: 4, n: g[6]! * 65536 + g[7]!, text: t };
  return { family: 6, hi48: (g[0]! * 65536 + g[1]!) * 65536 + g[2]!, groups: g, text: t };
}

const octets = (n: number) => [
  Math.floor(n / 16777216) % 256,
  Math.floor(n / 65536) % 256,
  Math.floor(n / 256) % 256,
  n % 256,
];
const hex = (g: number) => g.toString(16);

/** `126.106.5.0/24` or `2400:4050:1a2b::/48`. */
export function netOf(ip: ParsedIp): string {
  if (ip.family === 4) {
    const o = octets(ip.n);
    return `${o[0]}.${o[1]}.${o[2]}.0/24`;
  }
  return `${hex(ip.groups[0]!)}:${hex(ip.groups[1]!)}:${hex(ip.groups[2]!)}::/48`;
}

/** `126.106.0.0/16` or `2400:4050::/32`: roughly the ISP's block. */
export function wideOf(ip: ParsedIp): string {
  if (ip.family === 4) {
    const o = octets(ip.n);
    return `${o[0]}.${o[1]}.0.0/16`;
  }
  return `${hex(ip.groups[0]!)}:${hex(ip.groups[1]!)}::/32`;
}

/** Private, loopback, link-local, CGNAT-internal and documentation ranges: no country. */
export function isSpecialUse(ip: ParsedIp): boolean {
  if (ip.family === 4) {
    const [a, b, c] = octets(ip.n) as [number, number, number, number];
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      a >= 224 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 192 && b === 0 && c === 2) ||
      (a === 198 && b === 51 && c === 100) ||
      (a === 203 && b === 0 && c === 113)
    );
  }
  const g0 = ip.groups[0]!;
  return (g0 === 0x2001 && ip.groups[1] === 0x0db8) || (g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfe80 || g0 === 0;
}
