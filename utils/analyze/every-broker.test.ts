// `npm run -s analyze` over every broker's fixtures: a saved page of each kind is
// read as its adapter reads it (cli/analyze.ts is a thin shell over analyzeSavedFile;
// cli/analyze-brokers.test.ts runs the process itself), and every page kind a
// broker declares, and its previous-login banner where it declares one, is read
// from at least one of its pages.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BROKERS } from '../brokers';
import { declarationOf } from '../brokers/registry';
import { fixtureFiles } from '../brokers/shared/testing';
import { analyzeSavedFile } from './index';

const cases = BROKERS.flatMap((b) => {
  const dir = fileURLToPath(new URL(`../brokers/${b.id}/fixtures`, import.meta.url));
  return fixtureFiles(dir).map((f) => ({
    broker: b.id,
    name: f.name,
    bytes: f.bytes,
    expected: JSON.parse(readFileSync(f.expectedPath, 'utf8')) as {
      url: string;
      pageKind: string | null;
      status: string;
      logins?: unknown[];
      orders?: unknown[];
      holdings?: unknown[];
      accountEvents?: unknown[];
      previousLogin?: unknown;
    },
  }));
});

describe.each(BROKERS.map((b) => b.id))('npm run analyze on %s pages', (broker) => {
  const mine = cases.filter((c) => c.broker === broker);

  it.each(mine.map((c) => [c.name, c]))('%s', (_, c) => {
    const r = analyzeSavedFile({ name: c.name, bytes: c.bytes, url: c.expected.url });
    const e = c.expected;
    expect(r.broker).toBe(broker);
    expect(r.pageKind).toBe(e.pageKind);
    expect(r.status).toBe(e.status === 'maintenance' ? 'unsupported' : e.status);
    expect(r.logins.length).toBe((e.logins?.length ?? 0) + (e.previousLogin ? 1 : 0));
    expect(r.orders.length).toBe(e.orders?.length ?? 0);
    expect(r.holdings.length).toBe(e.holdings?.length ?? 0);
    expect(r.accountEvents.length).toBe(e.accountEvents?.length ?? 0);
  });

  it('reads every page kind the broker declares, with records, and its banner where it declares one', () => {
    const read = new Set<string>();
    let banner = false;
    for (const c of mine) {
      const r = analyzeSavedFile({ name: c.name, bytes: c.bytes, url: c.expected.url });
      const records = r.logins.length + r.orders.length + r.holdings.length + r.accountEvents.length;
      if (r.status === 'ok' && r.pageKind && records > 0) read.add(r.pageKind);
      if (r.logins.some((l) => l.source === 'banner')) banner = true;
    }
    const declared = declarationOf(broker)!;
    expect([...read].sort()).toEqual(expect.arrayContaining([...declared.pageKinds].sort()));
    expect(banner).toBe(declared.banner !== undefined);
  });
});
