// Addresses as brokers print them → prefixes, country, hosting network.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTING_NETWORKS } from './data/hosting-networks';
import { countryOf, providerOf } from './geo';
import { netOf, parseIp, wideOf } from './ip';

describe('parseIp', () => {
  it.each([
    ['126.208.1.183', '126.208.1.0/24', '126.208.0.0/16'],
    ['１２６．２０８．１．１８３', '126.208.1.0/24', '126.208.0.0/16'],
    ['::ffff:126.208.1.183', '126.208.1.0/24', '126.208.0.0/16'],
    ['2400:4050:a1b2:300::1', '2400:4050:a1b2::/48', '2400:4050::/32'],
    ['240b:10:2a0:100:0:0:0:1', '240b:10:2a0::/48', '240b:10::/32'],
  ])('%s', (text, net, wide) => {
    const ip = parseIp(text)!;
    expect(netOf(ip)).toBe(net);
    expect(wideOf(ip)).toBe(wide);
  });
  it.each(['', '-', '126.208.1', '256.1.1.1', '1::2::3', 'localhost'])('rejects %j', (t) => {
    expect(parseIp(t)).toBeUndefined();
  });
});

describe('bundled tables', () => {
  it.each([
    ['36.110.14.22', 'CN'],
    ['203.198.7.9', 'HK'],
    ['126.208.1.183', 'JP'],
    ['1.66.20.3', 'JP'],
    ['2400:4050:a1b2::1', 'JP'],
    ['8.8.8.8', 'US'],
    ['192.0.2.10', undefined],
    ['2001:db8::1', undefined],
  ])('country of %s is %s', (ip, cc) => {
    expect(countryOf(parseIp(ip)!)).toBe(cc);
  });
  it.each([
    ['13.112.20.5', 'Amazon Web Services', 'cloud'],
    ['45.76.99.3', 'Vultr', 'cloud'],
    ['219.100.37.1', 'VPN Gate (SoftEther)', 'vpn'],
    ['104.16.1.1', 'Cloudflare (WARP)', 'proxy'],
    ['126.208.1.183', undefined, undefined],
  ])('provider of %s is %s', (ip, label, kind) => {
    const p = providerOf(parseIp(ip)!);
    expect(p?.label).toBe(label);
    expect(p?.kind).toBe(kind);
  });
  it('the country table stays within its 1.5 MB budget', () => {
    expect(statSync(join(__dirname, 'data', 'geo-country.json')).size).toBeLessThanOrEqual(1.5 * 1024 * 1024);
  });
  it.each([
    ['49.212.34.5', 'さくらインターネット'],
    ['133.167.20.9', 'さくらインターネット'],
    ['160.16.80.2', 'さくらインターネット'],
    ['160.251.14.20', 'GMOインターネット (ConoHa)'],
    ['133.130.101.7', 'GMOインターネット (ConoHa)'],
    ['162.43.30.4', 'エックスサーバー (Xserver)'],
    ['183.90.230.11', 'エックスサーバー (Xserver)'],
  ])('the Japanese VPS address %s is %s', (ip, label) => {
    expect(providerOf(parseIp(ip)!)?.label).toBe(label);
  });
});

// The hosting list against its source (@ip-location-db/asn, a dev dependency): every range the listed
// ASes announce is in the bundled table, and no AS of the Japanese VPS providers is left out.
describe('hosting list against @ip-location-db/asn', () => {
  const csv = join(__dirname, '..', '..', 'node_modules', '@ip-location-db', 'asn', 'asn-ipv4-num.csv');
  const rows = readFileSync(csv, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [start, end, asn] = l.split(',');
      return { start: Number(start), end: Number(end), asn: Number(asn), org: l.split(',').slice(3).join(',') };
    });
  const dotted = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
  it.each(HOSTING_NETWORKS.map((n) => [n.label, n.asns] as const))('%s: every announced IPv4 range', (label, asns) => {
    const ranges = rows.filter((r) => asns.includes(r.asn));
    expect(ranges.length).toBeGreaterThan(0);
    for (const r of ranges) {
      expect(providerOf(parseIp(dotted(r.start))!)?.label, dotted(r.start)).toBe(label);
      expect(providerOf(parseIp(dotted(r.end))!)?.label, dotted(r.end)).toBe(label);
    }
  });
  it.each([
    [/SAKURA Internet Inc/, 'さくらインターネット'],
    [/^"?GMO Internet/, 'GMOインターネット (ConoHa)'],
    [/^"?GMO GlobalSign Holdings/, 'GMOグローバルサイン (旧GMOクラウド)'],
    [/^"?Xserver Inc/, 'エックスサーバー (Xserver)'],
    [/^"?KDDI Web Communications/, 'KDDIウェブコミュニケーションズ (CPI)'],
  ])('every AS of %s is listed as %s', (org, label) => {
    const listed = HOSTING_NETWORKS.find((n) => n.label === label)!.asns;
    const found = new Set(rows.filter((r) => org.test(r.org)).map((r) => r.asn));
    expect([...found].sort()).toEqual([...listed].sort());
  });
});
