// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { rakuten } from '../brokers/rakuten';
import { sbi } from '../brokers/sbi';
import { toJstIso } from '../brokers/shared/dates';
import { KabuGuardDB } from '../store/db';
import { recordVisit } from '../store/visits';
import type { CaptureMessage } from '../messaging/messages';
import { runCheck } from './check';
import { planCheck, recordCheckResult, recordCheckStart, startCheck } from './check-plan';
import { CHECK_TIMING } from './check-timing';
import { ingestCapture } from './ingest';
import { parseHtml } from '../dom/parse-html';
import { PAGE, placed, secret } from './fixtures/secret-page';

const T0 = Date.parse('2025-04-10T12:30:00+09:00');
const live = 'https://member.rakuten-sec.co.jp/app/home.do;BV_SessionID=ABC123.ee24?eventType=init';
const history = `<html><head><title>ログイン履歴</title></head><body><a href="/app/logout.do">ログアウト</a>
<table><tr><th>ログイン日時</th><th>ログイン方法</th></tr><tr><td>2025/04/10 12:29</td><td>PC</td></tr></table></body></html>`;

describe('planCheck', () => {
  it('is not due without a visit, then due, then too soon, then stops after the idle timeout', async () => {
    const db = new KabuGuardDB(`t-${Math.random()}`);
    expect((await planCheck(db, 'rakuten', live, T0)).reason).toBe('no-visit');
    await recordVisit(db, 'rakuten', live, T0);
    const plan = await planCheck(db, 'rakuten', live, T0 + 60_000);
    expect(plan.due).toBe(true);
    expect(plan.targets.map((t) => t.url)).toEqual([
      'https://member.rakuten-sec.co.jp/app/ass_trad_lst.do?eventType=init',
      'https://member.rakuten-sec.co.jp/app/home_login_history.do?eventType=init',
    ]);
    await recordCheckStart(db, 'rakuten', T0 + 60_000);
    expect((await planCheck(db, 'rakuten', live, T0 + 120_000)).reason).toBe('too-soon');
    // Rakuten logs out after 30 idle minutes: no check may keep the session open
    expect((await planCheck(db, 'rakuten', live, T0 + 31 * 60_000)).reason).toBe('session-idle');
  });

  it('hands the tab its targets with the live session put back, while stored URLs keep none', async () => {
    const db = new KabuGuardDB(`t-${Math.random()}`);
    await recordVisit(db, 'rakuten', live, T0);
    const request = await startCheck(db, 'rakuten', live, T0 + 60_000, false, CHECK_TIMING);
    expect(request?.targets).toEqual([
      {
        kind: 'trade-history',
        url: 'https://member.rakuten-sec.co.jp/app/ass_trad_lst.do;BV_SessionID=ABC123.ee24?eventType=init',
      },
      {
        kind: 'login-history',
        url: 'https://member.rakuten-sec.co.jp/app/home_login_history.do;BV_SessionID=ABC123.ee24?eventType=init',
      },
    ]);
    expect(JSON.stringify(await db.health.toArray())).not.toContain('ABC123');
  });

  it('re-reads the login-history page the user opened before, on the tab origin', async () => {
    const db = new KabuGuardDB(`t-${Math.random()}`);
    await ingestCapture(
      db,
      {
        broker: 'rakuten',
        how: 'visit',
        charset: 'utf-8',
        html: history,
        url: 'https://member.rakuten-sec.co.jp/app/login_history.do;BV_SessionID=OLD.1?eventType=init',
        capturedAt: toJstIso(T0 - 86_400_000),
      },
      parseHtml,
    );
    await recordVisit(db, 'rakuten', live, T0);
    const plan = await planCheck(db, 'rakuten', live, T0);
    expect(plan.targets).toContainEqual({
      kind: 'login-history',
      url: 'https://member.rakuten-sec.co.jp/app/login_history.do?eventType=init',
    });
  });

  it('offers SBI ETGate pages only on ETGate hosts', async () => {
    const db = new KabuGuardDB(`t-${Math.random()}`);
    await recordVisit(db, 'sbi', 'https://site.sbisec.co.jp/account/assets', T0);
    expect((await planCheck(db, 'sbi', 'https://site.sbisec.co.jp/account/assets', T0)).reason).toBe('no-targets');
    const onEtGate = await planCheck(db, 'sbi', 'https://site2.sbisec.co.jp/ETGate/', T0);
    expect(onEtGate.targets[0]?.url).toMatch(
      /^https:\/\/site2\.sbisec\.co\.jp\/ETGate\/\?_ControlID=WPLETagR001Control/,
    );
  });

  it('stops checking once a check found the user logged out, until the next visit', async () => {
    const db = new KabuGuardDB(`t-${Math.random()}`);
    const etgate = 'https://site2.sbisec.co.jp/ETGate/';
    await recordVisit(db, 'sbi', etgate, T0);
    await recordCheckResult(db, 'sbi', 'logged-out', undefined, T0 + 1000);
    expect((await planCheck(db, 'sbi', etgate, T0 + 6 * 60_000)).reason).toBe('logged-out');
    await recordVisit(db, 'sbi', etgate, T0 + 7 * 60_000);
    expect((await planCheck(db, 'sbi', etgate, T0 + 7 * 60_000)).reason).toBe('due');
  });

  it('records how the last check ended', async () => {
    const db = new KabuGuardDB(`t-${Math.random()}`);
    await recordVisit(db, 'sbi', 'https://site2.sbisec.co.jp/ETGate/', T0);
    await recordCheckResult(db, 'sbi', 'logged-out', undefined, T0 + 1000);
    expect(await db.health.get('sbi')).toMatchObject({ lastCheckStatus: 'logged-out' });
    expect((await db.health.get('sbi'))?.lastCheckOkAt).toBeUndefined();
  });
});

