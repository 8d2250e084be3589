// The teach panel: one drop-down per column of the picked table, a live
// preview of the rows as the saved mapping would read them, save / pick
// again / cancel. Plain DOM in the caller's root (a closed shadow root in the
// page: picker.ts). Every text from the page is set with textContent; nothing
// here ever uses innerHTML.

import { t } from '../i18n';
import { visible } from '../text/visible';
import type { LoginRow, OrderRow } from '../brokers/types';
import type { PreviewRow } from '../brokers/shared/taught';
import type { MappingDraft } from '../store/mappings';
import { draftOf, fieldsOf, preview, withKind, type Candidate, type DraftState, type MappingKind } from './model';

export const KIND_KEYS: Record<MappingKind, string> = { 'login-history': 'teachKindLogin', orders: 'teachKindOrders' };

const LOGIN_FIELD_KEYS: Record<string, string> = {
  at: 'teachFieldLoginAt',
  date: 'teachFieldDate',
  time: 'teachFieldTime',
  ip: 'teachFieldIp',
  environment: 'teachFieldEnvironment',
  browser: 'teachFieldBrowser',
  os: 'teachFieldOs',
  channel: 'teachFieldChannel',
  result: 'teachFieldResult',
  location: 'teachFieldLocation',
};
const ORDER_FIELD_KEYS: Record<string, string> = {
  at: 'teachFieldOrderAt',
  symbol: 'teachFieldSymbol',
  name: 'teachFieldName',
  market: 'teachFieldMarket',
  side: 'teachFieldSide',
  quantity: 'teachFieldQuantity',
  price: 'teachFieldPrice',
  currency: 'teachFieldCurrency',
  account: 'teachFieldAccount',
  status: 'teachFieldStatus',
};

/** The catalogue key of a field's name (`symbol|name` names both). */
export function fieldLabel(kind: MappingKind, field: string): string {
  const keys = kind === 'login-history' ? LOGIN_FIELD_KEYS : ORDER_FIELD_KEYS;
  return field
    .split('|')
    .map((f) => t(keys[f] ?? f))
    .join(t('teachOr'));
}

/** Every catalogue key the panel may use (tests hold the catalogues to it). */
export const PANEL_KEYS = [
  ...Object.values(KIND_KEYS),
  ...Object.values(LOGIN_FIELD_KEYS),
  ...Object.values(ORDER_FIELD_KEYS),
  'teachOr',
  'teachListSep',
  'teachPanelTitle',
  'teachPanelHint',
  'teachKindLabel',
  'teachColHeader',
  'teachColSample',
  'teachColField',
  'teachFieldNone',
  'teachMissing',
  'teachDuplicate',
  'teachReady',
  'teachRowsTotal',
  'teachPreviewTitle',
  'teachPreviewWaiting',
  'teachRowProblem',
  'teachSave',
  'teachRepick',
  'teachCancel',
  'teachSaving',
  'teachSaveFailed',
  'teachFieldFor',
  'teachResultSuccess',
  'teachResultFailure',
  'teachSideBuy',
  'teachSideSell',
  'teachStatusExecuted',
  'teachStatusOpen',
  'teachStatusCancelled',
  'teachPreviewAt',
  'teachPreviewResult',
  'teachPreviewIp',
  'teachPreviewEnvironment',
  'teachPreviewChannel',
  'teachPreviewLocation',
  'teachPreviewInstrument',
  'teachPreviewSide',
  'teachPreviewQuantity',
  'teachPreviewPrice',
  'teachPreviewStatus',
];

export interface PanelOptions {
  /** The document elements are created in (the page's). */
  doc: Document;
  root: ParentNode;
  candidate: Candidate;
  state: DraftState;
  /** The page, for what the order reader takes from it (the region its headings name). */
  pageDoc?: Document;
  url: string;
  onSave(draft: MappingDraft): Promise<{ ok: boolean; error?: string }>;
  onRepick(): void;
  onCancel(): void;
}

export interface Panel {
  el: HTMLElement;
  state(): DraftState;
  /** The first control, focused when the panel opens. */
  focus(): void;
}

