// What a snapshot keeps of a page: what it needs to be read again by the same
// readers and shown to the user, and nothing else. Redaction is by ALLOW-LIST
// (issue 11 item 8): a list of known leaks missed session ids in meta refresh,
// formaction, srcset, style url(), object data, event handlers, comments,
// srcdoc, templates, button values, data-* attributes and ?sid links.
//
// Kept: elements and their text (the page as the user saw it, after the
// broker's scripts ran: SBI's new site renders its lists client-side), and of
// attributes only those the readers or the viewer use (ALLOWED_ATTRIBUTES).
// Links and form actions keep their path and their ordinary query parameters,
// without session ids (`;BV_SessionID=…`), session-named or token-like values,
// fragments or non-http schemes. Everything else goes: comments and other
// non-text nodes, scripts, styles, embedded and hidden content (template,
// iframe, object, svg, meta, link, base), every other attribute (event
// handlers, style, src, srcset, data-* but two, value but on buttons), input
// values and textarea contents. The charset meta is rewritten because the
// snapshot is stored as UTF-8. Checks between visits send the fetched page
// through here too (utils/capture/check.ts): the broker's bytes carry the same
// session ids, so a snapshot never keeps them.
//
// The walk is iterative (no recursion: a deep page cannot overflow the stack).

export interface SerializedPage {
  html: string;
  charset: string;
  redactions: string[];
}

/** Removed with everything inside: they run, load, submit, or hold what the user never saw. */
const DROPPED = new Map<string, string>([
  ...['script', 'noscript'].map((t) => [t, 'scripts'] as const),
  ...[
    'style',
    'link',
    'meta',
    'base',
    'template',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'param',
    'svg',
    'math',
    'canvas',
    'audio',
    'video',
    'source',
    'track',
    'map',
    'area',
    'portal',
    'slot',
  ].map((t) => [t, 'embedded-content'] as const),
]);

/** Elements kept as they are (with allowed attributes only). Others are replaced by their contents. */
const KEPT = new Set([
  'html',
  'head',
  'title',
  'body',
  'a',
  'abbr',
  'address',
  'article',
  'aside',
  'b',
  'bdi',
  'bdo',
  'big',
  'blockquote',
  'br',
  'button',
  'caption',
  'center',
  'cite',
  'code',
  'col',
  'colgroup',
  'data',
  'dd',
  'del',
  'details',
  'dfn',
  'dialog',
  'div',
  'dl',
  'dt',
  'em',
  'fieldset',
  'figcaption',
  'figure',
  'font',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'label',
  'legend',
  'li',
  'main',
  'mark',
  'nav',
  'nobr',
  'ol',
  'optgroup',
  'option',
  'output',
  'p',
  'picture',
  'pre',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'section',
  'select',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'textarea',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'tt',
  'u',
  'ul',
  'var',
  'wbr',
]);

/**
 * Attributes kept, and why: table structure (colspan, rowspan, headers,
 * scope); classes and ids the readers and teach mode look for (title-ish
 * boxes, page-state.ts); the labels of list-shaped tables (`data-label`, SBI
 * new site, table.ts) and their instrument codes (`data-security-code`,
 * orders.ts); input types (a password field means logged out), image alt
 * texts and button values (the logout control); links and form actions
 * (the logout link, SBI's `i_stock_sec=` stock links), sanitised.
 */
const ALLOWED_ATTRIBUTES = new Set([
  'id',
  'class',
  'lang',
  'dir',
  'colspan',
  'rowspan',
  'headers',
  'scope',
  'data-label',
  'data-security-code',
  'type',
  'alt',
  'value',
  'href',
  'action',
  'datetime',
]);

/** `value` is shown text on these input types only (a button's label); elsewhere it is what the user typed. */
const LABEL_INPUTS = new Set(['button', 'submit', 'reset']);

/** Query parameter names that carry a session or a credential, whatever their value looks like. */
const SESSION_NAME =
  /sess|sid|token|auth|csrf|xsrf|key|ticket|nonce|sig|otp|pass|pin|secret|code_?verifier|^code$|^state$/i;
