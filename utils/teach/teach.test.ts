// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { candidates, guessKind, initialState, preview, suggestFields } from './model';
import { PANEL_KEYS, renderPanel } from './panel';
import { HOST_TAG, startTeach } from './picker';

const URL_ = 'https://member.rakuten-sec.co.jp/app/info_connect_log.do';
// invented rows; a hostile cell shows that page text is rendered as text only
const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const PAGE = `<h1>接続の記録</h1>
<form><table id="login"><tr><td>パスワード</td><td><input type="password" name="pw"></td></tr><tr><td>a</td><td>b</td></tr></table></form>
<table id="log"><tr><th>接続時刻</th><th>接続元アドレス</th><th>端末種別</th></tr>
<tr><td>2026/05/01 20:15:03</td><td>203.0.113.10</td><td>${HOSTILE.replace(/</g, '&lt;')}</td></tr>
<tr><td>2026/04/29 08:01:59</td><td>198.51.100.7</td><td>iOS / Safari</td></tr></table>
<table id="layout"><tr><td>only one row</td><td>x</td></tr></table>`;

function setup(): void {
  document.body.innerHTML = PAGE;
  (window as unknown as { __pwned?: number }).__pwned = undefined;
}
afterEach(() => {
  document.body.innerHTML = '';
  document.querySelector(HOST_TAG)?.remove();
});

const change = (sel: HTMLSelectElement, value: string) => {
  sel.value = value;
  sel.dispatchEvent(new Event('change'));
};

describe('teach model', () => {
  it('offers tables with a header row and data, never a form with a password field', () => {
    setup();
    const list = candidates(document);
    expect(list.map((c) => c.grid.element.id)).toEqual(['log']);
    expect(list[0]!.keys).toEqual(['接続時刻', '接続元アドレス', '端末種別']);
  });

  it.each([
    [['接続時刻', '接続元アドレス', '端末種別'], 'login-history', { 端末種別: 'environment' }],
    [['ログイン日時', 'IPアドレス', '結果'], 'login-history', { ログイン日時: 'at', ipアドレス: 'ip', 結果: 'result' }],
    [
      ['約定日', '銘柄コード', '売買', '数量', '単価'],
      'orders',
      { 約定日: 'at', 銘柄コード: 'symbol', 売買: 'side', 数量: 'quantity', 単価: 'price' },
    ],
  ])('guesses %j as a %s with the vocabulary', (headers, kind, fields) => {
    expect(guessKind(headers)).toBe(kind);
    expect(suggestFields(kind as 'login-history' | 'orders', headers)).toEqual(fields);
  });

  it('previews nothing until a time is chosen, then the rows as the reader reads them', () => {
    setup();
    const c = candidates(document)[0]!;
    const s = initialState('rakuten', '/app/info_connect_log.do', c);
    expect(preview(s, c)).toMatchObject({ missing: ['at|date'], ready: false, total: 2 });
    const p = preview({ ...s, fields: { ...s.fields, 接続時刻: 'at', 接続元アドレス: 'ip' } }, c);
    expect(p.ready).toBe(true);
    expect(p.rows.map((r) => [r.login?.at, r.login?.ip])).toEqual([
      ['2026-05-01T20:15:03+09:00', '203.0.113.10'],
      ['2026-04-29T08:01:59+09:00', '198.51.100.7'],
    ]);
  });

  it('a column whose values are not times makes the preview say which row cannot be read', () => {
    setup();
    const c = candidates(document)[0]!;
    const s = initialState('rakuten', '/app/x.do', c);
    const p = preview({ ...s, fields: { 接続時刻: '', 接続元アドレス: 'at', 端末種別: '' } }, c);
    expect(p.ready).toBe(false);
    expect(p.rows[0]!.problem).toMatch(/no login time in "203.0.113.10"/);
  });
});

