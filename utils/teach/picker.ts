// Teach mode in the page: injected only when the user asks (popup → background
// → scripting.executeScript of /teach.js), never part of the content scripts.
// Lives in a closed shadow root (the page's styles and scripts cannot reach
// it). First the user picks a table: tables are outlined on hover, or chosen
// from a keyboard-reachable list; a click on a table picks it instead of
// following its links. Then the panel (panel.ts). Form fields are never
// offered and no field value is ever read; everything from the page is shown
// with textContent.

import { t } from '../i18n';
import type { BrokerId } from '../brokers/types';
import { urlPatternOf } from '../brokers/shared/taught';
import type { MappingDraft } from '../store/mappings';
import { candidates, initialState, type Candidate } from './model';
import { renderPanel } from './panel';

export const HOST_TAG = 'kabu-guard-teach';

export interface TeachOptions {
  doc: Document;
  broker: BrokerId;
  url: string;
  /** Saves the mapping (the background validates and stores it). */
  save(draft: MappingDraft): Promise<{ ok: boolean; error?: string }>;
  /** After a save, with the UI gone: read the page again so its rows are stored now. */
  saved(): void;
  /** Shadow root mode: closed in the page; open only for component tests. */
  mode?: ShadowRootMode;
}

export interface TeachUi {
  host: HTMLElement;
  root: ShadowRoot;
  close(): void;
}

