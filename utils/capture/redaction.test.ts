// Issue 11 item 8: redaction by allow-list. A page seeded with a secret marker
// in every attribute and node type a broker page can carry (the audit found
// session ids in meta refresh, formaction, srcset, style url(), object data,
// on* handlers, comments, srcdoc, <template>, <button value>, data-* and ?sid
// links) must leave none of them in the snapshot (fixtures/secret-page.ts), and
// the page must still be read the same way and shown.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BROKERS } from '../brokers';
import { rakuten } from '../brokers/rakuten';
import { decodeBytes } from './decode';
import { PAGE, PAGE_URL, placed, secret } from './fixtures/secret-page';
import { parseWith, type DomName } from '../brokers/shared/testing';
import { parseHtml } from '../dom/parse-html';
import { serializePage } from './serialize';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const DOM_NAMES: DomName[] = ['linkedom', 'happy-dom'];

describe('redaction by allow-list (issue 11 item 8)', () => {
  it('seeds at least 40 markers, each in its own place', () => {
    expect(placed.length).toBeGreaterThanOrEqual(40);
    for (const [i] of placed) expect(PAGE.split(secret(i)).length - 1).toBe(1);
  });

  it.each(DOM_NAMES)('leaves none of them in the snapshot (%s)', async (dom) => {
    const parsed = await parseWith(dom, PAGE, PAGE_URL);
    close = parsed.close;
    // typed by the user: lives in the property, not the attribute
    (parsed.doc.querySelector('#pw') as HTMLInputElement).value = 'Zq99typedSecretX7Kp9';
    const out = serializePage(parsed.doc);
    const left = placed.filter(([i]) => out.html.includes(secret(i))).map(([, where]) => where);
    expect(left).toEqual([]);
    expect(out.html).not.toContain('Zq99typedSecretX7Kp9');
    // nothing that runs, loads or submits survives
    expect(out.html).not.toMatch(/<script|<iframe|<object|<embed|<template|<style|<link|<base|\son\w+=|javascript:/i);
  });

  it.each(DOM_NAMES)('keeps what the page is read and shown by (%s)', async (dom) => {
    const before = rakuten.readPage(parseHtml(PAGE), PAGE_URL);
    expect(before.logins).toHaveLength(2);
    const parsed = await parseWith(dom, PAGE, PAGE_URL);
    close = parsed.close;
    const out = serializePage(parsed.doc);
    const back = parseHtml(out.html);
    const after = rakuten.readPage(back, PAGE_URL);
    expect({ ...after, parserVersion: '' }).toEqual({ ...before, parserVersion: '' });
    expect(back.title).toBe('ログイン履歴 | 楽天証券[PC]');
    expect(back.querySelector('#logout')!.getAttribute('href')).toBe('/app/logout.do');
    expect(back.querySelector('#stock')!.getAttribute('href')).toContain('i_stock_sec=6846');
    expect(back.querySelector('.table-item')!.getAttribute('data-label')).toBe('約定日');
    expect(back.querySelector('.table-item')!.getAttribute('data-security-code')).toBe('GOOG');
    expect(back.querySelector('h2')!.getAttribute('class')).toBe('pcmm-ttl-lv2');
    expect(back.querySelector('#pw')!.getAttribute('type')).toBe('password');
    expect(back.querySelector('#img')!.getAttribute('alt')).toBe('送信');
    expect(back.querySelector('#pic')!.getAttribute('alt')).toBe('バナー');
    expect(back.querySelector('custom-widget')!.textContent).toBe('custom');
    expect(out.redactions).toEqual(
      expect.arrayContaining(['attributes', 'comments', 'embedded-content', 'input-values', 'scripts', 'session-ids']),
    );
  });
});

// every fixture page of every adapter reads the same from its snapshot as from the page itself
const brokersDir = fileURLToPath(new URL('../brokers', import.meta.url));
const fixturePages = BROKERS.flatMap((adapter) => {
  const dir = `${brokersDir}/${adapter.id}/fixtures`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html') && existsSync(`${dir}/${f.replace(/\.html$/, '.expected.json')}`))
    .map((f) => {
      const { url } = JSON.parse(readFileSync(`${dir}/${f.replace(/\.html$/, '.expected.json')}`, 'utf8')) as {
        url: string;
      };
      return [
        `${adapter.id}/${f}`,
        adapter,
        decodeBytes(new Uint8Array(readFileSync(`${dir}/${f}`))).text,
        url,
      ] as const;
    });
});

describe('the allow-list keeps what the readers need', () => {
  it('has fixture pages to check', () => expect(fixturePages.length).toBeGreaterThan(20));

  it.each(fixturePages)('%s reads the same from its snapshot', (_name, adapter, text, url) => {
    const before = adapter.readPage(parseHtml(text), url);
    const after = adapter.readPage(parseHtml(serializePage(parseHtml(text)).html), url);
    expect(after).toEqual(before);
  });
});
