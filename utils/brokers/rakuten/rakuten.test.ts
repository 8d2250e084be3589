import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { BROKERS, brokerForUrl } from '../index';
import { pageSideOf } from '../page-sides';
import { urlKind } from '../shared/read-page';
import { fixtureSuite } from '../shared/testing';
import { rakuten } from './index';

fixtureSuite(rakuten, fileURLToPath(new URL('./fixtures', import.meta.url)));

const SID = ';BV_SessionID=1C7E5B2D8046A1E3C5B7D9F0A2C43F9A.ee24ea7f';

// Real URL shapes from brokers.md §1.1–1.2; the login-history path is invented (§1.4).
const OWN = [
  `https://member.rakuten-sec.co.jp/app/home.do${SID}?eventType=init&gmn=G&smn=00`,
  `https://member.rakuten-sec.co.jp/app/ass_trad_lst.do${SID}?eventType=init`,
  `https://member.rakuten-sec.co.jp/app/com_page_template.do${SID}?type=home_compulsion_list`,
  `https://member.rakuten-sec.co.jp/app/acc_login_history_lst.do${SID}?eventType=init`,
  'https://member.rakuten-sec.co.jp/app/ord_ch_stk_search.do',
];
const NOT_OWN = [
  'https://www.rakuten-sec.co.jp/ITS/V_ACT_Login.html', // the login page
  'https://www.rakuten-sec.co.jp/',
  'http://member.rakuten-sec.co.jp/app/home.do', // not https
  'https://member.rakuten-sec.co.jp.evil.example/app/home.do',
  'https://evil.example/app/home.do?member.rakuten-sec.co.jp',
  'https://my.rakuten.co.jp/', // Rakuten ID, a different service (brokers.md §1.4)
];

describe('rakuten adapter: where it runs', () => {
  it.each(OWN)('claims %s', (url) => {
    expect(brokerForUrl(url)?.id).toBe('rakuten');
  });
  it.each(NOT_OWN)('does not claim %s', (url) => {
    expect(brokerForUrl(url)).toBeUndefined();
  });
  it.each(BROKERS.filter((b) => b.id !== 'rakuten').flatMap((b) => b.hosts.map((h) => [`https://${h}/`, b.id])))(
    'leaves another broker host to its adapter: %s',
    (url, id) => {
      expect(brokerForUrl(url)?.id).toBe(id);
    },
  );
  it('never lists the login host', () => {
    expect(rakuten.hosts).not.toContain('www.rakuten-sec.co.jp');
  });
});

describe('rakuten adapter: URL hints', () => {
  it.each([
    [`https://member.rakuten-sec.co.jp/app/acc_login_history_lst.do${SID}?eventType=init`, 'login-history'],
    [`https://member.rakuten-sec.co.jp/app/ass_trad_lst.do${SID}?eventType=init`, 'trade-history'],
    ['https://member.rakuten-sec.co.jp/app/ass_trad_us_lst.do', 'trade-history'],
    ['https://member.rakuten-sec.co.jp/app/ass_jp_stk_possess_lst.do', 'holdings'],
    ['https://member.rakuten-sec.co.jp/app/acc_info_change_lst.do', 'account-changes'],
    [`https://member.rakuten-sec.co.jp/app/home.do${SID}?eventType=init`, null],
  ])('%s -> %s', (url, kind) => {
    expect(urlKind(url, rakuten.urlHints)).toBe(kind);
  });

  it('calls a logged-in page at the login-history URL without a login table unreadable, not unsupported', () => {
    const doc = parseHtml(
      '<html><head><title>楽天証券[PC]</title></head><body><a href="/app/logout.do">ログアウト</a><div id="table_login"></div></body></html>',
    );
    const r = rakuten.readPage(doc, `https://member.rakuten-sec.co.jp/app/acc_login_history_lst.do${SID}`);
    expect(r).toMatchObject({ pageKind: 'login-history', status: 'unreadable', loggedIn: true, logins: [] });
    expect(r.warnings).not.toEqual([]);
  });
});

describe('rakuten: the previous-login banner (前回ログイン日時, filled after load, brokers.md §1.4a)', () => {
  const fixture = (name: string) =>
    parseHtml(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8'));
  const HOME = `https://member.rakuten-sec.co.jp/app/home.do${SID}?eventType=init`;
  it.each([
    // the content script waits: the page is sent (recognised) only once the value has loaded
    ['home-banner-loading.html', 'unsupported', 'unsupported', undefined],
    ['home-banner.html', 'recognised', 'ok', '2026-03-26T20:01:00+09:00'],
  ])('%s: page side %s, reading %s, banner %s', (name, sensed, read, at) => {
    const side = pageSideOf('rakuten')!.readPage(fixture(name), HOME);
    const reading = rakuten.readPage(fixture(name), HOME);
    expect([side.status, reading.status, side.previousLogin?.at, reading.previousLogin?.at]).toEqual([
      sensed,
      read,
      at,
      at,
    ]);
  });
});