const MATRIX_SESSION = /;[^/?#]*/g;

/**
 * A value shaped like a token rather than a word or a number: a run of 16+
 * letters and digits (base64/hex alphabet) mixing both. Order numbers
 * (`20250401-000318`), stock codes (`6846`, `GOOG`) and class names
 * (`pcm-gl-header`) are not; session ids (`97B0E2D4…`) are.
 */
export function tokenLike(v: string): boolean {
  for (const run of v.match(/[A-Za-z0-9+/=_]{16,}/g) ?? []) {
    const digits = run.replace(/\D/g, '').length;
    if (digits >= 2 && run.length - digits >= 2) return true;
  }
  return false;
}

/** A link or form action as kept: path and ordinary query parameters; or nothing. */
function cleanUrl(v: string): string | undefined {
  const value = v.trim();
  if (!value || value.startsWith('#')) return undefined;
  let u: URL;
  try {
    u = new URL(value, 'https://base.invalid/');
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  if (u.username || u.password) return undefined;
  const path = u.pathname.replace(MATRIX_SESSION, '');
  if (tokenLike(path)) return undefined;
  const query = new URLSearchParams();
  for (const [k, val] of u.searchParams)
    if (!SESSION_NAME.test(k) && !tokenLike(k) && !tokenLike(val)) query.set(k, val);
  const q = query.toString();
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//');
  return `${absolute ? u.origin : ''}${path}${q ? `?${q}` : ''}`;
}

const ELEMENT = 1;
const TEXT = 3;

export function serializePage(doc: Document): SerializedPage {
  const root = doc.documentElement.cloneNode(true) as Element;
  const redactions = new Set<string>();
  const work: Node[] = Array.from(root.childNodes);
  while (work.length) {
    const node = work.pop()!;
    if (node.nodeType === TEXT) continue;
    if (node.nodeType !== ELEMENT) {
      // comments, CDATA, processing instructions: never shown, often where tokens hide
      node.parentNode?.removeChild(node);
      redactions.add('comments');
      continue;
    }
    const e = node as Element;
    const name = e.localName.toLowerCase();
    const dropped = DROPPED.get(name);
    if (dropped) {
      e.parentNode?.removeChild(e);
      redactions.add(dropped);
      continue;
    }
    const kids = Array.from(e.childNodes);
    if (!KEPT.has(name) && !name.includes('-')) {
      // an element the allow-list does not know (a custom element is kept) gives way to its contents
      const parent = e.parentNode!;
      for (const c of kids) parent.insertBefore(c, e);
      parent.removeChild(e);
      redactions.add('elements');
    } else {
      cleanAttributes(e, name, redactions);
      if (name === 'textarea') {
        if (e.textContent) redactions.add('textarea-contents');
        e.textContent = '';
        continue;
      }
    }
    for (const c of kids) work.push(c);
  }
  cleanAttributes(root, 'html', redactions);
  const head = root.querySelector('head');
  if (head) {
    const meta = doc.createElement('meta');
    meta.setAttribute('charset', 'utf-8');
    head.insertBefore(meta, head.firstChild);
  }
  return {
    html: `<!DOCTYPE html>\n${root.outerHTML}`,
    charset: (doc.characterSet || 'utf-8').toLowerCase(),
    redactions: [...redactions].sort(),
  };
}

function cleanAttributes(e: Element, name: string, redactions: Set<string>): void {
  for (const attr of Array.from(e.attributes)) {
    const key = attr.name.toLowerCase();
    const v = attr.value;
    let keep: string | undefined;
    if (!ALLOWED_ATTRIBUTES.has(key)) keep = undefined;
    else if (key === 'href' || key === 'action') {
      keep = name === 'a' || name === 'form' ? cleanUrl(v) : undefined;
      if (keep !== v) redactions.add('session-ids');
    } else if (key === 'value') {
      const labelled = name === 'input' && LABEL_INPUTS.has((e.getAttribute('type') ?? '').toLowerCase());
      keep = labelled && !tokenLike(v) ? v : undefined;
      if (keep === undefined && v && name === 'input') redactions.add('input-values');
    } else if (key === 'id' || key === 'class') {
      // names of things, not tokens: a token-shaped class or id is dropped, the others kept
      keep = v
        .split(/\s+/)
        .filter((t) => t && !tokenLike(t))
        .join(' ');
    } else keep = tokenLike(v) ? undefined : v;
    if (keep === v) continue;
    if (keep === undefined || keep === '') e.removeAttribute(attr.name);
    else e.setAttribute(attr.name, keep);
    if (!ALLOWED_ATTRIBUTES.has(key) || (key !== 'href' && key !== 'action' && key !== 'value'))
      redactions.add('attributes');
  }
}
