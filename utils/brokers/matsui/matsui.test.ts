import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../capture/decode';
import { parseHtml } from '../../dom/parse-html';
import { BROKERS, brokerForUrl } from '../index';
import { CHECKS } from '../checks';
import { orderFixtureSuite } from '../shared/order-fixtures';
import { urlKind } from '../shared/read-page';
import { fixtureSuite } from '../shared/testing';
import { matsui } from './index';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
fixtureSuite(matsui, dir);
orderFixtureSuite(matsui, dir);

const SID = ';jsessionid=4F2A9C0E7B1D5A3C6E8F0A1B';
const read = (name: string, url: string) =>
  matsui.readPage(parseHtml(decodeBytes(new Uint8Array(readFileSync(`${dir}/${name}`))).text), url);

// Real URL shapes (docs/brokers.md "Real samples", ../shared/brokers.md §3)
const OWN = [
  `https://www.deal.matsui.co.jp/servlet/ITS/home/Announce${SID}`,
  'https://www.deal.matsui.co.jp/servlet/ITS/stock/StkHavingList',
  'https://www.deal.matsui.co.jp/ITS/frame/FraAstDistribution.jsp;jgieww05=LTS8Ys3C6JTZ!521214102',
  // the legacy login page shares the host: read by content (matsui/fixtures/login.html)
  'https://www.deal.matsui.co.jp/ITS/login/MemberLogin.jsp',
];
const NOT_OWN = [
  'https://www.matsui.co.jp/login/', // the newer login page
  'https://support.matsui.co.jp/faq/show/6455',
  'http://www.deal.matsui.co.jp/servlet/ITS/home/Announce',
  'https://www.deal.matsui.co.jp.evil.example/servlet/ITS/home/Announce',
];

describe('matsui adapter: where it runs', () => {
  it.each(OWN)('claims %s', (url) => {
    expect(brokerForUrl(url)?.id).toBe('matsui');
  });
  it.each(NOT_OWN)('does not claim %s', (url) => {
    expect(brokerForUrl(url)).toBeUndefined();
  });
  it.each(BROKERS.filter((b) => b.id !== 'matsui').flatMap((b) => b.hosts.map((h) => [`https://${h}/`, b.id])))(
    'leaves another broker host to its adapter: %s',
    (url, id) => {
      expect(brokerForUrl(url)?.id).toBe(id);
    },
  );
  it.each([
    [`https://www.deal.matsui.co.jp/servlet/ITS/stock/StkHavingList${SID}`, 'holdings'],
    [`https://www.deal.matsui.co.jp/servlet/ITS/home/Announce${SID}`, null],
  ])('URL hint %s -> %s', (url, kind) => {
    expect(urlKind(url, matsui.urlHints)).toBe(kind);
  });
});

describe('matsui: a frame set read frame by frame', () => {
  const url = (path: string) => `https://www.deal.matsui.co.jp${path}${SID}`;
  it('takes the menu frame (「■ログアウト」) and the content frame (its own marks) as logged in, the frame set as nothing', () => {
    expect(read('menu.html', url('/servlet/ITS/home/GlobalMenu')).loggedIn).toBe(true);
    expect(read('announce.html', url('/servlet/ITS/home/Announce')).loggedIn).toBe(true);
    expect(read('frameset.html', 'https://www.deal.matsui.co.jp/servlet/ITS/login/MemberLoginEnter')).toMatchObject({
      loggedIn: false,
      status: 'unsupported',
    });
  });

  it('reads the banner in the content frame (home/Announce), not in the menu frame', () => {
    expect(read('announce.html', url('/servlet/ITS/home/Announce')).previousLogin?.at).toBe(
      '2026-11-19T02:41:00+09:00',
    );
    expect(read('menu.html', url('/servlet/ITS/home/GlobalMenu')).previousLogin).toBeUndefined();
  });

  it("re-reads the holdings between visits with the live frame's session id, in memory only", () => {
    const target = new URL(CHECKS.matsui.knownTargets[0]!.path, 'https://www.deal.matsui.co.jp').toString();
    expect(CHECKS.matsui.withSession(target, url('/servlet/ITS/home/Announce'))).toBe(
      `https://www.deal.matsui.co.jp/servlet/ITS/stock/StkHavingList${SID}`,
    );
  });
});
