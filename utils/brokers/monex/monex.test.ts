import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brokerOfCsvFormat } from '../registry';
import { BROKERS, brokerForUrl } from '../index';
import { orderFixtureSuite } from '../shared/order-fixtures';
import { urlKind } from '../shared/read-page';
import { fixtureSuite } from '../shared/testing';
import { monex } from './index';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
fixtureSuite(monex, dir);
orderFixtureSuite(monex, dir);

// Real URL shapes (../shared/brokers.md §3; index file ids 36062330700, 1330198320, 37929529448)
const OWN = [
  'https://mxp1.monex.co.jp/pc/servlet/ITS/home/Announce',
  'https://mxp1.monex.co.jp/pc/servlet/ITS/asset/AmountListForeign?attrSrcKey=bd3b399ac43efca011',
  'https://mxp1.monex.co.jp/pc/servlet/ITS/fund/FundOrderList',
  'https://mxp1.monex.co.jp/pc/common/err/SessionTimeOut.jsp',
  'https://mxp2.monex.co.jp/pc/servlet/ITS/stkloan/LendStkBonusDescDispGuest',
  'https://mxp3.monex.co.jp/',
];
const NOT_OWN = [
  'https://mst.monex.co.jp/pc/ITS/login/LoginIDPassword.jsp', // the login page
  'https://mst.monex.co.jp/pc/servlet/ITS/report/EconomyIndexCalendar',
  'https://www.monex.co.jp/',
  'http://mxp1.monex.co.jp/pc/servlet/ITS/home/Announce',
  'https://mxp1.monex.co.jp.evil.example/pc/servlet/ITS/home/Announce',
];

describe('monex adapter: where it runs', () => {
  it.each(OWN)('claims %s', (url) => {
    expect(brokerForUrl(url)?.id).toBe('monex');
  });
  it.each(NOT_OWN)('does not claim %s', (url) => {
    expect(brokerForUrl(url)).toBeUndefined();
  });
  it.each(BROKERS.filter((b) => b.id !== 'monex').flatMap((b) => b.hosts.map((h) => [`https://${h}/`, b.id])))(
    'leaves another broker host to its adapter: %s',
    (url, id) => {
      expect(brokerForUrl(url)?.id).toBe(id);
    },
  );
  it.each([
    ['https://mxp1.monex.co.jp/pc/servlet/ITS/asset/AmountListForeign?attrSrcKey=bd3b399ac43efca011', 'holdings'],
    ['https://mxp1.monex.co.jp/pc/servlet/ITS/asset/AmountListSummary?attrSrcKey=68cd51bccc47140582', null],
  ])('URL hint %s -> %s', (url, kind) => {
    expect(urlKind(url, monex.urlHints)).toBe(kind);
  });

  it("owns the Monex trade CSV, so the extension's import stores its rows", () => {
    expect(brokerOfCsvFormat('monex-tradehistory')).toBe('monex');
  });
});
