import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { BROKERS, brokerForUrl } from '../index';
import { urlKind } from '../shared/read-page';
import { fixtureSuite } from '../shared/testing';
import { sbi } from './index';

fixtureSuite(sbi, fileURLToPath(new URL('./fixtures', import.meta.url)));

const ETGATE_LOGIN_HISTORY =
  '?_ControlID=WPLETsmR001Control&_PageID=WPLETsmR001Sdtl12&_DataStoreID=DSWPLETsmR001Control&_ActionID=loginHistory&getFlg=on';

// Real URL shapes from brokers.md §2.1–2.2; the main-site login-history paths are invented (§2.5).
const OWN = [
  'https://site1.sbisec.co.jp/ETGate/?_ControlID=WPLETacR001Control&_PageID=DefaultPID&_DataStoreID=DSWPLETacR001Control&_ActionID=DefaultAID&getFlg=on',
  'https://site2.sbisec.co.jp/ETGate/',
  'https://site3.sbisec.co.jp/ETGate/WPLETagR001Control/DefaultPID/DefaultAID?OutSide=on&getFlg=on',
  `https://site0.sbisec.co.jp/ETGate/${ETGATE_LOGIN_HISTORY}`,
  'https://site.sbisec.co.jp/account/assets',
  'https://member.c.sbisec.co.jp/foreign/refer/us/order-history',
  'https://k.sbisec.co.jp/bsite/member/loginHistory.do',
];
const NOT_OWN = [
  'https://login.sbisec.co.jp/login/entry', // the login host
  'https://login.sbisec.co.jp/otp/confirm',
  'https://www.sbisec.co.jp/ETGate/', // public top, before login
  'http://site1.sbisec.co.jp/ETGate/', // not https
  'https://site1.sbisec.co.jp.evil.example/ETGate/',
  'https://evil.example/ETGate/?site1.sbisec.co.jp',
  'https://www.netbk.co.jp/', // 住信SBIネット銀行, a different company
];

describe('sbi adapter: where it runs', () => {
  it.each(OWN)('claims %s', (url) => {
    expect(brokerForUrl(url)?.id).toBe('sbi');
  });
  it.each(NOT_OWN)('does not claim %s', (url) => {
    expect(brokerForUrl(url)).toBeUndefined();
  });
  it.each(BROKERS.filter((b) => b.id !== 'sbi').flatMap((b) => b.hosts.map((h) => [`https://${h}/`, b.id])))(
    'leaves another broker host to its adapter: %s',
    (url, id) => {
      expect(brokerForUrl(url)?.id).toBe(id);
    },
  );
  it('never lists the login host', () => {
    expect(sbi.hosts).not.toContain('login.sbisec.co.jp');
    expect(sbi.hosts).not.toContain('www.sbisec.co.jp');
  });
});

describe('sbi adapter: URL hints', () => {
  it.each([
    [`https://site1.sbisec.co.jp/ETGate/${ETGATE_LOGIN_HISTORY}`, 'login-history'],
    ['https://site.sbisec.co.jp/account/security/login-history', 'login-history'],
    ['https://k.sbisec.co.jp/bsite/member/loginHistory.do', 'login-history'],
    ['https://site3.sbisec.co.jp/ETGate/WPLETagR001Control/DefaultPID/DefaultAID?OutSide=on&getFlg=on', 'executions'],
    [
      'https://site1.sbisec.co.jp/ETGate/?_ControlID=WPLETacR007Control&_PageID=WPLETacR007Rget10&getFlg=on',
      'trade-history',
    ],
    ['https://member.c.sbisec.co.jp/foreign/refer/us/order-history', 'order-inquiry'],
    ['https://k.sbisec.co.jp/bsite/member/stock/orderList.do', 'order-inquiry'],
    ['https://site.sbisec.co.jp/account/assets', null],
  ])('%s -> %s', (url, kind) => {
    expect(urlKind(url, sbi.urlHints)).toBe(kind);
  });

  it('calls a logged-in page at the login-history URL without a login table unreadable, not unsupported', () => {
    // the new site renders its lists client-side: a snapshot taken too early has no rows at all
    const doc = parseHtml(
      '<html><head><title>SBI証券</title></head><body><button>ログアウト</button><ul class="responsive-table"></ul></body></html>',
    );
    const r = sbi.readPage(doc, 'https://site.sbisec.co.jp/account/security/login-history');
    expect(r).toMatchObject({ pageKind: 'login-history', status: 'unreadable', loggedIn: true, logins: [] });
  });
});
