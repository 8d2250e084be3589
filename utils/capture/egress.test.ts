// @vitest-environment happy-dom
// Egress (issue 11, a permanent test class): every request the extension can
// build goes to one of the broker hosts its adapter declares, over https, and
// nowhere else: checks between visits and the immediate re-read of a high alert
// (both planned by startCheck, fetched by runCheck), from the URLs of pages the
// user opened before, including hostile ones a broker page (or an attacker who
// can write into the database) could leave behind. There is no other request:
// `fetch` appears in utils/capture/check.ts only (checked below).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKERS } from '../brokers';
import { toJstIso } from '../brokers/shared/dates';
import type { BrokerAdapter } from '../brokers/types';
import { parseHtml } from '../dom/parse-html';
import { KabuGuardDB } from '../store/db';
import { recordVisit } from '../store/visits';
import { runCheck } from './check';
import { startCheck } from './check-plan';
import { CHECK_TIMING } from './check-timing';
import { ingestCapture } from './ingest';

const T0 = Date.parse('2025-04-10T12:30:00+09:00');
const HISTORY = `<html><head><title>ログイン履歴</title></head><body><a href="/app/logout.do">ログアウト</a><h2>ログイン履歴</h2>
<table><tr><th>ログイン日時</th><th>ログイン方法</th></tr><tr><td>2025/04/10 12:29</td><td>PC</td></tr></table></body></html>`;

/** Stored page URLs a hostile page or database could hold, for a broker whose member host is `host`. */
const hostile = (host: string): string[] => [
  `https://${host}//evil.example/app/login_history.do`,
  `https://${host}///evil.example/app/login_history.do?eventType=init`,
  `https://${host}/\\evil.example/app/login_history.do`,
  `https://${host}/%2F%2Fevil.example/app/login_history.do`,
  `https://${host}/..//evil.example/app/login_history.do`,
  `https://${host}/app/login_history.do;BV_SessionID=x@evil.example/`,
  `https://${host}@evil.example/app/login_history.do`,
  `https://evil.example/app/login_history.do`,
  `https://${host}.evil.example/app/login_history.do`,
  `http://${host}/app/login_history.do`,
  `https://${host}:8443/app/login_history.do`,
  `https://${host}/app/login_history.do#@evil.example`,
  `https://${host}/app/login_history.do?next=https://evil.example/`,
];

interface Seen {
  url: string;
  origin: string;
}

async function requestsFor(adapter: BrokerAdapter, tabUrl: string, stored: string[], force: boolean): Promise<Seen[]> {
  const db = new KabuGuardDB(`egress-${Math.random()}`);
  for (const [i, url] of stored.entries())
    await ingestCapture(
      db,
      {
        broker: adapter.id,
        url,
        how: 'visit',
        charset: 'utf-8',
        html: HISTORY,
        capturedAt: toJstIso(T0 - 1000 * (i + 1)),
      },
      parseHtml,
    );
  await recordVisit(db, adapter.id, tabUrl, T0);
  const check = await startCheck(db, adapter.id, tabUrl, T0 + 60_000, force, CHECK_TIMING);
  const seen: Seen[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = String(input);
    seen.push({ url, origin: new URL(url).origin });
    return new Response(HISTORY, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  }) as typeof fetch;
  if (check) await runCheck(adapter, check.targets, tabUrl, async () => undefined, fetchImpl);
  return seen;
}

const tabs: Record<string, string[]> = {
  rakuten: ['https://member.rakuten-sec.co.jp/app/home.do;BV_SessionID=ABC123.ee24?eventType=init'],
  sbi: ['https://site2.sbisec.co.jp/ETGate/', 'https://site.sbisec.co.jp/account/assets', 'https://k.sbisec.co.jp/'],
};

const cases = BROKERS.flatMap((adapter) =>
  (tabs[adapter.id] ?? [`https://${adapter.hosts[0]}/`]).flatMap((tab) =>
    [false, true].map((force) => [adapter.id, tab, force ? 'high-alert re-read' : 'check between visits'] as const),
  ),
);

