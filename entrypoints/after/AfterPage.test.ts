// @vitest-environment happy-dom
// The after-the-fact page (issue 10 item 3) over a victim who installed after
// the attack (tests/scenarios/attack-coldstart-rakuten-dormant-app-pc.json, its
// own answer left out): the environments and orders in plain words, the user
// marks the attacker's PC 「自分ではない」, and the case follows, ready to export.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../utils/case/load';
import { parseHtml } from '../../utils/dom/parse-html';
import { ingestInputs } from '../../utils/evidence/inputs';
import { KabuGuardDB } from '../../utils/store/db';
import { AfterPage } from './AfterPage';
import { until } from '../../tests/support/until';

const SCENARIO = join(__dirname, '..', '..', 'tests', 'scenarios', 'attack-coldstart-rakuten-dormant-app-pc.json');

describe('AfterPage', () => {
  it('lists environments and orders in plain words; 「自分ではない」 on one makes the case, ready to export', async () => {
    const db = new KabuGuardDB(`after-${Math.random()}`);
    const s = JSON.parse(readFileSync(SCENARIO, 'utf8')) as { steps: Array<{ type: string }> };
    const bytes = new TextEncoder().encode(
      JSON.stringify({ ...s, steps: s.steps.filter((x) => x.type !== 'feedback') }),
    );
    const [read] = await ingestInputs(db, [{ name: 'victim.json', bytes }], {}, parseHtml);
    expect(read!.ok, read!.note).toBe(true);
    const root = document.createElement('div');
    document.body.append(root);
    render(h(AfterPage, { db }), root);
    await until(() => root.querySelector('[data-env-id]'), 'the environments');
    const lines = () =>
      Array.from(root.querySelectorAll('[data-env-id]')).map((li) => [
        li.querySelector('[data-field="line"]')!.textContent,
        li.getAttribute('data-mark'),
      ]);
    expect(lines()).toEqual([
      ['パソコンのブラウザ：3/29〜5/1 に 16回（うちこのブラウザから 13回）', 'suspect'],
      ['スマートフォンのアプリ（iSPEED）：2024年から 52回', 'none'],
    ]);
    const orders = () =>
      Array.from(root.querySelectorAll('[data-order-id]')).map((li) => [
        li.querySelector('[data-field="line"]')!.textContent,
        li.getAttribute('data-mark'),
      ]);
    expect(orders()[5]).toEqual(['3/31 10:41 売却 トヨタ自動車（7203） 200株・特定、539,000 円', expect.any(String)]);
    // every control names what it answers about
    for (const b of root.querySelectorAll('[data-env-id] button, [data-order-id] button'))
      expect(b.getAttribute('aria-label')).toMatch(/自分/);

    // 「自分ではない」 on the PC: its logins this browser did not make, and the orders of their sessions
    root.querySelector<HTMLButtonElement>('[data-env-id] [data-answer="not-mine"]')!.click();
    await until(
      () =>
        root.querySelector('[data-env-id][data-mark="not-mine"]') &&
        root.querySelector('[data-step="case"] [data-field="story"]'),
      'the case',
    );
    await until(() => !root.querySelector('main[aria-busy="true"]'), 'the page to settle');
    expect(orders().map(([, mark]) => mark)).toEqual(orders().map(() => 'not-mine'));
    const c = await loadCase(db);
    expect(c.notMine.filter((e) => e.kind === 'order')).toHaveLength(6);
    const story = root.querySelector('[data-step="case"] [data-field="story"]')!.textContent!;
    expect(story).toMatch(/^2025\/03\/29 02:41:00〜2025\/04\/01 14:05:00、/);
    expect(root.querySelectorAll('[data-step="case"] tbody tr').length).toBe(c.notMine.length + c.suspect.length);
    const exportLink = root.querySelector<HTMLAnchorElement>('[data-step="case"] a[data-action="export-evidence"]')!;
    expect(exportLink.getAttribute('href')).toBe('evidence.html?broker=rakuten&export=now');
    expect(exportLink.textContent).toBe('証拠を書き出す');

    // one order told otherwise: 「自分です」 on the Toyota sale
    const toyota = () =>
      Array.from(root.querySelectorAll<HTMLElement>('[data-order-id]')).find((li) =>
        li.textContent!.includes('トヨタ'),
      )!;
    toyota().querySelector<HTMLButtonElement>('[data-answer="mine"]')!.click();
    await until(() => toyota().getAttribute('data-mark') === 'mine', 'the Toyota sale marked as mine');
    expect((await loadCase(db)).notMine.filter((e) => e.kind === 'order')).toHaveLength(5);
    render(null, root);
    root.remove();
  }, 60_000);
});
