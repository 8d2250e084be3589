// The brokers of the 2025 takeover wave (issue 12) that have no declaration
// yet: their names and site domains, so that a saved page of theirs is named
// for what it is ("松井証券, no adapter yet") instead of "names no broker".
// One line each: `npm run new-broker -- <key>` takes the names from here and
// removes the line (tests/meta/registry.test.ts fails when a key is declared too).
// Domains: seen in public sources (docs/brokers.md "Real samples") or the firms' well-known sites;
// used only to tell a saved page's broker, never as host permissions.

export interface Firm {
  key: string;
  ja: string;
  en: string;
  otherNames?: readonly string[];
  domains: readonly string[];
}

export const UNDECLARED_FIRMS: readonly Firm[] = [
  { key: 'ig', ja: 'IG証券', en: 'IG Securities', domains: ['ig.com'] },
  { key: 'naito', ja: '内藤証券', en: 'Naito Securities', domains: ['naito-sec.co.jp'] },
];
