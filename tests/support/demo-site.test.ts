// The demo broker's pages, as the server sends them (bytes and Content-Type),
// read by the real adapters through the same decoder and DOM the background
// uses. The e2e test relies on these readings; if a parser change stops reading
// a demo page, this fails before any browser starts.

import { describe, expect, it } from 'vitest';
import { DEMO_SESSION, DEMO_URLS, type DemoPage } from '../../demo/site/urls';
import { createDemoSite } from '../../demo/site/site';
import { brokerForUrl } from '../../utils/brokers';
import type { PageReading } from '../../utils/brokers/types';
import { decodeBytes } from '../../utils/capture/decode';
import { parseHtml } from '../../utils/dom/parse-html';
import { encodeShiftJis } from './shift-jis';

const HOSTILE = '<img src=x onerror=alert(1)>';
const site = createDemoSite();

function serve(page: DemoPage) {
  const u = new URL(DEMO_URLS[page]);
  const res = site.handle({ method: 'GET', host: u.hostname, url: DEMO_URLS[page].slice(u.origin.length) });
  const charset = /charset=([\w-]+)/i.exec(res.headers['content-type'] ?? '')?.[1];
  return { res, charset, decoded: decodeBytes(res.body, charset) };
}

function read(page: DemoPage): PageReading {
  const adapter = brokerForUrl(DEMO_URLS[page]);
  if (!adapter) throw new Error(`no adapter for ${page}`);
  return adapter.readPage(parseHtml(serve(page).decoded.text), DEMO_URLS[page]);
}

