// The second batch of brokers (GMOクリック, SBIネオトレード, 岡三, みずほ, 岩井コスモ,
// 三菱UFJモルガン・スタンレー, 立花) in a real browser, under their real host names
// (every host resolves to the local server, tests/support/broker-server.ts): the one
// content script runs on each broker's host, gets that broker's page side from the
// background, records a visit on a top page (the one showing a previous-login banner: the
// banner is read on the page side, sense-page.ts, and the page is kept for it, a login
// observation), and a page of records is kept as a snapshot and read as its fixture says. The pages are the
// brokers' fixtures (utils/brokers/<id>/fixtures, each saying what is real).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoSite, SiteRequest, SiteResponse } from '../../demo/site/site';
import { fixtureFiles } from '../../utils/brokers/shared/testing';
import type { Snapshot, Visit } from '../../utils/records';
import { isChromiumServiceCall, startBrokerServer, type BrokerServer } from '../support/broker-server';
import { launchWithExtension, readTable, waitFor, type ExtensionBrowser } from '../support/chromium';

const EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');

// broker, its top page with the banner, a page of records
const PAGES: Array<[string, string, string]> = [
  ['gmoclick', 'home-banner.html', 'orders-inquiry.html'],
  ['sbineotrade', 'home-banner.html', 'trade-history.html'],
  ['okasan', 'home-banner.html', 'trade-history.html'],
  ['mizuho', 'home-banner.html', 'orders-inquiry.html'],
  ['iwaicosmo', 'home-banner.html', 'trade-history.html'],
  ['mumss', 'home-banner.html', 'holdings-list.html'],
  ['tachibana', 'home-banner.html', 'orders-list.html'],
];

interface Served {
  url: string;
  bytes: Uint8Array;
  charset: string;
  expected: { status: string; pageKind: string; orders?: unknown[]; holdings?: unknown[] };
}

function fixture(broker: string, name: string): Served {
  const dir = fileURLToPath(new URL(`../../utils/brokers/${broker}/fixtures`, import.meta.url));
  const f = fixtureFiles(dir).find((x) => x.name === name)!;
  const expected = JSON.parse(readFileSync(f.expectedPath, 'utf8'));
  return { url: expected.url, bytes: f.bytes, charset: f.charset, expected };
}

const served = PAGES.flatMap(([b, top, records]) => [fixture(b, top), fixture(b, records)]);
// by host, path and query: 岩井コスモ's application is one document whose views are hash routes, so its
// top page and its page of records share one address and the server answers the latter for both
const key = (host: string, pathAndQuery: string) => `${host}${pathAndQuery}`;
const byAddress = new Map(
  served.map((s) => {
    const u = new URL(s.url);
    return [key(u.host, u.pathname + u.search), s];
  }),
);

const site = {
  render(): SiteResponse {
    throw new Error('not used');
  },
  handle(req: SiteRequest): SiteResponse {
    const s = byAddress.get(key(req.host, req.url));
    if (!s) return { status: 404, headers: {}, body: new Uint8Array() };
    return {
      status: 200,
      headers: { 'content-type': `text/html; charset=${s.charset}`, 'cache-control': 'no-store' },
      body: s.bytes,
    };
  },
} as DemoSite;

let server: BrokerServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startBrokerServer({ site });
  browser = await launchWithExtension({ extensionDir: EXTENSION_DIR, args: server.chromiumArgs() });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the second batch of brokers in Chromium, under their real host names', () => {
  it.each(PAGES)(
    '%s: its top page records a visit and is kept for its banner; its page of records is kept and read',
    async (broker, top, records) => {
      const tab = await browser.context.newPage();
      try {
        await tab.goto(fixture(broker, top).url);
        await waitFor(`a ${broker} visit`, async () =>
          (await readTable<Visit>(browser.sw, 'visits')).find((v) => v.broker === broker),
        );
        // kept first, read after (utils/capture/ingest.ts): wait for the reading
        const kept = (pageKind: string) =>
          waitFor(`a ${broker} ${pageKind} snapshot`, async () =>
            (await readTable<Snapshot>(browser.sw, 'snapshots')).find(
              (s) =>
                s.broker === broker && s.how === 'visit' && s.pageKind === pageKind && s.parse.parserVersion !== 'none',
            ),
          );
        const page = fixture(broker, records);
        // the top page is kept for its banner: one login observation (岩井コスモ's top page shares its address
        // with its page of records, which the server answers for both)
        const [topUrl, recordsUrl] = [fixture(broker, top).url, page.url].map((u) => new URL(u));
        if (topUrl!.pathname + topUrl!.search !== recordsUrl!.pathname + recordsUrl!.search)
          expect(await kept('other')).toMatchObject({ parse: { status: 'ok', records: 1 } });
        await tab.goto(page.url);
        const snap = await kept(page.expected.pageKind);
        expect(snap).toMatchObject({
          pageKind: page.expected.pageKind,
          charset: page.charset,
          parse: {
            status: page.expected.status,
            records: (page.expected.orders?.length ?? 0) + (page.expected.holdings?.length ?? 0),
          },
        });
        expect(new URL(snap.url).pathname).toBe(new URL(page.url).pathname);
      } finally {
        await tab.close();
      }
    },
  );

  it('sent nothing anywhere but the broker hosts', () => {
    expect(server.foreignRequests().filter((r) => !isChromiumServiceCall(r))).toEqual([]);
  });
});