const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer { position: fixed; inset: 0; pointer-events: none; font: 14px/1.5 system-ui, "Hiragino Sans", "Noto Sans JP", "IPAPGothic", "IPAGothic", "Yu Gothic", sans-serif; color: #1b1b1b; }
.outline { position: fixed; border: 3px solid #0b57d0; background: rgba(11, 87, 208, .08); border-radius: 4px; display: none; }
.outline.picked { border-color: #146c2e; background: rgba(20, 108, 46, .06); }
.banner, .panel { pointer-events: auto; background: #fff; border: 1px solid #6b6b6b; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.25); }
.banner { position: fixed; top: 12px; left: 50%; transform: translateX(-50%); padding: 12px 16px; max-width: min(720px, calc(100vw - 24px)); }
.banner p { margin: 0 0 8px; font-weight: 600; }
.banner ul { list-style: none; margin: 0 0 8px; padding: 0; max-height: 30vh; overflow: auto; }
.banner li { margin: 4px 0; }
.panel { position: fixed; right: 12px; bottom: 12px; width: min(760px, calc(100vw - 24px)); max-height: calc(100vh - 24px); overflow: auto; padding: 16px; }
h2 { font-size: 17px; margin: 0 0 4px; }
h3 { font-size: 15px; margin: 12px 0 4px; }
.hint { margin: 0 0 8px; color: #3d3d3d; }
.kind { display: inline-flex; gap: 8px; align-items: center; margin-bottom: 8px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #c4c4c4; padding: 4px 6px; text-align: left; vertical-align: top; word-break: break-all; }
thead th { background: #f0f2f5; }
.sample { color: #3d3d3d; }
.status { margin: 8px 0 0; padding: 6px 8px; border-radius: 4px; background: #fff4e5; color: #5c3a00; }
.status.ready { background: #e7f4ea; color: #0f5223; }
.status.error { background: #fdecea; color: #8c1d18; }
tr.problem td { background: #fdecea; color: #8c1d18; }
td.waiting { color: #3d3d3d; }
select, button { font: inherit; color: inherit; }
select { padding: 2px 4px; border: 1px solid #6b6b6b; border-radius: 4px; background: #fff; max-width: 100%; }
select[aria-invalid] { border-color: #b3261e; outline: 2px solid #b3261e; }
button { padding: 6px 14px; border: 1px solid #6b6b6b; border-radius: 6px; background: #fff; cursor: pointer; margin-right: 8px; }
button.primary { background: #0b57d0; border-color: #0b57d0; color: #fff; font-weight: 600; }
button:disabled { background: #e3e3e3; border-color: #c4c4c4; color: #5e5e5e; cursor: not-allowed; }
button:focus-visible, select:focus-visible { outline: 3px solid #f9ab00; outline-offset: 2px; }
.actions { margin-top: 12px; }
`;

/** The candidate whose table holds `target`, the innermost when tables are nested. */
function candidateAt(list: readonly Candidate[], target: Node | null): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of list)
    if (target && c.grid.element.contains(target) && (!best || best.grid.element.contains(c.grid.element))) best = c;
  return best;
}

function describe(c: Candidate, i: number): string {
  const heads = c.headers.slice(0, 5).join(' / ') + (c.headers.length > 5 ? ' …' : '');
  return t('teachTableItem', [String(i + 1), heads, String(c.grid.rows.length - c.headerRow - 1)]);
}

// teach pressed again while the UI is open: the earlier one closes first (its listeners too).
// A property of the extension's isolated world: the page's scripts cannot see it.
const OPEN_KEY = '__kabuGuardTeachClose';
type WithClose = { [OPEN_KEY]?: () => void };

export function startTeach(o: TeachOptions): TeachUi {
  const { doc } = o;
  (globalThis as WithClose)[OPEN_KEY]?.();
  doc.querySelector(HOST_TAG)?.remove();
  const host = doc.createElement(HOST_TAG);
  // inline !important beats any page rule on the element itself
  host.style.cssText =
    'all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; pointer-events: none !important; display: block !important;';
  const root = host.attachShadow({ mode: o.mode ?? 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const layer = doc.createElement('div');
  layer.className = 'layer';
  const outline = doc.createElement('div');
  outline.className = 'outline';
  layer.append(outline);
  root.append(style, layer);
  (doc.documentElement ?? doc.body).append(host);

  let list: Candidate[] = [];
  let shown: Candidate | undefined;
  let cleanup: Array<() => void> = [];
  const listen = <K extends keyof DocumentEventMap>(
    target: Document | Window,
    type: K,
    fn: (e: DocumentEventMap[K]) => void,
  ) => {
    target.addEventListener(type, fn as EventListener, true);
    cleanup.push(() => target.removeEventListener(type, fn as EventListener, true));
  };
  const stopListening = () => {
    for (const f of cleanup) f();
    cleanup = [];
  };
  const place = () => {
    if (!shown) {
      outline.style.display = 'none';
      return;
    }
    const r = shown.grid.element.getBoundingClientRect();
    Object.assign(outline.style, {
      display: 'block',
      left: `${r.left - 4}px`,
      top: `${r.top - 4}px`,
      width: `${r.width + 8}px`,
      height: `${r.height + 8}px`,
    });
  };
  const show = (c: Candidate | undefined) => {
    shown = c;
    place();
  };
  const close = () => {
    stopListening();
    host.remove();
    if ((globalThis as WithClose)[OPEN_KEY] === close) delete (globalThis as WithClose)[OPEN_KEY];
  };
  (globalThis as WithClose)[OPEN_KEY] = close;

  const pickMode = () => {
    stopListening();
    layer.querySelector('.panel')?.remove();
    outline.classList.remove('picked');
    list = candidates(doc);
    const banner = doc.createElement('div');
    banner.className = 'banner';
    banner.setAttribute('role', 'dialog');
    banner.setAttribute('aria-label', t('teachPickTitle'));
    banner.setAttribute('data-kg', 'banner');
    const p = doc.createElement('p');
    p.textContent = list.length ? t('teachPickPrompt') : t('teachNoTables');
    const ul = doc.createElement('ul');
    list.forEach((c, i) => {
      const li = doc.createElement('li');
      const b = doc.createElement('button');
      b.type = 'button';
      b.setAttribute('data-kg', 'candidate');
      b.textContent = describe(c, i);
      b.addEventListener('focus', () => show(c));
      b.addEventListener('mouseenter', () => show(c));
      b.addEventListener('click', () => pick(c));
      li.append(b);
      ul.append(li);
    });
    const cancel = doc.createElement('button');
    cancel.type = 'button';
    cancel.setAttribute('data-kg', 'cancel');
    cancel.textContent = t('teachCancel');
    cancel.addEventListener('click', close);
    banner.append(p, ul, cancel);
    layer.append(banner);
    // events inside the UI reach the page as events on the host: those are the UI's own
    const onPage = (e: Event) => e.target !== host && !host.contains(e.target as Node);
    listen(doc, 'mouseover', (e) => {
      if (onPage(e)) show(candidateAt(list, e.target as Node));
    });
    listen(doc, 'click', (e) => {
      if (!onPage(e)) return;
      const c = candidateAt(list, e.target as Node);
      if (!c) return;
      // picking a table, not following its links or pressing its buttons
      e.preventDefault();
      e.stopPropagation();
      pick(c);
    });
    listen(doc, 'keydown', (e) => {
      if (e.key === 'Escape') close();
    });
    const view = doc.defaultView;
    if (view) {
      listen(view as unknown as Document, 'scroll', place);
      listen(view as unknown as Document, 'resize', place);
    }
    (banner.querySelector('button') as HTMLButtonElement | null)?.focus();
  };

  const pick = (c: Candidate) => {
    stopListening();
    layer.querySelector('.banner')?.remove();
    show(c);
    outline.classList.add('picked');
    c.grid.element.scrollIntoView?.({ block: 'nearest' });
    place();
    const view = doc.defaultView;
    if (view) {
      listen(view as unknown as Document, 'scroll', place);
      listen(view as unknown as Document, 'resize', place);
    }
    listen(doc, 'keydown', (e) => {
      if (e.key === 'Escape') close();
    });
    const panel = renderPanel({
      doc,
      root: layer,
      candidate: c,
      state: initialState(o.broker, urlPatternOf(o.url), c, doc.title),
      pageDoc: doc,
      url: o.url,
      onSave: async (draft) => {
        const r = await o.save(draft);
        if (r.ok) {
          close();
          o.saved();
        }
        return r;
      },
      onRepick: pickMode,
      onCancel: close,
    });
    panel.focus();
  };

  pickMode();
  return { host, root, close };
}
