// `npm run -s analyze` as a user runs it, on saved pages of the second batch of
// brokers saved without their address: the broker is told by the page's content,
// and the okasan CSV export is read as the extension imports it. utils/analyze/
// every-broker.test.ts covers every fixture of every broker, with its URL.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AnalyzeResult } from '../utils/analyze';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FILES: Array<[string, string, string, number]> = [
  // file, broker, page kind, records
  ['utils/brokers/gmoclick/fixtures/orders-inquiry.html', 'gmoclick', 'order-inquiry', 3],
  ['utils/brokers/sbineotrade/fixtures/trade-history.html', 'sbineotrade', 'trade-history', 2],
  ['utils/brokers/okasan/fixtures/trade-history.html', 'okasan', 'trade-history', 3],
  ['utils/import/fixtures/okasan/株式約定履歴_20201023.csv', 'okasan', 'trade-history', 59],
  ['utils/brokers/mizuho/fixtures/login-history.html', 'mizuho', 'login-history', 2],
  ['utils/brokers/iwaicosmo/fixtures/holdings-asset.html', 'iwaicosmo', 'holdings', 1],
  ['utils/brokers/mumss/fixtures/orders-inquiry.html', 'mumss', 'order-inquiry', 1],
  ['utils/brokers/tachibana/fixtures/home-banner.html', 'tachibana', 'other', 1],
];

describe('npm run analyze on the second batch of brokers', () => {
  it('names each broker and reads each page, without a URL', () => {
    const p = spawnSync('npx', ['tsx', 'cli/analyze.ts', ...FILES.map((f) => f[0])], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(p.status).toBe(0);
    const results = (JSON.parse(p.stdout) as { results: AnalyzeResult[] }).results;
    expect(
      results.map((r) => [
        r.file,
        r.broker,
        r.pageKind,
        r.logins.length + r.orders.length + r.holdings.length + r.accountEvents.length,
      ]),
    ).toEqual(FILES.map(([file, broker, kind, n]) => [file, broker, kind, n]));
    // the banner of tachibana's top page is a login marked as coming from the banner
    expect(results.at(-1)!.logins).toEqual([
      {
        at: '2025-10-09T21:03:00+09:00',
        result: 'success',
        source: 'banner',
        raw: { banner: '前回ログイン 2025/10/09 21:03' },
      },
    ]);
  }, 60_000);
});
