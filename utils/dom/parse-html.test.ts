import { describe, expect, it } from 'vitest';
import { BROKERS } from '../brokers';
import { parseHtml } from './parse-html';

describe('parseHtml', () => {
  // found by tests/fuzz: a page cut to nothing made every adapter throw in linkedom's `doc.title`
  it.each(['', '   ', 'plain text', '<!-- only a comment -->', '<!DOCTYPE html>'])(
    '%j gives a document every adapter reads without throwing',
    (html) => {
      const doc = parseHtml(html);
      expect(doc.documentElement).not.toBeNull();
      expect(doc.body).not.toBeNull();
      for (const a of BROKERS) expect(() => a.readPage(doc, `https://${a.hosts[0]}/`)).not.toThrow();
    },
  );

  it('keeps the text of a page without elements', () => {
    expect(parseHtml('plain text').body.textContent).toBe('plain text');
  });

  // old broker pages write attributes in capitals (kabu.com's login: TYPE="PASSWORD"); a browser lower-cases them
  it('lower-cases HTML attribute names as a browser does, not SVG ones, at any depth', () => {
    const d = parseHtml(
      '<html LANG="ja"><body><div ID="a"><svg viewBox="0 0 1 1"><rect WIDTH="1"/></svg><input TYPE="PASSWORD"><table><tr><td COLSPAN="3">a</td></tr></table></div></body></html>',
    );
    expect(d.documentElement.getAttribute('lang')).toBe('ja');
    expect(d.querySelector('#a')).not.toBeNull();
    expect(d.querySelector('input')!.getAttribute('type')).toBe('PASSWORD');
    expect(d.querySelector('td')!.getAttribute('colspan')).toBe('3');
    expect(d.querySelector('svg')!.getAttribute('viewBox')).toBe('0 0 1 1');
    const deep = parseHtml(`<html><body>${'<div CLASS="x">'.repeat(20_000)}end</body></html>`);
    expect(deep.body.textContent).toBe('end');
  });
});