describe('egress: every request goes to a host the adapter declares', () => {
  it('covers every broker of the registry', () => {
    expect(new Set(cases.map(([id]) => id))).toEqual(new Set(BROKERS.map((b) => b.id)));
  });

  it.each(cases)(
    '%s, tab %s, %s',
    async (id, tab, kind) => {
      const adapter = BROKERS.find((b) => b.id === id)!;
      const declared = new Set(adapter.hosts.map((h) => `https://${h}`));
      const host = new URL(tab).hostname;
      // hostile URLs first (the newest), on the tab's host and on another host of the broker (SBI's ETGate hosts
      // share pages), then a page really opened on the tab's host: the plan skips to a safe one
      const other = adapter.hosts.find((h) => h !== host) ?? host;
      const stored = [...hostile(host), ...hostile(other), `https://${host}/app/login_history.do?a=1`];
      const seen = await requestsFor(adapter, tab, stored, kind === 'high-alert re-read');
      expect(seen.length, 'the plan skips the hostile URLs to a page on the tab host').toBeGreaterThan(0);
      for (const r of seen) {
        expect(declared, r.url).toContain(r.origin);
        // on the live tab's own origin: the fetch runs there, with the user's session
        expect(r.origin, r.url).toBe(new URL(tab).origin);
        expect(new URL(r.url).pathname, r.url).not.toMatch(/^\/\//);
      }
    },
    30_000,
  );

  // issue 11 item 2: this stored URL became a request to evil.example carrying the live session id
  it('keeps a check of the stored //evil.example login history on member.rakuten-sec.co.jp', async () => {
    const rakuten = BROKERS.find((b) => b.id === 'rakuten')!;
    const seen = await requestsFor(
      rakuten,
      tabs.rakuten![0]!,
      ['https://member.rakuten-sec.co.jp//evil.example/app/login_history.do'],
      false,
    );
    expect(seen.length).toBeGreaterThan(0);
    for (const r of seen) expect(r.origin).toBe('https://member.rakuten-sec.co.jp');
    expect(seen.map((r) => r.url)).not.toContainEqual(expect.stringContaining('evil.example'));
  });

  it.each(hostile('member.rakuten-sec.co.jp'))('runCheck refuses a target off the tab origin: %s', async (url) => {
    const rakuten = BROKERS.find((b) => b.id === 'rakuten')!;
    const seen: string[] = [];
    const fetchImpl = (async (input: RequestInfo | URL) => {
      seen.push(String(input));
      return new Response(HISTORY, { headers: { 'content-type': 'text/html; charset=utf-8' } });
    }) as typeof fetch;
    await runCheck(rakuten, [{ kind: 'login-history', url }], tabs.rakuten![0]!, async () => undefined, fetchImpl);
    for (const r of seen) {
      expect(new URL(r).origin).toBe('https://member.rakuten-sec.co.jp');
      expect(new URL(r).pathname).not.toMatch(/^\/\/|%2f/i);
    }
  });

  it('builds requests in one place: no other fetch, XMLHttpRequest, beacon or socket in the shipped code', () => {
    const root = join(__dirname, '..', '..');
    const walk = (dir: string): string[] =>
      readdirSync(join(root, dir)).flatMap((n) => {
        const p = join(dir, n);
        if (statSync(join(root, p)).isDirectory()) return n === 'fixtures' || n === 'testing' ? [] : walk(p);
        return /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n) ? [p] : [];
      });
    const files = ['utils', 'entrypoints', 'components'].flatMap(walk);
    const requesting = files.filter((f) =>
      /\bfetch\s*\(|fetchImpl\s*\(|XMLHttpRequest|sendBeacon|new WebSocket|new EventSource/.test(
        readFileSync(join(root, f), 'utf8'),
      ),
    );
    expect(requesting).toEqual(['utils/capture/check.ts']);
  });
});
