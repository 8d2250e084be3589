// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { BROKERS } from '../utils/brokers';
import { BROKER_IDS } from '../utils/brokers/registry';
import { hostPatterns } from '../utils/brokers/hosts';
import type { HostAccessApi } from '../utils/capture/host-access';
import { KabuGuardDB } from '../utils/store/db';
import { loadSettings } from '../utils/store/settings';
import { Onboarding } from './Onboarding';
import { until } from '../tests/support/until';

function fakeApi(answer: boolean, granted: string[] = []) {
  const have = new Set(granted);
  return {
    permissions: {
      contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => have.has(o))),
      request: vi.fn(async ({ origins }: { origins: string[] }) =>
        answer ? (origins.forEach((o) => have.add(o)), true) : false,
      ),
      remove: vi.fn(async ({ origins }: { origins: string[] }) => (origins.forEach((o) => have.delete(o)), true)),
    },
    runtime: { getManifest: () => ({}) },
  } satisfies HostAccessApi;
}

function mount(api: HostAccessApi) {
  const db = new KabuGuardDB(`test-${Math.random()}`);
  const onChanged = vi.fn(async () => undefined);
  const root = document.createElement('div');
  render(<Onboarding db={db} api={api} lang="ja" onChanged={onChanged} />, root);
  return { db, root, onChanged };
}

describe('Onboarding', () => {
  it('says what it does and never does, in Japanese, and links to the CSV import', () => {
    const { root } = mount(fakeApi(true));
    expect(root.querySelector('h1')?.textContent).toBe('株ガードへようこそ');
    expect(root.textContent).toContain('パスワード・取引暗証番号・認証コードは読み取りません');
    expect(root.textContent).toContain('「前回ログイン日時」');
    expect(root.querySelector('a[data-action="import"]')?.getAttribute('href')).toBe('orders.html');
  });

  it("asks for the chosen broker's hosts only, then watches it", async () => {
    const api = fakeApi(true);
    const { root, db, onChanged } = mount(api);
    const card = () => root.querySelector('[data-broker="sbi"]')!;
    await until(() => card().getAttribute('data-choice') === 'off');
    (card().querySelector('[data-action="choose"]') as HTMLButtonElement).click();
    expect(api.permissions.request).toHaveBeenCalledWith({
      origins: hostPatterns(BROKERS.find((b) => b.id === 'sbi')!),
    });
    await until(() => card().getAttribute('data-choice') === 'watching');
    expect((await loadSettings(db)).enabledBrokers).toEqual(['sbi']);
    expect(onChanged).toHaveBeenCalled();
    expect(root.querySelector('[data-broker="rakuten"]')!.getAttribute('data-choice')).toBe('off');
  });

  it("says so when the browser's permission is refused, and changes nothing", async () => {
    const { root, db } = mount(fakeApi(false));
    const card = () => root.querySelector('[data-broker="rakuten"]')!;
    await until(() => card().getAttribute('data-choice') === 'off');
    (card().querySelector('[data-action="choose"]') as HTMLButtonElement).click();
    await until(() => card().getAttribute('data-choice') === 'refused');
    expect(card().textContent).toContain('許可されませんでした');
    expect((await loadSettings(db)).enabledBrokers).toBeUndefined();
  });

  it('stops watching a granted broker and gives its hosts back', async () => {
    const rakuten = hostPatterns(BROKERS.find((b) => b.id === 'rakuten')!);
    const api = fakeApi(true, rakuten);
    const { root, db } = mount(api);
    const card = () => root.querySelector('[data-broker="rakuten"]')!;
    await until(() => card().getAttribute('data-choice') === 'watching');
    (card().querySelector('[data-action="stop"]') as HTMLButtonElement).click();
    await until(() => card().getAttribute('data-choice') === 'off');
    expect((await loadSettings(db)).enabledBrokers).toEqual(BROKER_IDS.filter((id) => id !== 'rakuten'));
    expect(api.permissions.remove).toHaveBeenCalledWith({ origins: rakuten });
  });
});