describe('teach panel', () => {
  const mount = (onSave = vi.fn(async () => ({ ok: true }))) => {
    setup();
    const root = document.createElement('div');
    document.body.append(root);
    const c = candidates(document)[0]!;
    const panel = renderPanel({
      doc: document,
      root,
      candidate: c,
      state: initialState('rakuten', '/app/info_connect_log.do', c, '接続の記録'),
      url: URL_,
      onSave,
      onRepick: vi.fn(),
      onCancel: vi.fn(),
    });
    const q = <T extends Element>(s: string) => root.querySelector<T>(s)!;
    return { root, panel, q, onSave };
  };

  it('updates the preview live when a drop-down changes, and enables save only when every row reads', () => {
    const { root, q } = mount();
    const save = q<HTMLButtonElement>('[data-kg="save"]');
    expect(save.disabled).toBe(true);
    expect(q('[data-kg="status"]').textContent).toContain('日時');
    expect(q('[data-kg="preview"] td.waiting')).not.toBeNull();
    change(q('select[data-column="0"]'), 'at');
    expect(save.disabled).toBe(false);
    expect(
      Array.from(root.querySelectorAll('[data-kg="preview"] tbody tr')).map(
        (tr) => tr.querySelector('td')!.textContent,
      ),
    ).toEqual(['2026/05/01 20:15:03', '2026/04/29 08:01:59']);
    expect(q('[data-kg="preview"] tbody tr td:nth-child(3)').textContent).toBe('');
    change(q('select[data-column="1"]'), 'ip');
    expect(q('[data-kg="preview"] tbody tr td:nth-child(3)').textContent).toBe('203.0.113.10');
    // the same field twice: flagged, save disabled
    change(q('select[data-column="2"]'), 'ip');
    expect(save.disabled).toBe(true);
    expect(q('select[data-column="2"]').hasAttribute('aria-invalid')).toBe(true);
    expect(q('[data-kg="status"]').textContent).toContain('IPアドレス');
  });

  it('shows page text as text: a hostile cell is not markup', () => {
    const { root, q } = mount();
    change(q('select[data-column="0"]'), 'at');
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain(HOSTILE);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('switching to orders offers the order fields and asks for what an order needs', () => {
    const { q } = mount();
    change(q('[data-kg="kind"]'), 'orders');
    const options = Array.from(q<HTMLSelectElement>('select[data-column="0"]').options).map((o) => o.value);
    expect(options).toEqual([
      '',
      'at',
      'symbol',
      'name',
      'market',
      'side',
      'quantity',
      'price',
      'currency',
      'account',
      'status',
    ]);
    expect(q('[data-kg="status"]').textContent).toMatch(/約定日時.*売買.*銘柄コード/);
  });

  it('saves the draft: header texts and fields, for this broker and URL pattern', async () => {
    const { q, onSave } = mount();
    change(q('select[data-column="0"]'), 'at');
    change(q('select[data-column="1"]'), 'ip');
    q<HTMLButtonElement>('[data-kg="save"]').click();
    await Promise.resolve();
    expect(onSave).toHaveBeenCalledWith({
      broker: 'rakuten',
      urlPattern: '/app/info_connect_log.do',
      kind: 'login-history',
      signature: ['接続時刻', '接続元アドレス', '端末種別'],
      columns: [
        { header: '接続時刻', field: 'at' },
        { header: '接続元アドレス', field: 'ip' },
        { header: '端末種別', field: 'environment' },
      ],
      title: '接続の記録',
    });
  });

  it('a refused save says why and can be tried again', async () => {
    const { q } = mount(vi.fn(async () => ({ ok: false, error: 'not-this-page' })));
    change(q('select[data-column="0"]'), 'at');
    q<HTMLButtonElement>('[data-kg="save"]').click();
    await new Promise((r) => setTimeout(r, 0));
    expect(q('[data-kg="status"]').textContent).toContain('not-this-page');
    expect(q<HTMLButtonElement>('[data-kg="save"]').disabled).toBe(false);
  });
});

describe('picker', () => {
  it('picks a table by clicking it (the click does not reach the page), then shows the panel', () => {
    setup();
    const pageClick = vi.fn();
    document.getElementById('log')!.addEventListener('click', pageClick);
    const ui = startTeach({ doc: document, broker: 'rakuten', url: URL_, save: vi.fn(), saved: vi.fn(), mode: 'open' });
    expect(ui.root.querySelectorAll('[data-kg="candidate"]').length).toBe(1);
    document.querySelector('#log td')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(pageClick).not.toHaveBeenCalled();
    expect(ui.root.querySelector('[data-kg="banner"]')).toBeNull();
    expect(ui.root.querySelectorAll('select[data-column]').length).toBe(3);
    ui.close();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('removes itself before the page is read again after a save', async () => {
    setup();
    const saved = vi.fn(() => expect(document.querySelector(HOST_TAG)).toBeNull());
    const ui = startTeach({
      doc: document,
      broker: 'rakuten',
      url: URL_,
      save: async () => ({ ok: true }),
      saved,
      mode: 'open',
    });
    (ui.root.querySelector('[data-kg="candidate"]') as HTMLButtonElement).click();
    change(ui.root.querySelector('select[data-column="0"]')!, 'at');
    (ui.root.querySelector('[data-kg="save"]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(saved).toHaveBeenCalledOnce();
  });

  it('started again, the earlier UI closes with its listeners', () => {
    setup();
    const first = startTeach({
      doc: document,
      broker: 'rakuten',
      url: URL_,
      save: vi.fn(),
      saved: vi.fn(),
      mode: 'open',
    });
    const second = startTeach({
      doc: document,
      broker: 'rakuten',
      url: URL_,
      save: vi.fn(),
      saved: vi.fn(),
      mode: 'open',
    });
    expect(document.querySelectorAll(HOST_TAG).length).toBe(1);
    document.querySelector('#log td')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(first.root.querySelector('select[data-column]')).toBeNull();
    expect(second.root.querySelectorAll('select[data-column]').length).toBe(3);
    second.close();
  });

  it('is a closed shadow root in the page', () => {
    setup();
    const ui = startTeach({ doc: document, broker: 'rakuten', url: URL_, save: vi.fn(), saved: vi.fn() });
    expect(ui.host.shadowRoot).toBeNull();
    ui.close();
  });
});

describe('catalogues', () => {
  it.each(['ja', 'en'])('%s has every key the teach UI uses', (loc) => {
    const catalog = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'public', '_locales', loc, 'messages.json'), 'utf8'),
    ) as Record<string, unknown>;
    const used = new Set([
      ...PANEL_KEYS,
      ...Array.from(
        readFileSync(join(__dirname, 'picker.ts'), 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g),
        (m) => m[1]!,
      ),
    ]);
    expect([...used].filter((k) => !(k in catalog))).toEqual([]);
  });
});
