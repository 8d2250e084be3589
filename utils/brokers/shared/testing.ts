// Test support (imported by *.test.ts only): a broker's fixtures, read from
// disk as bytes, decoded the way saved pages are, and parsed by both DOMs the
// readers meet: linkedom (background, CLI) and happy-dom (close to the live page).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../capture/decode';
import { parseHtml } from '../../dom/parse-html';
import type { BrokerAdapter, LoginRow, PageKind, PageReading, PageStatus } from '../types';

export interface FixtureExpectation {
  url: string;
  pageKind: PageKind | null;
  status: PageStatus;
  loggedIn: boolean;
  logins: LoginRow[];
  /** The previous-login banner, on pages that show one. */
  previousLogin?: { at: string; shown: string };
}

export interface Fixture {
  name: string;
  bytes: Uint8Array;
  text: string;
  charset: string;
  expected: FixtureExpectation;
}

interface FixtureFile {
  name: string;
  bytes: Uint8Array;
  text: string;
  charset: string;
  expectedPath: string;
}

/** Every page fixture (`*.html`) of a broker folder, decoded as a saved page is. */
export function fixtureFiles(dir: string): FixtureFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((name) => {
      const bytes = new Uint8Array(readFileSync(join(dir, name)));
      const { text, charset } = decodeBytes(bytes);
      return { name, bytes, text, charset, expectedPath: join(dir, name.replace(/\.html$/, '.expected.json')) };
    });
}

/**
 * The login-history fixtures of a broker folder: those whose expected file
 * lists `logins` (order, holdings and account-change fixtures share the
 * folder and have their own suite: order-fixtures.ts).
 */
export function loginFixtures(dir: string): Fixture[] {
  return fixtureFiles(dir).flatMap((f) => {
    if (!existsSync(f.expectedPath)) return [];
    const expected = JSON.parse(readFileSync(f.expectedPath, 'utf8')) as FixtureExpectation;
    return Array.isArray(expected.logins)
      ? [{ name: f.name, bytes: f.bytes, text: f.text, charset: f.charset, expected }]
      : [];
  });
}

/**
 * What a fixture's opening comment must say: a real page names where it comes
 * from (`Real, from <repo> <path> <commit>`, personal data replaced), a
 * synthetic or reconstructed one which of its parts are invented.
 */
export const PROVENANCE = /^<!--\s*(?:Real, from \S+ \S+ [0-9a-f]{40}|Synthetic fixture[\s\S]*[Ii]nvented)/;

export function isRealFixture(text: string): boolean {
  return /^<!--\s*Real, from /.test(text.trimStart());
}

export type DomName = 'linkedom' | 'happy-dom';
export const DOMS: DomName[] = ['linkedom', 'happy-dom'];

/** Parses with the named DOM; happy-dom never runs or fetches the page's scripts. */
export async function parseWith(
  dom: DomName,
  html: string,
  url: string,
): Promise<{ doc: Document; close: () => Promise<void> }> {
  if (dom === 'linkedom') return { doc: parseHtml(html), close: async () => undefined };
  const { Window } = await import('happy-dom');
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { doc, close: () => window.happyDOM.close() };
}

/** A reading in the shape of an expected file (row keys in a stable order do not matter to toEqual). */
export function comparable(
  r: Pick<PageReading, 'pageKind' | 'status' | 'loggedIn' | 'logins' | 'previousLogin'>,
  url: string,
): FixtureExpectation {
  const out: FixtureExpectation = {
    url,
    pageKind: r.pageKind,
    status: r.status,
    loggedIn: r.loggedIn,
    logins: r.logins,
  };
  if (r.previousLogin) out.previousLogin = r.previousLogin;
  return out;
}

/**
 * The table-driven fixture suite every adapter runs: each fixture, through
 * both DOMs, equals its reviewed expected file; the folder keeps the
 * conventions (labelled synthetic pages, every state covered, encoded
 * fixtures in step with their UTF-8 sources).
 */
export function fixtureSuite(adapter: BrokerAdapter, dir: string): void {
  const fixtures = loginFixtures(dir);
  const cases = fixtures.flatMap((f) => DOMS.map((dom) => ({ f, dom })));

  describe(`${adapter.id} login-history fixtures`, () => {
    it.each(cases)('$f.name with $dom', async ({ f, dom }) => {
      const { doc, close } = await parseWith(dom, f.text, f.expected.url);
      try {
        const reading = adapter.readPage(doc, f.expected.url);
        expect(comparable(reading, f.expected.url)).toEqual(f.expected);
        expect(reading.broker).toBe(adapter.id);
        if (reading.status === 'unreadable') expect(reading.warnings.length).toBeGreaterThan(0);
      } finally {
        await close();
      }
    });

    it.each(fixtures)('$name says at its top where it comes from, or which parts are invented', ({ text }) => {
      expect(text.trimStart().slice(0, text.trimStart().indexOf('-->'))).toMatch(PROVENANCE);
    });

    it('covers every page state a reader reports', () => {
      const statuses = new Set(fixtures.map((f) => f.expected.status));
      expect([...statuses].sort()).toEqual([
        'empty',
        'maintenance',
        'not-logged-in',
        'ok',
        'unreadable',
        'unsupported',
      ]);
    });
  });

  // conventions for every fixture in the folder, whichever suite reads it
  const files = fixtureFiles(dir);
  const real = files.filter((f) => isRealFixture(f.text)).length;
  describe(`${adapter.id} fixture folder (${real} of ${files.length} fixtures real, the rest synthetic)`, () => {
    it.each(files)('$name has a reviewed expected file beside it', ({ expectedPath }) => {
      expect(existsSync(expectedPath)).toBe(true);
    });

    const sources = existsSync(join(dir, 'src'))
      ? readdirSync(join(dir, 'src')).filter((n) => n.endsWith('.html'))
      : [];
    it.each(sources)('%s: committed bytes are its UTF-8 source in the declared legacy charset', (name) => {
      const source = readFileSync(join(dir, 'src', name), 'utf8');
      const fixture = files.find((f) => f.name === name);
      expect(fixture).toBeDefined();
      expect(fixture!.charset).toMatch(/^(shift_jis|euc-jp)$/);
      expect(new TextDecoder('utf-8').decode(fixture!.bytes)).not.toBe(source);
      expect(fixture!.text).toBe(source);
    });
  });
}
