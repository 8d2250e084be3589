// Conventions as tests: the registry, the adapters' hosts and the entrypoints stay in step.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKERS, brokerForUrl } from '../../utils/brokers';
import { brokerHostPatterns } from '../../utils/brokers/hosts';

const root = join(__dirname, '..', '..');

describe('broker registry', () => {
  it('is sorted by id and ids are unique', () => {
    const ids = BROKERS.map((b) => b.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(BROKERS.map((b) => [b.id, b] as const))('%s has a thin content script declaring its own hosts', (id) => {
    const src = readFileSync(join(root, 'entrypoints', `${id}.content.ts`), 'utf8');
    expect(src).toContain(`hostPatterns(${id})`);
    expect(src).toContain(`runCapture(${id}, ctx)`);
    expect(src.split('\n').length).toBeLessThan(20);
  });

  it('has a content script for every adapter and no other', () => {
    const scripts = readdirSync(join(root, 'entrypoints'))
      .filter((f) => f.endsWith('.content.ts'))
      .map((f) => f.replace('.content.ts', ''));
    expect(scripts.sort()).toEqual(BROKERS.map((b) => b.id).sort());
  });

  it.each([
    'https://login.sbisec.co.jp/login/entry',
    'https://www.rakuten-sec.co.jp/ITS/V_ACT_Login.html',
    'https://www.sbisec.co.jp/ETGate/',
    'http://member.rakuten-sec.co.jp/app/home.do',
  ])('never claims a login or public page: %s', (url) => expect(brokerForUrl(url)).toBeUndefined());

  it('derives every host permission from an adapter, each https and exact', () => {
    for (const p of brokerHostPatterns()) expect(p).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
  });

  it('documents every host in docs/permissions.md', () => {
    const doc = readFileSync(join(root, 'docs', 'permissions.md'), 'utf8');
    for (const b of BROKERS)
      for (const h of b.hosts) {
        const numbered = /^site[0-3]\.sbisec\.co\.jp$/.test(h);
        expect(
          numbered
            ? doc.includes('site0.sbisec.co.jp') && doc.includes('site3.sbisec.co.jp')
            : doc.includes(`https://${h}/*`),
        ).toBe(true);
      }
  });
});
