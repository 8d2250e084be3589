import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../capture/decode';
import { parseHtml } from '../../dom/parse-html';
import { BROKERS, brokerForUrl } from '../index';
import { orderFixtureSuite } from '../shared/order-fixtures';
import { urlKind } from '../shared/read-page';
import { fixtureSuite } from '../shared/testing';
import { nomura } from './index';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
fixtureSuite(nomura, dir);
orderFixtureSuite(nomura, dir);

const read = (name: string, url: string) =>
  nomura.readPage(parseHtml(decodeBytes(new Uint8Array(readFileSync(`${dir}/${name}`))).text), url);

// Real URL shapes (public scripts, docs/brokers.md "Real samples")
const OWN = [
  'https://hometrade.nomura.co.jp/web/rmfCmnEtcInvTopAction.do',
  'https://hometrade.nomura.co.jp/web/rmfTrdStkMgnLstSummaryAction.do',
  'https://hometrade.nomura.co.jp/web/rmfAstTrhTrhLstAction.do',
  // login and member pages share the host: the page's content decides (nomura/fixtures/login.html)
  'https://hometrade.nomura.co.jp/web/rmfIndexWebAction.do',
];
const NOT_OWN = [
  'https://www.nomura.co.jp/',
  'https://quote.nomura.co.jp/nomura/cgi-bin/parser.pl',
  'http://hometrade.nomura.co.jp/web/rmfCmnEtcInvTopAction.do',
  'https://hometrade.nomura.co.jp.evil.example/web/rmfCmnEtcInvTopAction.do',
];

describe('nomura adapter: where it runs', () => {
  it.each(OWN)('claims %s', (url) => {
    expect(brokerForUrl(url)?.id).toBe('nomura');
  });
  it.each(NOT_OWN)('does not claim %s', (url) => {
    expect(brokerForUrl(url)).toBeUndefined();
  });
  it.each(BROKERS.filter((b) => b.id !== 'nomura').flatMap((b) => b.hosts.map((h) => [`https://${h}/`, b.id])))(
    'leaves another broker host to its adapter: %s',
    (url, id) => {
      expect(brokerForUrl(url)?.id).toBe(id);
    },
  );
  it.each([
    ['https://hometrade.nomura.co.jp/web/rmfAstTrhTrhLstInitAction.do', 'trade-history'],
    ['https://hometrade.nomura.co.jp/web/rmfAstTrhTrhLstAction.do', 'trade-history'],
    ['https://hometrade.nomura.co.jp/web/rmfCmnEtcInvTopAction.do', null],
  ])('URL hint %s -> %s', (url, kind) => {
    expect(urlKind(url, nomura.urlHints)).toBe(kind);
  });
});

describe('nomura: login and member pages on one host, told apart by content', () => {
  const top = 'https://hometrade.nomura.co.jp/web/rmfCmnEtcInvTopAction.do';
  it.each([
    ['login.html', 'not-logged-in', false],
    ['logged-out.html', 'not-logged-in', false],
    ['top.html', 'ok', true],
    ['ipo-list.html', 'unsupported', true],
  ])('%s under the member URL: %s, logged in %s', (name, status, loggedIn) => {
    expect(read(name, top)).toMatchObject({ status, loggedIn });
  });

  it('names an MRF sweep in the warnings instead of storing it as an order', () => {
    const r = read('trade-history.html', 'https://hometrade.nomura.co.jp/web/rmfAstTrhTrhLstAction.do');
    expect(r.orders.map((o) => o.symbol)).toEqual(['5595', '7203']);
    expect(r.warnings).toEqual(['not an order (MMF): 野村ＭＲＦ 100,000']);
  });
});
