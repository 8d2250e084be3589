import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { BROKERS, brokerForUrl } from '../index';
import { orderFixtureSuite } from '../shared/order-fixtures';
import { fixtureSuite } from '../shared/testing';
import { daiwa } from './index';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
fixtureSuite(daiwa, dir);
orderFixtureSuite(daiwa, dir);

// The login page is the one real URL (public scripts); the member host is taken to be the same (broker.ts)
const OWN = ['https://www.daiwa.co.jp/PCC/HomeTrade/Account/m8301.html', 'https://www.daiwa.co.jp/'];
const NOT_OWN = [
  'https://www.daiwa.jp/olt_help/zan/h_10snk_0201-01.html', // the help pages
  'https://drp.daiwa.co.jp/rp-daiwa/common/login/userLogin.do', // Daiwa Research Portal, another service
  'https://next.bank-daiwa.co.jp/web/loginPage.do', // 大和ネクスト銀行
  'http://www.daiwa.co.jp/PCC/HomeTrade/Account/m8301.html',
  'https://www.daiwa.co.jp.evil.example/',
];

describe('daiwa adapter: where it runs', () => {
  it.each(OWN)('claims %s', (url) => {
    expect(brokerForUrl(url)?.id).toBe('daiwa');
  });
  it.each(NOT_OWN)('does not claim %s', (url) => {
    expect(brokerForUrl(url)).toBeUndefined();
  });
  it.each(BROKERS.filter((b) => b.id !== 'daiwa').flatMap((b) => b.hosts.map((h) => [`https://${h}/`, b.id])))(
    'leaves another broker host to its adapter: %s',
    (url, id) => {
      expect(brokerForUrl(url)?.id).toBe(id);
    },
  );

  it('reads a public page of the same host as no member page (nothing recorded, no visit)', () => {
    const doc = parseHtml(
      '<html><head><title>大和証券</title></head><body><h1>大和証券</h1><p>投資信託のご案内</p><a href="/PCC/HomeTrade/Account/m8301.html">ログイン</a></body></html>',
    );
    expect(daiwa.readPage(doc, 'https://www.daiwa.co.jp/')).toMatchObject({ status: 'unsupported', loggedIn: false });
  });
});
