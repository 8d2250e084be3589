// Benchmark helper for the detector (bench/run.ts calls it):
//   - one detection pass for 20 new events over a 100,000-event history
//     (target ≤ 50 ms): the pure pass the engine runs after loading its window
//     (logins around the new events, all orders, the environments);
//   - the size of the bundled country table (target ≤ 1.5 MB).
// History: 95,000 logins (home PC, phone on mobile carriers, aggregator) and
// 5,000 orders over ~5 years; the environments are folded from it once, as
// the store keeps them.

import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { LoginEvent, OrderEvent } from '../utils/records';
import type { Environment } from '../utils/records/environment';
import { toJstIso } from '../utils/brokers/shared/dates';
import { assignIncidents, toAlerts } from '../utils/detect/alerts';
import { CONTEXT_MS, detect, type DetectionInput } from '../utils/detect/detect';
import { loginFacts } from '../utils/detect/facts';
import { foldLogin, newEnvironment } from '../utils/detect/profile';

export interface DetectBenchResult {
  historyEvents: number;
  newEvents: number;
  /** Wall-clock time of one pass. */
  passMs: { median: number; p95: number; runs: number };
  /** CPU time of one pass (this process; steadier than wall time on a busy machine). */
  passCpuMs: { median: number; p95: number };
  countryTableBytes: number;
  hostingTableBytes: number;
  targets: { passMs: number; countryTableBytes: number };
}

const DAY = 24 * 3600_000;
const START = Date.parse('2020-06-01T00:00:00+09:00');

function history(logins: number, orders: number) {
  const out: LoginEvent[] = [];
  const ord: OrderEvent[] = [];
  const perDay = logins / (5 * 365);
  let r = 42;
  const rand = () => (r = (r * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < logins; i++) {
    const t = START + (i / perDay) * DAY + rand() * 3600_000;
    const at = toJstIso(t);
    const k = i % 10;
    const base = {
      v: 1 as const,
      id: `login_sbi_${i}`,
      broker: 'sbi' as const,
      at,
      result: 'success' as const,
      raw: {},
      snapshotIds: ['s'],
      firstSeenAt: at,
      lastSeenAt: at,
    };
    if (k < 6)
      out.push({
        ...base,
        ip: `126.${[33, 55, 106][i % 3]}.${i % 250}.${(i * 7) % 250}`,
        os: 'Windows',
        browser: `Chrome ${120 + ((i / 5000) | 0)}`,
      });
    else if (k < 9)
      out.push({
        ...base,
        ip: `${['1.66', '49.96', '106.128', '182.248'][i % 4]}.${i % 250}.${(i * 3) % 250}`,
        os: 'iOS',
        browser: 'Safari',
      });
    else out.push({ ...base, channel: '他社サービスからログイン' });
  }
  for (let i = 0; i < orders; i++) {
    const at = toJstIso(START + (i / orders) * 5 * 365 * DAY);
    ord.push({
      v: 1,
      id: `order_sbi_${i}`,
      broker: 'sbi',
      at,
      side: i % 3 ? 'buy' : 'sell',
      market: i % 4 ? '東証' : 'NASDAQ',
      symbol: String(1000 + (i % 300)),
      quantity: 100,
      price: 1000 + (i % 500),
      currency: i % 4 ? '円' : '米ドル',
      status: 'executed',
      raw: {},
      snapshotIds: ['s'],
      firstSeenAt: at,
      lastSeenAt: at,
    });
  }
  return { logins: out, orders: ord };
}

export async function benchDetect(
  opts: { historyEvents?: number; newEvents?: number; runs?: number } = {},
): Promise<DetectBenchResult> {
  const total = opts.historyEvents ?? 100_000;
  const newCount = opts.newEvents ?? 20;
  const runs = opts.runs ?? 30;
  const { logins, orders } = history(total - Math.round(total / 20), Math.round(total / 20));
  const installedAt = logins[0]!.at;
  const installedMs = Date.parse(installedAt);

  // the stored environments: the history folded once (what the store keeps between passes)
  const envs = new Map<string, Environment>();
  for (const e of logins) {
    const f = loginFacts(e, installedMs);
    if (f.event.result !== 'success') continue;
    envs.set(f.envId, foldLogin(envs.get(f.envId) ?? newEnvironment(f, 'baseline', installedAt), f, installedAt));
  }

  // 20 new events on the last day: the user's evenings, a phone login, an attacker, failures, trades
  const lastMs = Date.parse(logins[logins.length - 1]!.at);
  const newLogins: LoginEvent[] = [];
  const newOrders: OrderEvent[] = [];
  for (let i = 0; i < newCount; i++) {
    const at = toJstIso(lastMs + 3600_000 + i * 60_000);
    const base = {
      v: 1 as const,
      id: `new_${i}`,
      broker: 'sbi' as const,
      at,
      raw: {},
      snapshotIds: ['s'],
      firstSeenAt: at,
      lastSeenAt: at,
    };
    if (i % 5 === 4)
      newOrders.push({
        ...base,
        side: 'buy',
        market: '香港',
        symbol: `0${8300 + i}`,
        quantity: 100000,
        price: 0.5,
        currency: 'HKドル',
        status: 'executed',
      });
    else if (i % 5 === 3)
      newLogins.push({ ...base, result: 'failure', ip: '45.76.99.3', os: 'Linux', browser: 'Chrome' });
    else
      newLogins.push({
        ...base,
        result: 'success',
        ip: i % 2 ? '36.110.14.22' : '126.55.1.1',
        os: 'Windows',
        browser: 'Chrome 140',
      });
  }
  // the checkpoint: the environments folded up to the last history day, as the engine keeps them
  const watermark = toJstIso(lastMs + 1000);
  const from = lastMs - CONTEXT_MS;
  const nearby = logins.filter((e) => Date.parse(e.at) >= from);
  const before = [...logins].reverse().find((e) => Date.parse(e.at) < from && !e.channel);
  const input: DetectionInput = {
    broker: 'sbi',
    now: toJstIso(lastMs + 2 * DAY),
    installedAt,
    base: { v: 1, watermark, envs: [...envs.values()] },
    logins: [...nearby, ...newLogins],
    ...(before ? { lastSuccessBefore: before.at } : {}),
    visits: nearby.filter((_, i) => i % 2 === 0).map((e) => toJstIso(Date.parse(e.at) + 60_000)),
    orders: [...orders, ...newOrders],
    accountEvents: [],
    answers: [],
    priorSeverity: new Map(),
  };

  const pass = () => {
    const { findings } = detect(input);
    const { created, updated } = toAlerts(findings, new Map(), input.now);
    assignIncidents([...created, ...updated], [], input.now);
  };
  pass(); // warm-up: decodes the IP tables once, as the first pass of a session does
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    pass();
    samples.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const pick = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.ceil(xs.length * q) - 1)]!;
  const data = join(import.meta.dirname ?? __dirname, '..', 'utils', 'detect', 'data');
  return {
    historyEvents: logins.length + orders.length,
    newEvents: newLogins.length + newOrders.length,
    passMs: { median: pick(samples, 0.5), p95: pick(samples, 0.95), runs },
    passCpuMs: { median: pick(cpu, 0.5), p95: pick(cpu, 0.95) },
    countryTableBytes: statSync(join(data, 'geo-country.json')).size,
    hostingTableBytes: statSync(join(data, 'hosting.json')).size,
    targets: { passMs: 50, countryTableBytes: 1.5 * 1024 * 1024 },
  };
}