/** `2026-05-01T20:15:03+09:00` -> `2026/05/01 20:15:03` (JST, as Japanese users read times). */
export function jstText(iso: string, dateOnly = false): string {
  const s = iso.slice(0, 19).replace('T', ' ').replace(/-/g, '/');
  return dateOnly ? s.slice(0, 10) : s;
}

function loginCells(l: LoginRow): string[] {
  const env = [l.device, l.os, l.browser, l.userAgent].filter(Boolean).join(' / ');
  return [
    jstText(l.at),
    t(l.result === 'failure' ? 'teachResultFailure' : 'teachResultSuccess'),
    l.ip ?? '',
    env,
    l.channel ?? '',
    l.location ?? '',
  ];
}

const STATUS_KEYS: Record<OrderRow['status'], string> = {
  executed: 'teachStatusExecuted',
  open: 'teachStatusOpen',
  cancelled: 'teachStatusCancelled',
};
function orderCells(o: OrderRow): string[] {
  return [
    jstText(o.at, o.dateOnly),
    [o.symbol, o.name, o.market].filter(Boolean).join(' '),
    t(o.side === 'buy' ? 'teachSideBuy' : 'teachSideSell'),
    o.quantity === undefined ? '' : String(o.quantity),
    o.price === undefined ? '' : `${o.price}${o.currencyCode ? ` ${o.currencyCode}` : ''}`,
    t(STATUS_KEYS[o.status]),
  ];
}

const PREVIEW_HEADS: Record<MappingKind, string[]> = {
  'login-history': [
    'teachPreviewAt',
    'teachPreviewResult',
    'teachPreviewIp',
    'teachPreviewEnvironment',
    'teachPreviewChannel',
    'teachPreviewLocation',
  ],
  orders: [
    'teachPreviewAt',
    'teachPreviewInstrument',
    'teachPreviewSide',
    'teachPreviewQuantity',
    'teachPreviewPrice',
    'teachPreviewStatus',
  ],
};

