import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { BROKERS } from '../index';
import { decodePageSpec, encodePageSpec } from '../page-spec';
import { pageSpecReply } from '../page-sides';
import { declarationOf } from '../registry';
import type { BrokerAdapter, PageReading } from '../types';
import { DOMS, fixtureFiles, parseWith } from './testing';
import { pageSideFrom, type PageSense, type PageSide } from './sense-page';

// The content script decides with the page side what the background then reads
// in full: both must agree on state, kind and login, or a page is lost or sent for nothing.
function agreed(full: PageReading): Pick<PageSense, 'pageKind' | 'status' | 'loggedIn'> {
  const status =
    full.status === 'not-logged-in' || full.status === 'maintenance' || full.status === 'unsupported'
      ? full.status
      : 'recognised';
  return { pageKind: full.pageKind, status, loggedIn: full.loggedIn };
}

// the page side as the content script gets it: the declaration's spec through a JSON message (page-spec.ts)
const overTheWire = (id: string): PageSide =>
  pageSideFrom(decodePageSpec(JSON.parse(JSON.stringify(encodePageSpec(declarationOf(id)!)))) as never);

const brokers: Array<{ adapter: BrokerAdapter; page: PageSide }> = BROKERS.map((adapter) => ({
  adapter,
  page: overTheWire(adapter.id),
}));

describe('the page spec the background sends', () => {
  const on = async () => true;
  it.each(BROKERS.flatMap((b) => b.hosts.map((h) => [h, b.id])))("to a page on %s is %s's only", async (host, id) => {
    const reply = await pageSpecReply(`https://${host}/any/page?x=1`, 0, on);
    expect(decodePageSpec(reply.spec)?.id).toBe(id);
  });
  it.each([
    undefined,
    'not a url',
    'http://member.rakuten-sec.co.jp/app/home.do',
    'https://member.rakuten-sec.co.jp.evil.example/',
    'https://www.rakuten-sec.co.jp/',
    'chrome-extension://abc/popup.html',
  ])('to %s is nothing', async (url) => {
    expect(await pageSpecReply(url, 0, on)).toEqual({});
  });
  it.each([undefined, null, 1, 'x', {}, { id: 'x' }, { re: '(', flags: '' }])('decodes junk %j as nothing', (w) => {
    expect(decodePageSpec(w)).toBeUndefined();
  });
});

describe.each(brokers)('$page.id page side', ({ adapter, page }) => {
  const dir = fileURLToPath(new URL(`../${adapter.id}/fixtures`, import.meta.url));
  const fixtures = fixtureFiles(dir).map((f) => ({
    ...f,
    url: (JSON.parse(readFileSync(f.expectedPath, 'utf8')) as { url: string }).url,
  }));
  const urls = [...new Set(fixtures.map((f) => f.url))];

  it("has the adapter's hosts", () => {
    expect(page.hosts).toEqual(adapter.hosts);
  });

  it.each(fixtures.flatMap((f) => DOMS.map((dom) => ({ f, dom }))))(
    '$f.name with $dom: as the full reading',
    async ({ f, dom }) => {
      const { doc, close } = await parseWith(dom, f.text, f.url);
      try {
        const sense = page.readPage(doc, f.url);
        const full = adapter.readPage(doc, f.url);
        expect({ pageKind: sense.pageKind, status: sense.status, loggedIn: sense.loggedIn }).toEqual(agreed(full));
        expect(sense.previousLogin).toEqual(full.previousLogin);
        expect(sense).toMatchObject({ broker: adapter.id, warnings: [] });
      } finally {
        await close();
      }
    },
  );

  // every page under every URL shape of the folder: the URL hints' branches
  it.each(fixtures.map((f) => ({ name: f.name, f })))('$name under every fixture URL: as the full reading', ({ f }) => {
    const doc = parseHtml(f.text);
    for (const url of urls) {
      const sense = page.readPage(doc, url);
      expect({ url, pageKind: sense.pageKind, status: sense.status, loggedIn: sense.loggedIn }).toEqual({
        url,
        ...agreed(adapter.readPage(doc, url)),
      });
    }
  });

  it('counts rows, so a table filled after load changes the reading', () => {
    const url = fixtures.find((f) => f.name === 'login-history.html')!.url;
    const doc = parseHtml(fixtures.find((f) => f.name === 'login-history.html')!.text);
    const before = page.readPage(doc, url).rows;
    // a data row of the login table (a row holding no layout table, with a date: 2025/10/10, 2025年10月10日, ２５/１０/１０)
    const row = Array.from(doc.querySelectorAll('tr')).find(
      (tr) =>
        !tr.querySelector('table') && /\d{2,4}[/年]\d{1,2}[/月]\d{1,2}/.test((tr.textContent ?? '').normalize('NFKC')),
    )!;
    row.parentNode!.appendChild(row.cloneNode(true));
    expect(page.readPage(doc, url).rows).toBe(before + 1);
  });
});
