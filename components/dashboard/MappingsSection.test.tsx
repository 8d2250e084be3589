// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { KabuGuardDB } from '../../utils/store/db';
import { buildMapping, saveMapping } from '../../utils/store/mappings';
import { TeachButton } from '../TeachButton';
import { MappingsSection } from './MappingsSection';
import { until } from '../../tests/support/until';

const mount = (node: preact.VNode) => {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
};
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

async function withMapping(db: KabuGuardDB) {
  return saveMapping(
    db,
    buildMapping(
      {
        broker: 'rakuten',
        urlPattern: '/app/info_connect_log.do',
        kind: 'login-history',
        signature: ['接続時刻', HOSTILE],
        columns: [
          { header: '接続時刻', field: 'at' },
          { header: HOSTILE, field: 'ip' },
        ],
        title: HOSTILE,
      },
      'taught',
      '2026-05-02T10:00:00+09:00',
    ),
  );
}

function pick(input: HTMLInputElement, text: string): void {
  const file = new File([text], 'mapping.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
}

describe('MappingsSection', () => {
  it('lists taught tables with their page and columns, as text', async () => {
    const db = new KabuGuardDB(`test-${Math.random()}`);
    const m = await withMapping(db);
    const root = mount(<MappingsSection db={db} lang="ja" />);
    const item = await until(() => root.querySelector(`[data-mapping-id="${m.id}"]`));
    expect(item.textContent).toContain('楽天証券');
    expect(item.textContent).toContain('/app/info_connect_log.do');
    expect(item.textContent).toContain('接続時刻 → 日時');
    expect(item.textContent).toContain(`${HOSTILE.toLowerCase().replace(/\s/g, '')} → IPアドレス`);
    expect(root.querySelector('img')).toBeNull();
  });

  it('removes a mapping after the user confirms', async () => {
    const db = new KabuGuardDB(`test-${Math.random()}`);
    const m = await withMapping(db);
    const root = mount(<MappingsSection db={db} lang="ja" />);
    const button = await until(() => root.querySelector<HTMLButtonElement>('[data-action="remove-mapping"]'));
    vi.stubGlobal('confirm', () => false);
    button.click();
    await new Promise((r) => setTimeout(r, 20));
    expect(await db.mappings.count()).toBe(1);
    vi.stubGlobal('confirm', () => true);
    button.click();
    await until(() => root.querySelector('[data-field="mappings-empty"]'));
    expect(await db.mappings.get(m.id)).toBeUndefined();
    vi.unstubAllGlobals();
  });

  it('imports a valid file and refuses a hostile one with a clear message', async () => {
    const db = new KabuGuardDB(`test-${Math.random()}`);
    const root = mount(<MappingsSection db={db} lang="ja" />);
    const input = await until(() => root.querySelector<HTMLInputElement>('[data-action="import-mappings"]'));
    pick(
      input,
      JSON.stringify({
        format: 'kabu-guard/table-mappings/1',
        mappings: [
          {
            format: 'kabu-guard/table-mapping/1',
            id: 'map_0000000000000000',
            broker: 'sbi',
            urlPattern: '/x',
            kind: 'login-history',
            signature: ['a'],
            columns: [{ header: 'a', field: 'at' }],
            createdAt: '2026-01-01T00:00:00+09:00',
            origin: 'taught',
            onclick: 'x',
          },
        ],
      }),
    );
    const status = () => root.querySelector('[data-field="mappings-status"]')!.textContent ?? '';
    await until(() => status().includes('正しくない'));
    expect(await db.mappings.count()).toBe(0);
    pick(
      input,
      JSON.stringify({
        format: 'kabu-guard/table-mappings/1',
        mappings: [
          {
            format: 'kabu-guard/table-mapping/1',
            id: 'map_0000000000000000',
            broker: 'sbi',
            urlPattern: '/x',
            kind: 'login-history',
            signature: ['a'],
            columns: [{ header: 'a', field: 'at' }],
            createdAt: '2026-01-01T00:00:00+09:00',
            origin: 'taught',
          },
        ],
      }),
    );
    await until(() => status().includes('1 件'));
    expect((await db.mappings.toArray()).map((m) => [m.broker, m.origin])).toEqual([['sbi', 'imported']]);
    await until(() => root.querySelector('[data-mapping-id]'));
  });
});

describe('TeachButton', () => {
  it.each([
    [{ ok: true } as const, ''],
    [{ ok: false, reason: 'not-broker' } as const, '証券会社のページ'],
    [{ ok: false, reason: 'broker-off' } as const, 'オフ'],
  ])('starts teach mode or says why not (%j)', async (reply, text) => {
    const done = vi.fn();
    const root = mount(<TeachButton start={async () => reply} done={done} />);
    root.querySelector<HTMLButtonElement>('[data-action="teach"]')!.click();
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toHaveBeenCalledTimes(reply.ok ? 1 : 0);
    expect(root.querySelector('[data-field="teach-problem"]')?.textContent ?? '').toContain(text);
  });
});
