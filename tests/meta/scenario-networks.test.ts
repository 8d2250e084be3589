// The project's scenario/2 files stand for real people on real networks: every
// address lies in a block of tests/support/scenario-networks.json, in the AS
// @ip-location-db/asn gives that block, with the country and hosting label the
// bundled tables give it; every execution with a time falls in its market's
// hours on a trading day, and every order time comes before its execution.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { marketRegion } from '../../utils/brokers/shared/markets';
import { countryOf, providerOf } from '../../utils/detect/geo';
import { parseIp } from '../../utils/detect/ip';
import { isJpTradingDay, marketOpen } from '../../utils/detect/market-time';
import { ScenarioSchema } from '../../utils/detect/scenario';

const root = resolve(__dirname, '..', '..');
const dir = join(root, 'tests', 'scenarios');
const networks = JSON.parse(readFileSync(join(root, 'tests', 'support', 'scenario-networks.json'), 'utf8'))
  .networks as Record<string, { blocks: string[]; asn: number; country?: string; provider?: string }>;
const v2 = readdirSync(dir)
  .filter((n) => n.endsWith('.json'))
  .map((n) => ({ name: n, s: ScenarioSchema.parse(JSON.parse(readFileSync(join(dir, n), 'utf8'))) }))
  .filter((x) => x.s.format === 'scenario/2');

const num = (ip: string) => ip.split('.').reduce((a, b) => a * 256 + Number(b), 0);
const inBlock = (ip: string, block: string) => {
  const [base, bits] = block.split('/');
  const size = 2 ** (32 - Number(bits));
  return num(ip) >= num(base!) && num(ip) < num(base!) + size;
};
const asnRows = readFileSync(join(root, 'node_modules', '@ip-location-db', 'asn', 'asn-ipv4-num.csv'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => l.split(',').slice(0, 3).map(Number) as [number, number, number]);
function asnOf(ip: string): number | undefined {
  const n = num(ip);
  let lo = 0;
  let hi = asnRows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (asnRows[mid]![0] <= n) lo = mid;
    else hi = mid - 1;
  }
  const r = asnRows[lo]!;
  return r[0] <= n && n <= r[1] ? r[2] : undefined;
}

describe('scenario/2 files', () => {
  it('there are at least twenty, attacks and ordinary lives', () => {
    expect(v2.length).toBeGreaterThanOrEqual(20);
    expect(new Set(v2.map((x) => x.s.kind))).toEqual(new Set(['attack', 'benign']));
  });

  it.each(v2.map((x) => [x.name, x.s] as const))('%s: addresses in the real blocks of their networks', (_n, s) => {
    const ips = new Set<string>();
    for (const step of s.steps) if (step.type === 'logins') for (const r of step.rows) if (r.ip) ips.add(r.ip);
    for (const ip of ips) {
      const net = Object.entries(networks).find(([, n]) => n.blocks.some((b) => inBlock(ip, b)));
      expect(net, `${ip} is in no listed network`).toBeDefined();
      const [name, n] = net!;
      expect(asnOf(ip), `${ip} (${name})`).toBe(n.asn);
      const p = parseIp(ip)!;
      if (n.country) expect(countryOf(p), `${ip} (${name})`).toBe(n.country);
      else expect(countryOf(p), `${ip} (${name})`).toBeDefined();
      expect(providerOf(p)?.label, `${ip} (${name})`).toBe(n.provider);
    }
  });

  it.each(v2.map((x) => [x.name, x.s] as const))('%s: executions on trading days, in market hours', (_n, s) => {
    for (const step of s.steps) {
      if (step.type !== 'orders') continue;
      for (const r of step.rows) {
        if ((r.status ?? 'executed') !== 'executed') continue;
        const region = marketRegion({ market: r.market, currency: r.currency, symbol: r.symbol });
        if (r.at.length === 10) {
          if (region === 'JP') expect(isJpTradingDay(r.at), `${r.at} ${r.symbol}`).toBe(true);
          continue;
        }
        expect(marketOpen(region, Date.parse(r.at)), `${r.at} ${r.market} ${r.symbol}`).toBe(true);
        if (r.orderedAt) expect(Date.parse(r.orderedAt)).toBeLessThanOrEqual(Date.parse(r.at));
      }
    }
  });
});
