// The permission flow cannot run in the e2e (Playwright cannot answer Chrome's
// prompt), so it is tested here against fakeBrowser with the APIs it lacks mocked.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BROKERS } from '../brokers';
import { hostPatterns } from '../brokers/hosts';
import {
  planRegistrations,
  requestHostAccess,
  scriptFile,
  scriptId,
  syncContentScripts,
  type HostAccessApi,
} from './host-access';

const rakuten = BROKERS.find((b) => b.id === 'rakuten')!;
const sbi = BROKERS.find((b) => b.id === 'sbi')!;

/** fakeBrowser with a permission store and a registry of content scripts. */
function api(opts: { granted?: string[]; manifestScripts?: string[]; noScripting?: boolean; answer?: boolean } = {}) {
  const granted = new Set(opts.granted ?? []);
  let registered: Array<{ id: string; matches?: string[]; js?: string[] }> = [];
  const b = fakeBrowser as unknown as HostAccessApi;
  b.permissions.contains = vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)));
  b.permissions.request = vi.fn(async ({ origins }: { origins: string[] }) => {
    if (opts.answer === false) return false;
    origins.forEach((o) => granted.add(o));
    return true;
  });
  b.permissions.remove = vi.fn(
    async ({ origins }: { origins: string[] }) => (origins.forEach((o) => granted.delete(o)), true),
  );
  const scripting = {
    getRegisteredContentScripts: vi.fn(async () => registered),
    registerContentScripts: vi.fn(async (s: typeof registered) => void (registered = [...registered, ...s])),
    unregisterContentScripts: vi.fn(
      async ({ ids }: { ids: string[] }) => void (registered = registered.filter((r) => !ids.includes(r.id))),
    ),
  };
  const out: HostAccessApi = {
    permissions: b.permissions,
    runtime: {
      getManifest: () =>
        ({
          manifest_version: 3,
          name: 'x',
          version: '1',
          content_scripts: opts.manifestScripts ? [{ js: opts.manifestScripts, matches: [] }] : [],
        }) as never,
    },
    ...(opts.noScripting ? {} : { scripting }),
  };
  return { api: out, granted, registered: () => registered, scripting };
}

beforeEach(() => fakeBrowser.reset());

describe('requestHostAccess', () => {
  it.each([
    ['granted', true, true],
    ['refused', false, false],
  ])("asks for exactly the broker's hosts (%s)", async (_n, answer, want) => {
    const f = api({ answer });
    expect(await requestHostAccess(f.api, 'sbi')).toBe(want);
    expect(f.api.permissions.request).toHaveBeenCalledWith({ origins: hostPatterns(sbi) });
  });
});

describe('syncContentScripts', () => {
  it('registers a content script for a broker once its hosts are granted, with matches from the adapter', async () => {
    const f = api();
    expect((await syncContentScripts(f.api, ['rakuten', 'sbi'])).register).toEqual([]);
    await requestHostAccess(f.api, 'rakuten');
    await syncContentScripts(f.api, ['rakuten', 'sbi']);
    expect(f.registered()).toEqual([
      {
        id: scriptId('rakuten'),
        matches: hostPatterns(rakuten),
        js: [scriptFile('rakuten')],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
    // idempotent
    expect(await syncContentScripts(f.api, ['rakuten', 'sbi'])).toEqual({ register: [], unregister: [] });
  });

  it('registers a frame-set broker (松井) for every frame, and re-registers a registration made without', async () => {
    const matsui = BROKERS.find((b) => b.id === 'matsui')!;
    const f = api({ granted: hostPatterns(matsui) });
    await syncContentScripts(f.api, ['matsui']);
    expect(f.registered()).toEqual([
      {
        id: scriptId('matsui'),
        matches: hostPatterns(matsui),
        js: [scriptFile('matsui')],
        runAt: 'document_idle',
        allFrames: true,
        persistAcrossSessions: true,
      },
    ]);
    const stale = [{ id: scriptId('matsui'), matches: hostPatterns(matsui) }];
    expect(
      planRegistrations({
        enabled: ['matsui'],
        granted: { matsui: hostPatterns(matsui) },
        registered: stale,
        staticFiles: new Set(),
      }),
    ).toMatchObject({ unregister: ['kg-matsui'], register: [{ id: 'kg-matsui', allFrames: true }] });
  });

  it('unregisters when the permission is removed or the broker disabled', async () => {
    const f = api({ granted: [...hostPatterns(rakuten), ...hostPatterns(sbi)] });
    await syncContentScripts(f.api, ['rakuten', 'sbi']);
    expect(
      f
        .registered()
        .map((r) => r.id)
        .sort(),
    ).toEqual(['kg-rakuten', 'kg-sbi']);
    await syncContentScripts(f.api, ['sbi']);
    expect(f.registered().map((r) => r.id)).toEqual(['kg-sbi']);
    hostPatterns(sbi).forEach((p) => f.granted.delete(p));
    await syncContentScripts(f.api, ['sbi']);
    expect(f.registered()).toEqual([]);
  });

  it('registers only the hosts granted when the user removed some', async () => {
    const f = api({ granted: [hostPatterns(sbi)[0]!] });
    await syncContentScripts(f.api, ['sbi']);
    expect(f.registered()[0]?.matches).toEqual([hostPatterns(sbi)[0]]);
  });

  it.each([
    ['the manifest declares the scripts (e2e build)', { manifestScripts: [scriptFile('rakuten'), scriptFile('sbi')] }],
    ['there is no scripting API (no scripting permission)', { noScripting: true }],
  ])('registers nothing when %s', async (_n, opts) => {
    const f = api({ ...opts, granted: [...hostPatterns(rakuten), ...hostPatterns(sbi)] });
    await syncContentScripts(f.api, ['rakuten', 'sbi']);
    expect(f.registered()).toEqual([]);
    expect(f.scripting.registerContentScripts).not.toHaveBeenCalled();
  });
});

describe('planRegistrations', () => {
  it('re-registers when an update changed the hosts', () => {
    const plan = planRegistrations({
      enabled: ['sbi'],
      granted: { sbi: hostPatterns(sbi) },
      registered: [{ id: 'kg-sbi', matches: ['https://old.example/*'] }],
      staticFiles: new Set(),
    });
    expect(plan.unregister).toEqual(['kg-sbi']);
    expect(plan.register.map((r) => r.matches)).toEqual([hostPatterns(sbi)]);
  });
});
