// Addresses as brokers print them → prefixes, country, hosting network.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
