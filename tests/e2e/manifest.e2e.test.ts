// The built manifests against docs/permissions.md and the adapters: every
// permission is explained, hosts come from the registry and are only broker
// hosts, nothing broad (cookies, webRequest, tabs, <all_urls>) is asked for,
// and no code comes from outside the package. The production builds are
// checked as the stores check them (tests/support/manifest-checks.ts; the
// packages themselves: `npm run store:check`).
// `npm run e2e` builds them all first (production Chrome and Firefox, and their e2e builds).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKERS } from '../../utils/brokers';
import { brokerHostPatterns } from '../../utils/brokers/hosts';
import {
  chromeStoreProblems,
  documentedPermissions,
  firefoxStoreProblems,
  loadManifest,
  permissionProblems,
  remoteCodeProblems,
} from '../support/manifest-checks';
import { DECLARATIONS } from '../../utils/brokers/registry';

const BUILDS = {
  production: '.output/chrome-mv3/manifest.json',
  e2e: '.output/chrome-mv3-e2e/manifest.json',
  firefox: '.output/firefox-mv3/manifest.json',
  'firefox-e2e': '.output/firefox-mv3-e2e/manifest.json',
} as const;
const doc = readFileSync(resolve('docs/permissions.md'), 'utf8');
const brokerHosts = new Set(brokerHostPatterns());
const dirOf = (p: string) => dirname(resolve(p));

it('reads the permissions docs/permissions.md explains', () => {
  expect([...documentedPermissions(doc)]).toEqual(expect.arrayContaining(['alarms', 'notifications']));
});

describe.each(Object.entries(BUILDS))('%s manifest', (name, path) => {
  const built = existsSync(resolve(path));
  it.skipIf(!built)('asks only for explained permissions, only broker hosts, and runs no remote code', () => {
    const m = loadManifest(dirOf(path));
    expect(permissionProblems(m, doc)).toEqual([]);
    expect(remoteCodeProblems(dirOf(path), m)).toEqual([]);
  });
  if (name === 'production' || name.startsWith('firefox')) {
    it.skipIf(!built)('grants no broker host at install: they are optional, asked for when a broker is chosen', () => {
      const m = loadManifest(dirOf(path));
      expect(m.host_permissions ?? []).toEqual([]);
      expect((m.optional_host_permissions ?? []).sort()).toEqual([...brokerHosts].sort());
      expect(m.content_scripts ?? []).toEqual([]);
    });
  }
  if (name === 'production') {
    it.skipIf(!built)(
      'passes the Chrome Web Store checks: MV3, icons at their sizes, listing texts, no remote code',
      () => {
        expect(chromeStoreProblems(dirOf(path), doc)).toEqual([]);
      },
    );
  }
  if (name === 'firefox') {
    it.skipIf(!built)('passes the AMO checks beyond web-ext lint: gecko id, no data collection, icons', () => {
      expect(firefoxStoreProblems(dirOf(path), doc)).toEqual([]);
    });
  }
  if (name === 'e2e') {
    it.skipIf(!built)("declares the one broker content script on exactly the brokers' hosts", () => {
      const m = loadManifest(dirOf(path));
      const scripts = (m.content_scripts ?? []).filter((c) => c.js.some((j) => j.includes('content-scripts/')));
      expect(scripts.map((c) => c.js)).toEqual([['content-scripts/broker.js']]);
      // every frame: 松井's site is a frame set; the background gives other brokers' sub-frames no page side
      expect(scripts[0]).toMatchObject({ all_frames: true });
      expect(scripts[0]!.matches.sort()).toEqual(BROKERS.flatMap((b) => b.hosts.map((h) => `https://${h}/*`)).sort());
    });
  }
});

describe('the store checks catch what they are for', () => {
  const dir = dirOf(BUILDS.production);
  it.skipIf(!existsSync(resolve(BUILDS.production)))('an unexplained permission, a foreign host, a remote CSP', () => {
    const m = loadManifest(dir);
    const bad = {
      ...m,
      permissions: [...(m.permissions ?? []), 'cookies', 'tabs'],
      host_permissions: ['https://tracker.example/*'],
      content_security_policy: { extension_pages: "script-src 'self' https://cdn.example" },
    };
    expect(permissionProblems(bad, doc)).toEqual([
      'permission cookies is not explained in docs/permissions.md',
      'permission cookies must not be asked for',
      'permission tabs is not explained in docs/permissions.md',
      'permission tabs must not be asked for',
      'host https://tracker.example/* is not a broker host of an adapter',
    ]);
    expect(remoteCodeProblems(dir, bad)[0]).toMatch(/^loosened CSP/);
  });
});

describe.each(['.output/chrome-mv3', '.output/firefox-mv3'])('%s broker content script', (dir) => {
  const file = resolve(dir, 'content-scripts/broker.js');
  // its page side is handed over by the background (utils/capture/page-side.ts), so broker data never grows it
  it.skipIf(!existsSync(file))('carries no broker declaration, only the host list it runs on', () => {
    const js = readFileSync(file, 'utf8');
    const carried = DECLARATIONS.flatMap((d) => [d.parserVersion, d.label.en]).filter((s) => js.includes(s));
    expect(carried).toEqual([]);
    expect(js.includes('officialUrls')).toBe(false);
  });
});

it('all the builds were made (npm run e2e builds them)', () => {
  for (const p of Object.values(BUILDS)) expect(existsSync(resolve(p)), p).toBe(true);
});