describe('demo site pages read by the adapters', () => {
  it.each<[DemoPage, 'rakuten' | 'sbi', PageReading['status'], PageReading['pageKind'], boolean, number, string]>([
    // the home page's 前回ログイン日時 is read (a login observation, no login rows)
    ['rakutenHome', 'rakuten', 'ok', 'other', true, 0, 'utf-8'],
    ['rakutenLoginHistory', 'rakuten', 'ok', 'login-history', true, 6, 'utf-8'],
    ['rakutenTradeHistory', 'rakuten', 'ok', 'trade-history', true, 0, 'utf-8'],
    ['rakutenSessionExpired', 'rakuten', 'not-logged-in', null, false, 0, 'utf-8'],
    ['sbiHome', 'sbi', 'unsupported', 'other', true, 0, 'shift_jis'],
    ['sbiLoginHistory', 'sbi', 'ok', 'login-history', true, 5, 'shift_jis'],
    ['sbiExecutionsToday', 'sbi', 'empty', 'executions', true, 0, 'shift_jis'],
    ['sbiBackupMenu', 'sbi', 'unsupported', 'other', true, 0, 'utf-8'],
    ['sbiBackupLoginHistory', 'sbi', 'ok', 'login-history', true, 3, 'utf-8'],
    ['sbiAssets', 'sbi', 'unsupported', 'other', true, 0, 'utf-8'],
    ['sbiForeignHome', 'sbi', 'unsupported', 'other', true, 0, 'utf-8'],
  ])(
    '%s: %s reads %s / %s, logged in %s, %i logins (%s)',
    (page, broker, status, pageKind, loggedIn, logins, charset) => {
      expect(serve(page).decoded.charset).toBe(charset);
      const r = read(page);
      expect(r).toMatchObject({ broker, status, pageKind, loggedIn });
      expect(r.logins).toHaveLength(logins);
    },
  );

  it.each<[DemoPage, string, string]>([
    ['rakutenLoginHistory', '2026-11-19T02:41:55+09:00', 'PC'],
    ['sbiLoginHistory', '2026-11-19T03:02:09+09:00', 'PC'],
    ['sbiBackupLoginHistory', '2026-11-16T23:47:00+09:00', ''],
  ])('%s keeps the hostile user agent as literal text (row %s)', (page, at, channel) => {
    const row = read(page).logins.find((l) => l.at === at);
    expect(row?.userAgent).toBe(HOSTILE);
    expect(row?.channel ?? '').toBe(channel);
    expect(serve(page).decoded.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(serve(page).decoded.text).not.toContain(HOSTILE);
  });

  it('reads the Shift_JIS ETGate login history with its Japanese intact', () => {
    const { res, decoded } = serve('sbiLoginHistory');
    expect(res.headers['content-type']).toBe('text/html; charset=Shift_JIS');
    // real Shift_JIS bytes: not valid UTF-8, and they decode back to the very text they came from
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(res.body)).toThrow();
    expect(encodeShiftJis(decoded.text)).toEqual(res.body);
    const logins = read('sbiLoginHistory').logins;
    expect(logins.map((l) => [l.at, l.result, l.ip, l.channel ?? null])).toEqual([
      ['2026-11-21T07:55:12+09:00', 'success', '203.0.113.41', 'PC'],
      ['2026-11-20T21:15:40+09:00', 'success', '198.51.100.23', 'スマートフォン（SBI証券 株アプリ）'],
      ['2026-11-19T03:02:09+09:00', 'failure', '192.0.2.199', 'PC'],
      ['2026-11-19T03:03:30+09:00', 'success', '192.0.2.199', 'PC'],
      ['2026-11-17T12:20:05+09:00', 'success', '203.0.113.41', 'PC'],
    ]);
    expect(logins[2]!.raw['結果']).toBe('失敗（パスワード誤り）');
  });

  it('reads the Rakuten login history channels, including aggregator logins', () => {
    const logins = read('rakutenLoginHistory').logins;
    expect(logins.map((l) => l.channel)).toEqual([
      'PC',
      'スマートフォン',
      '他社サービスからログイン',
      'PC',
      'PC',
      'スマートフォン',
    ]);
    expect(logins[2]!.userAgent).toBeUndefined();
  });

  it('serves the pages the extension re-reads between visits: Rakuten trade history, SBI executions (path form too)', () => {
    expect(read('rakutenTradeHistory').orders.map((o) => [o.at, o.side, o.symbol, o.quantity, o.account])).toEqual([
      ['2026-11-12T00:00:00+09:00', 'buy', '7203', 100, 'NISA成長投資枠'],
      ['2026-10-28T00:00:00+09:00', 'buy', '8410', 800, '特定'],
    ]);
    const pathForm = site.handle({
      method: 'GET',
      host: 'site2.sbisec.co.jp',
      url: '/ETGate/WPLETagR001Control/DefaultPID/DefaultAID?OutSide=on&getFlg=on',
    });
    expect(pathForm.page).toBe('site2.sbisec.co.jp/executions-today.sjis.html');
  });

  it('reads an IPv6 address on the backup site', () => {
    expect(read('sbiBackupLoginHistory').logins.map((l) => l.ip)).toEqual([
      '203.0.113.77',
      '203.0.113.41',
      '2001:db8:4a1:20::15',
    ]);
  });

  it('puts the live session id into Rakuten links, as the real site does (the snapshot must strip it)', () => {
    const html = serve('rakutenLoginHistory').decoded.text;
    expect(html).toContain(`/app/logout.do;BV_SessionID=${DEMO_SESSION}`);
  });

  it('answers an unknown Rakuten session with the 200 session-error page, whatever was asked for', () => {
    const res = site.handle({
      method: 'GET',
      host: 'member.rakuten-sec.co.jp',
      url: '/app/login_history.do;BV_SessionID=FFFF.ee24ea7f?eventType=init',
    });
    expect(res.status).toBe(200);
    expect(res.page).toBe('member.rakuten-sec.co.jp/session-error.html');
  });

  it('logs in through /app/Login.do with a fresh session and logs out of it', () => {
    const login = site.handle({ method: 'POST', host: 'member.rakuten-sec.co.jp', url: '/app/Login.do' });
    expect(login.status).toBe(302);
    const home = login.headers.location!;
    expect(home).toMatch(/^\/app\/home\.do;BV_SessionID=[0-9A-F]{32}\.ee24ea7f\?eventType=init$/);
    expect(site.handle({ method: 'GET', host: 'member.rakuten-sec.co.jp', url: home }).page).toBe(
      'member.rakuten-sec.co.jp/home.html',
    );
    const session = /BV_SessionID=([^?]+)/.exec(home)![1]!;
    site.handle({ method: 'GET', host: 'member.rakuten-sec.co.jp', url: `/app/logout.do;BV_SessionID=${session}` });
    expect(site.handle({ method: 'GET', host: 'member.rakuten-sec.co.jp', url: home }).page).toBe(
      'member.rakuten-sec.co.jp/session-error.html',
    );
  });

  it('is not a broker page where the extension runs: the public login page', () => {
    expect(brokerForUrl(DEMO_URLS.rakutenLogin)).toBeUndefined();
    expect(serve('rakutenLogin').res.status).toBe(200);
  });
});

describe('encodeShiftJis', () => {
  it.each(['ログイン履歴｜SBI証券', 'ｶﾀｶﾅ and ASCII', '①髙﨑'])('round-trips %s', (text) => {
    expect(new TextDecoder('shift_jis').decode(encodeShiftJis(text))).toBe(text);
  });

  it('refuses text Shift_JIS cannot carry instead of losing it', () => {
    expect(() => encodeShiftJis('emoji 😀')).toThrow(/not encodable/);
  });
});
