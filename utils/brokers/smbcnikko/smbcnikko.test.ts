import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../capture/decode';
import { parseHtml } from '../../dom/parse-html';
import { BROKERS, brokerForUrl } from '../index';
import { orderFixtureSuite } from '../shared/order-fixtures';
import { stripSessionIds } from '../shared/url';
import { fixtureSuite } from '../shared/testing';
import { smbcnikko } from './index';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
fixtureSuite(smbcnikko, dir);
orderFixtureSuite(smbcnikko, dir);

const read = (name: string, url: string) =>
  smbcnikko.readPage(parseHtml(decodeBytes(new Uint8Array(readFileSync(`${dir}/${name}`))).text), url);

// Real URL shapes (public scripts, docs/brokers.md "Real samples")
const OWN = [
  'https://trade.smbcnikko.co.jp/Trade/0/top/',
  'https://trade.smbcnikko.co.jp/Logout/95C2K0006681/login/ipan_logout/exec',
  // login and member pages share the host: the page's content decides (smbcnikko/fixtures/login.html)
  'https://trade.smbcnikko.co.jp/Login/0/login/ipan_web/hyoji/',
  'https://trade.smbcnikko.co.jp/uap/idp/login/index.do',
];
const NOT_OWN = [
  'https://www.smbcnikko.co.jp/',
  'http://trade.smbcnikko.co.jp/Trade/0/top/',
  'https://trade.smbcnikko.co.jp.evil.example/Trade/0/top/',
];

describe('smbcnikko adapter: where it runs', () => {
  it.each(OWN)('claims %s', (url) => {
    expect(brokerForUrl(url)?.id).toBe('smbcnikko');
  });
  it.each(NOT_OWN)('does not claim %s', (url) => {
    expect(brokerForUrl(url)).toBeUndefined();
  });
  it.each(BROKERS.filter((b) => b.id !== 'smbcnikko').flatMap((b) => b.hosts.map((h) => [`https://${h}/`, b.id])))(
    'leaves another broker host to its adapter: %s',
    (url, id) => {
      expect(brokerForUrl(url)?.id).toBe(id);
    },
  );
});

describe('smbcnikko: login and member pages on one host, told apart by content', () => {
  const top = 'https://trade.smbcnikko.co.jp/Trade/0/top/';
  it.each([
    ['login.html', 'not-logged-in', false],
    ['logged-out.html', 'not-logged-in', false],
    ['extra-auth.html', 'not-logged-in', false],
    ['top.html', 'ok', true],
    ['menu-trade.html', 'unsupported', true],
  ])('%s under the member URL: %s, logged in %s', (name, status, loggedIn) => {
    expect(read(name, top)).toMatchObject({ status, loggedIn });
  });

  it('keeps no path token in a stored URL', () => {
    expect(stripSessionIds('https://trade.smbcnikko.co.jp/Logout/95C2K0006681/login/ipan_logout/exec')).not.toContain(
      '95C2K0006681',
    );
  });
});
