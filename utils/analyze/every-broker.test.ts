// `npm run -s analyze` over every broker's fixtures: each saved page, given its URL,
// is read by its broker's adapter exactly as the fixture's expected file says, and every
// page kind a broker declares (and its previous-login banner) comes out of the CLI's reading.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BROKERS } from '../brokers';
import { declarationOf } from '../brokers/registry';
import { fixtureFiles } from '../brokers/shared/testing';
import { analyzeSavedFile } from './index';
import { MAINTENANCE_WARNING } from './result';

interface Expected {
  url: string;
  pageKind: string | null;
  status: string;
  logins?: unknown[];
  orders?: unknown[];
  holdings?: unknown[];
  accountEvents?: unknown[];
  previousLogin?: { at: string };
}

const cases = BROKERS.flatMap((b) => {
  const dir = fileURLToPath(new URL(`../brokers/${b.id}/fixtures`, import.meta.url));
  return fixtureFiles(dir)
    .filter((f) => existsSync(f.expectedPath))
    .map((f) => ({
      broker: b.id,
      name: f.name,
      bytes: f.bytes,
      expected: JSON.parse(readFileSync(f.expectedPath, 'utf8')) as Expected,
    }));
});

describe('npm run -s analyze over every broker fixture', () => {
  it.each(cases.map((c) => [`${c.broker}/${c.name}`, c] as const))('%s', (_, c) => {
    const r = analyzeSavedFile({ name: c.name, bytes: c.bytes, url: c.expected.url });
    expect(r.broker).toBe(c.broker);
    expect(r.pageKind).toBe(c.expected.pageKind);
    if (c.expected.status === 'maintenance') {
      expect(r.status).toBe('unsupported');
      expect(r.warnings).toContain(MAINTENANCE_WARNING);
    } else expect(r.status).toBe(c.expected.status);
    const banner = r.logins.filter((l) => l.source === 'banner');
    expect(banner.map((l) => l.at)).toEqual(c.expected.previousLogin ? [c.expected.previousLogin.at] : []);
    expect(r.logins.length - banner.length).toBe(c.expected.logins?.length ?? 0);
    expect(r.orders).toHaveLength(c.expected.orders?.length ?? 0);
    expect(r.holdings).toHaveLength(c.expected.holdings?.length ?? 0);
    expect(r.accountEvents).toHaveLength(c.expected.accountEvents?.length ?? 0);
  });

  it.each(BROKERS.map((b) => [b.id, b] as const))(
    '%s: every declared page kind, and its banner, read with records by the CLI',
    (id, b) => {
      const read = cases
        .filter((c) => c.broker === id)
        .map((c) => analyzeSavedFile({ name: c.name, bytes: c.bytes, url: c.expected.url }));
      const withRecords = read.filter(
        (r) => r.status === 'ok' && r.logins.length + r.orders.length + r.holdings.length + r.accountEvents.length > 0,
      );
      expect(new Set(withRecords.map((r) => r.pageKind))).toEqual(
        new Set([...b.pageKinds, ...(declarationOf(id)?.banner ? ['other'] : [])]),
      );
    },
  );
});