export function renderPanel(o: PanelOptions): Panel {
  const { doc, candidate: c } = o;
  let state = o.state;
  const el = (tag: string, attrs: Record<string, string> = {}, text?: string): HTMLElement => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = visible(text);
    return e;
  };

  const panel = el('section', {
    class: 'panel',
    role: 'dialog',
    'aria-labelledby': 'kg-teach-title',
    'data-kg': 'panel',
  });
  panel.append(
    el('h2', { id: 'kg-teach-title' }, t('teachPanelTitle')),
    el('p', { class: 'hint' }, t('teachPanelHint')),
  );

  const kindLabel = el('label', { class: 'kind' }, t('teachKindLabel'));
  const kindSelect = el('select', { 'data-kg': 'kind' }) as HTMLSelectElement;
  for (const k of Object.keys(KIND_KEYS) as MappingKind[])
    kindSelect.append(el('option', { value: k }, t(KIND_KEYS[k])));
  kindSelect.value = state.kind;
  kindLabel.append(kindSelect);
  panel.append(kindLabel);

  // one row per column: the header and a sample as the page shows them, and the drop-down
  const columns = el('table', { class: 'columns', 'data-kg': 'columns' });
  const head = el('tr');
  for (const k of ['teachColHeader', 'teachColSample', 'teachColField']) head.append(el('th', { scope: 'col' }, t(k)));
  columns.append(el('thead'), el('tbody'));
  columns.firstElementChild!.append(head);
  const sample = c.grid.rows[c.headerRow + 1] ?? [];
  const selects: HTMLSelectElement[] = [];
  c.keys.forEach((key, i) => {
    const tr = el('tr');
    const sel = el('select', {
      'data-column': String(i),
      'aria-label': t('teachFieldFor', c.headers[i] ?? key),
    }) as HTMLSelectElement;
    selects.push(sel);
    tr.append(
      el('th', { scope: 'row' }, c.headers[i] ?? key),
      el('td', { class: 'sample' }, (sample[i]?.text ?? '').slice(0, 80)),
    );
    const td = el('td');
    td.append(sel);
    tr.append(td);
    columns.lastElementChild!.append(tr);
  });
  panel.append(columns);

  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-kg': 'status' });
  panel.append(status, el('h3', {}, t('teachPreviewTitle')));
  const previewTable = el('table', { class: 'preview', 'data-kg': 'preview' });
  panel.append(previewTable);

  const actions = el('div', { class: 'actions' });
  const save = el(
    'button',
    { type: 'button', class: 'primary', 'data-kg': 'save' },
    t('teachSave'),
  ) as HTMLButtonElement;
  const repick = el('button', { type: 'button', 'data-kg': 'repick' }, t('teachRepick'));
  const cancel = el('button', { type: 'button', 'data-kg': 'cancel' }, t('teachCancel'));
  actions.append(save, repick, cancel);
  panel.append(actions);

  const fillOptions = () => {
    selects.forEach((sel, i) => {
      sel.replaceChildren(el('option', { value: '' }, t('teachFieldNone')));
      for (const f of fieldsOf(state.kind)) sel.append(el('option', { value: f }, fieldLabel(state.kind, f)));
      sel.value = state.fields[c.keys[i]!] ?? '';
    });
  };

  const update = () => {
    const p = preview(state, c, o.pageDoc, o.url);
    const dup = new Set(p.duplicates);
    selects.forEach((sel, i) => sel.toggleAttribute('aria-invalid', dup.has(state.fields[c.keys[i]!] ?? '')));
    status.className = `status${p.ready ? ' ready' : ' todo'}`;
    status.textContent = p.missing.length
      ? t('teachMissing', p.missing.map((f) => fieldLabel(state.kind, f)).join(t('teachListSep')))
      : p.duplicates.length
        ? t('teachDuplicate', p.duplicates.map((f) => fieldLabel(state.kind, f)).join(t('teachListSep')))
        : p.ready
          ? t('teachReady', String(p.total))
          : t('teachRowsTotal', String(p.total));
    save.disabled = !p.ready;
    previewTable.replaceChildren();
    const hr = el('tr');
    for (const k of PREVIEW_HEADS[state.kind]) hr.append(el('th', { scope: 'col' }, t(k)));
    const thead = el('thead');
    thead.append(hr);
    const tbody = el('tbody');
    previewTable.append(thead, tbody);
    if (p.missing.length || p.duplicates.length) {
      const tr = el('tr');
      tr.append(el('td', { colspan: '6', class: 'waiting' }, t('teachPreviewWaiting')));
      tbody.append(tr);
      return;
    }
    for (const r of p.rows as PreviewRow[]) {
      const tr = el('tr', r.problem ? { class: 'problem' } : {});
      if (r.problem) tr.append(el('td', { colspan: '6' }, t('teachRowProblem', r.problem)));
      else
        for (const cell of r.login ? loginCells(r.login) : r.order ? orderCells(r.order) : [])
          tr.append(el('td', {}, cell));
      tbody.append(tr);
    }
  };

  kindSelect.addEventListener('change', () => {
    state = withKind(state, kindSelect.value as MappingKind, c);
    fillOptions();
    update();
  });
  selects.forEach((sel, i) =>
    sel.addEventListener('change', () => {
      state = { ...state, fields: { ...state.fields, [c.keys[i]!]: sel.value } };
      update();
    }),
  );
  save.addEventListener('click', () => {
    if (save.disabled) return;
    save.disabled = true;
    status.className = 'status';
    status.textContent = t('teachSaving');
    void o.onSave(draftOf(state, c)).then(
      (r) => {
        if (r.ok) return;
        status.className = 'status error';
        status.textContent = t('teachSaveFailed', r.error ?? '');
        save.disabled = false;
      },
      (err: unknown) => {
        status.className = 'status error';
        status.textContent = t('teachSaveFailed', String(err).slice(0, 120));
        save.disabled = false;
      },
    );
  });
  repick.addEventListener('click', () => o.onRepick());
  cancel.addEventListener('click', () => o.onCancel());

  fillOptions();
  update();
  o.root.append(panel);
  return { el: panel, state: () => state, focus: () => kindSelect.focus() };
}
