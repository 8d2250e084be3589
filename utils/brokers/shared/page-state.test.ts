import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { headingText, pageText } from './page-state';
import { fixtureFiles } from './testing';
import { normalizeText } from './text';

// The bounded, faster forms must say exactly what the plain forms said.
const plainPageText = (doc: Document) =>
  normalizeText(`${doc.title ?? ''} ${doc.body?.textContent ?? doc.documentElement?.textContent ?? ''}`).slice(
    0,
    20_000,
  );
const plainHeadingText = (doc: Document) =>
  normalizeText(
    [
      doc.title ?? '',
      ...Array.from(doc.querySelectorAll('h1,h2,h3,h4,caption,[class*="title"],[class*="ttl"],[class*="heading"]'))
        .map((el) => el.textContent ?? '')
        .filter((t) => t.length < 200),
    ].join(' | '),
  );

const page = (body: string, title = 'ログイン履歴') =>
  parseHtml(`<html><head><title>${title}</title></head><body>${body}</body></html>`);
// 8,192 is pageText's chunk: runs of whitespace, full-width text and combining marks around it
const around = (n: number, s: string) => 'x'.repeat(n) + s + 'ＡＢＣ　ｶﾞ'.repeat(3_000);

describe('pageText', () => {
  it.each([
    { name: 'a short page', doc: page('<p>ただいまメンテナンス中です</p>') },
    { name: 'no body', doc: parseHtml('<html><head><title>t</title></head></html>') },
    { name: 'whitespace at a chunk end', doc: page(around(8_180, ' \n\u3000\u00a0  ')) },
    { name: 'a combining mark after a chunk end', doc: page(around(8_185, 'か\u3099 \u3099')) },
    { name: 'no whitespace for long', doc: page('ア'.repeat(30_000) + ' ログイン') },
    { name: 'leading whitespace only', doc: page(' '.repeat(25_000) + 'ログインしてください') },
    {
      name: 'a 1,000-row table',
      doc: page(`<table>${'<tr><td>2025/03/01 12:07</td><td> ＰＣ </td></tr>\n'.repeat(1_000)}</table>`),
    },
  ])('is the normalised page text, bounded: $name', ({ doc }) => {
    expect(pageText(doc)).toBe(plainPageText(doc));
  });
});

describe('headingText', () => {
  const dirs = ['rakuten', 'sbi'].map((b) => fileURLToPath(new URL(`../${b}/fixtures`, import.meta.url)));
  const docs = [
    ...dirs.flatMap((d) => fixtureFiles(d).map((f) => ({ name: f.name, doc: parseHtml(f.text) }))),
    {
      name: 'class on the root, nested and uppercase tags',
      doc: parseHtml(
        '<html class="page-title"><body><DIV class="x ttl-box"><H2>注文照会</H2><table><caption>ログイン履歴</caption></table></DIV><span class="Heading">no</span></body></html>',
      ),
    },
  ];
  it.each(docs)('lists the same headings as the selector: $name', ({ doc }) => {
    expect(headingText(doc)).toBe(plainHeadingText(doc));
  });
});
