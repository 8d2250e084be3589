// What the content script sends: the page as the user sees it (after the
// broker's scripts ran: SBI's new site renders its lists client-side), minus
// anything that is a credential or a token. Input values, textareas, scripts
// and session ids never leave the page; the charset meta is rewritten because
// the snapshot is stored as UTF-8.

const SESSION_IN_ATTR = /;(?:BV_SessionID|BV_EngineID|jsessionid)=[^/?#;"'\s]*/gi;
const SESSION_QUERY = /([?&](?:BV_SessionID|jsessionid|sessionid|token|_csrf|csrf_token)=)[^&#"'\s]*/gi;

export interface SerializedPage {
  html: string;
  charset: string;
  redactions: string[];
}

export function serializePage(doc: Document): SerializedPage {
  const root = doc.documentElement.cloneNode(true) as Element;
  const redactions = new Set<string>();
  for (const el of Array.from(root.querySelectorAll('input'))) {
    if (el.hasAttribute('value')) {
      el.setAttribute('value', '');
      redactions.add('input-values');
    }
  }
  for (const el of Array.from(root.querySelectorAll('textarea'))) {
    if (el.textContent) {
      el.textContent = '';
      redactions.add('textarea-contents');
    }
  }
  for (const el of Array.from(root.querySelectorAll('script,noscript'))) {
    el.remove();
    redactions.add('scripts');
  }
  for (const el of Array.from(root.querySelectorAll('meta[name*="csrf" i],meta[name*="token" i]'))) {
    el.setAttribute('content', '');
    redactions.add('csrf-meta');
  }
  for (const el of Array.from(root.querySelectorAll('meta[charset],meta[http-equiv="Content-Type" i]'))) el.remove();
  const head = root.querySelector('head');
  if (head) {
    const meta = doc.createElement('meta');
    meta.setAttribute('charset', 'utf-8');
    head.insertBefore(meta, head.firstChild);
  }
  for (const el of Array.from(root.querySelectorAll('[href],[action],[src],[onclick]'))) {
    for (const attr of ['href', 'action', 'src', 'onclick']) {
      const v = el.getAttribute(attr);
      if (!v) continue;
      const clean = v.replace(SESSION_IN_ATTR, '').replace(SESSION_QUERY, '$1');
      if (clean !== v) {
        el.setAttribute(attr, clean);
        redactions.add('session-ids');
      }
    }
  }
  return {
    html: `<!DOCTYPE html>\n${root.outerHTML}`,
    charset: (doc.characterSet || 'utf-8').toLowerCase(),
    redactions: [...redactions].sort(),
  };
}
