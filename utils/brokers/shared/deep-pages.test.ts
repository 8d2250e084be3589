// Page readers walk the DOM with loops, not recursion: a page nested deeper
// than the stack (12,000 levels here; 129 s and a stack overflow on a 52 MB
// page in the audit of issue 11 defect 9) reads, or is unreadable, but never throws.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { BROKERS } from '../index';

const DEPTH = 12_000;
const pages = {
  'nested spans in a login-history cell': `<html><head><title>ログイン履歴</title></head><body><h2>ログイン履歴</h2><table><tr><th>ログイン日時</th><th>IPアドレス</th></tr><tr><td>2025/03/01 12:07</td><td>${'<span>'.repeat(DEPTH)}203.0.113.1</td></tr></table></body></html>`,
  'nested divs around a table': `<html><body>${'<div>'.repeat(DEPTH)}<table><tr><th>約定日</th><th>銘柄</th></tr><tr><td>2025/03/01</td><td>x</td></tr></table></body></html>`,
  // each nested table is read on its own (quadratic): fewer of them
  'nested tables': `<html><body>${'<table><tr><td>'.repeat(300)}x</body></html>`,
};

/** The URLs of an adapter's fixtures: every page kind it reads. */
function fixtureUrls(id: string): string[] {
  const dir = join(__dirname, '..', id, 'fixtures');
  const urls = readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { url?: string }).url)
    .filter((u): u is string => !!u);
  return [...new Set(urls)];
}

describe('page readers on deeply nested pages', () => {
  const docs = Object.entries(pages).map(([name, html]) => [name, parseHtml(html)] as const);
  it.each(BROKERS.flatMap((a) => docs.map(([name, doc]) => [a.id, name, a, doc] as const)))(
    '%s reads %s without throwing',
    (_id, _name, adapter, doc) => {
      const urls = fixtureUrls(adapter.id);
      expect(urls.length).toBeGreaterThan(3);
      for (const url of urls) expect(() => adapter.readPage(doc, url), url).not.toThrow();
    },
  );
});
