// The built manifests against docs/permissions.md and the adapters: every
// permission is explained, hosts come from the registry and are only broker
// hosts, and nothing broad (cookies, webRequest, tabs, <all_urls>) is asked for.
// `npm run e2e` builds them all first (production Chrome and Firefox, and their e2e builds).

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKERS } from '../../utils/brokers';
import { brokerHostPatterns } from '../../utils/brokers/hosts';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; js: string[] }>;
  content_security_policy?: unknown;
}

const BUILDS = {
  production: '.output/chrome-mv3/manifest.json',
  e2e: '.output/chrome-mv3-e2e/manifest.json',
  firefox: '.output/firefox-mv3/manifest.json',
  'firefox-e2e': '.output/firefox-mv3-e2e/manifest.json',
} as const;
const load = (p: string) => JSON.parse(readFileSync(resolve(p), 'utf8')) as Manifest;
const doc = readFileSync(resolve('docs/permissions.md'), 'utf8');
const brokerHosts = new Set(brokerHostPatterns());
const FORBIDDEN = [
  'cookies',
  'webRequest',
  'webRequestBlocking',
  'tabs',
  'history',
  'downloads',
  '<all_urls>',
  'debugger',
  'nativeMessaging',
  'clipboardRead',
];

describe.each(Object.entries(BUILDS))('%s manifest', (name, path) => {
  const built = existsSync(resolve(path));
  it.skipIf(!built)('asks only for explained permissions, and only broker hosts', () => {
    const m = load(path);
    const perms = (m.permissions ?? []).filter((p) => !p.includes('://'));
    for (const p of perms) {
      expect(doc, `docs/permissions.md must explain ${p}`).toContain(`| \`${p}\` |`);
      expect(FORBIDDEN).not.toContain(p);
    }
    // Firefox MV2 lists host patterns among permissions
    const hosts = [
      ...(m.host_permissions ?? []),
      ...(m.optional_host_permissions ?? []),
      ...(m.permissions ?? []).filter((p) => p.includes('://')),
    ];
    expect(hosts.length).toBeGreaterThan(0);
    for (const h of hosts) expect(brokerHosts.has(h), h).toBe(true);
    for (const cs of m.content_scripts ?? [])
      for (const match of cs.matches) expect(brokerHosts.has(match), match).toBe(true);
    // no remote code: no external script sources in a custom CSP
    expect(JSON.stringify(m.content_security_policy ?? '')).not.toMatch(/https?:\/\//);
  });
  if (name === 'production' || name.startsWith('firefox')) {
    it.skipIf(!built)('grants no broker host at install: they are optional, asked for when a broker is chosen', () => {
      const m = load(path);
      expect(m.host_permissions ?? []).toEqual([]);
      expect((m.optional_host_permissions ?? []).sort()).toEqual([...brokerHosts].sort());
      expect(m.content_scripts ?? []).toEqual([]);
    });
  }
  if (name === 'e2e') {
    it.skipIf(!built)("declares the one broker content script on exactly the brokers' hosts", () => {
      const m = load(path);
      const scripts = (m.content_scripts ?? []).filter((c) => c.js.some((j) => j.includes('content-scripts/')));
      expect(scripts.map((c) => c.js)).toEqual([['content-scripts/broker.js']]);
      expect(scripts[0]!.matches.sort()).toEqual(BROKERS.flatMap((b) => b.hosts.map((h) => `https://${h}/*`)).sort());
    });
  }
});

it('all the builds were made (npm run e2e builds them)', () => {
  for (const p of Object.values(BUILDS)) expect(existsSync(resolve(p)), p).toBe(true);
});
