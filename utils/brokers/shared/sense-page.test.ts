import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { rakuten } from '../rakuten';
import { pageSideOf } from '../page-sides';
import { sbi } from '../sbi';
import type { BrokerAdapter, PageReading } from '../types';
import { DOMS, fixtureFiles, parseWith } from './testing';
import type { PageSense, PageSide } from './sense-page';

const sbiPage = pageSideOf('sbi')!;
const rakutenPage = pageSideOf('rakuten')!;

// The content script decides with the page side what the background then reads
// in full: both must agree on state, kind and login, or a page is lost or sent for nothing.
function agreed(full: PageReading): Pick<PageSense, 'pageKind' | 'status' | 'loggedIn'> {
  const status =
    full.status === 'not-logged-in' || full.status === 'maintenance' || full.status === 'unsupported'
      ? full.status
      : 'recognised';
  return { pageKind: full.pageKind, status, loggedIn: full.loggedIn };
}

const brokers: Array<{ adapter: BrokerAdapter; page: PageSide }> = [
  { adapter: rakuten, page: rakutenPage },
  { adapter: sbi, page: sbiPage },
];

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
    const table = doc.querySelector('table tr:last-child')!;
    table.parentNode!.appendChild(table.cloneNode(true));
    expect(page.readPage(doc, url).rows).toBe(before + 1);
  });
});