describe('runCheck', () => {
  const fakeFetch = (pages: Record<string, { body: Uint8Array | string; type: string }>) =>
    (async (input: RequestInfo | URL, init?: RequestInit) => {
      expect(init?.credentials).toBe('include');
      const page = pages[String(input)];
      if (!page) return new Response('not found', { status: 404 });
      return new Response(page.body as BodyInit, { headers: { 'content-type': page.type } });
    }) as typeof fetch;

  it('fetches the URL with the session startCheck put in, reads the page and sends a redacted background capture', async () => {
    const sent: CaptureMessage[] = [];
    const outcome = await runCheck(
      rakuten,
      [
        {
          kind: 'login-history',
          url: 'https://member.rakuten-sec.co.jp/app/login_history.do;BV_SessionID=ABC123.ee24?eventType=init',
        },
      ],
      live,
      async (m) => void sent.push(m),
      fakeFetch({
        'https://member.rakuten-sec.co.jp/app/login_history.do;BV_SessionID=ABC123.ee24?eventType=init': {
          body: history.replace('</body>', '<input type="hidden" name="t" value="SECRET"></body>'),
          type: 'text/html; charset=UTF-8',
        },
      }),
    );
    expect(outcome).toEqual({ status: 'ok', captured: 1 });
    expect(sent[0]).toMatchObject({ type: 'kg/capture', broker: 'rakuten', how: 'background' });
    expect(sent[0]!.html).not.toContain('SECRET');
  });

  // issue 11 item 8: a checked page is the broker's bytes, session ids included; it is kept through the same
  // allow-list as a visited page, never as fetched (utils/capture/serialize.ts)
  it('keeps a page fetched by a check through the same allow-list as a visit', async () => {
    const sent: CaptureMessage[] = [];
    // with the live session, as startCheck hands it over
    const url = 'https://member.rakuten-sec.co.jp/app/login_history.do;BV_SessionID=ABC123.ee24?eventType=init';
    const outcome = await runCheck(
      rakuten,
      [{ kind: 'login-history', url }],
      live,
      async (m) => void sent.push(m),
      fakeFetch({
        'https://member.rakuten-sec.co.jp/app/login_history.do;BV_SessionID=ABC123.ee24?eventType=init': {
          body: PAGE,
          type: 'text/html; charset=UTF-8',
        },
      }),
    );
    expect(outcome).toEqual({ status: 'ok', captured: 1 });
    expect(placed.filter(([i]) => sent[0]!.html.includes(secret(i))).map(([, where]) => where)).toEqual([]);
    expect(sent[0]!.redactions).toContain('session-ids');
  });

  it('decodes Shift_JIS by the response header and stops at a logged-out page', async () => {
    const expired =
      '<html><head><title>SBI証券</title></head><body>一定時間操作がありませんでしたので、セッションが切れました。再度ログインしてください。<form><input type="password" name="user_password"></form></body></html>';
    const outcome = await runCheck(
      sbi,
      [{ kind: 'executions', url: 'https://site2.sbisec.co.jp/ETGate/x' }],
      'https://site2.sbisec.co.jp/ETGate/',
      async () => undefined,
      fakeFetch({ 'https://site2.sbisec.co.jp/ETGate/x': { body: expired, type: 'text/html; charset=Shift_JIS' } }),
    );
    expect(outcome.status).toBe('logged-out');
  });

  it('reports HTTP failures', async () => {
    const outcome = await runCheck(
      sbi,
      [{ kind: 'executions', url: 'https://site2.sbisec.co.jp/ETGate/missing' }],
      'https://site2.sbisec.co.jp/ETGate/',
      async () => undefined,
      fakeFetch({}),
    );
    expect(outcome).toMatchObject({ status: 'failed', error: 'HTTP 404 for executions' });
  });
});
