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
});
