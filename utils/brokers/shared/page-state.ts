// Expected conditions that brokers serve with HTTP 200: logged out, session
// expired, maintenance. They are shown neutrally, never as reading errors.

import type { StatePhrases } from '../declaration';
import { nextInside } from './table';
import { normalizeText } from './text';

export type { StatePhrases };

export const COMMON_PHRASES: Required<Pick<StatePhrases, 'notLoggedIn' | 'maintenance'>> = {
  notLoggedIn: [
    /セッションが(切断|切れ|タイムアウト|無効)/,
    /(再度|もう一度|改めて)ログイン(して|し直して|を)/,
    /ログインしてください/,
    /一定時間操作が(ありません|行われなかった)/,
    /ログアウトしました/,
    /session_error/i,
    /ログインの有効期限が切れ/,
  ],
  maintenance: [
    /(システム)?メンテナンス(中|のため|を実施)/,
    /ただいま(サービス|システム)を?(停止|休止)/,
    /サービス(停止|休止)時間/,
    /システム停止中/,
  ],
};

const PAGE_TEXT_LIMIT = 20_000;
const CHUNK = 8_192;
const WS = /[\u00a0\u3000\s]/;

/**
 * Title, headings and main text, normalised, for phrase checks (bounded).
 * The same as `normalizeText(title + body).slice(0, 20_000)`, but only the
 * start of a long page is normalised: chunks end where a whitespace run
 * begins, which no NFKC composition crosses, so chunked = whole.
 */
export function pageText(doc: Document): string {
  const body = doc.body?.textContent ?? doc.documentElement?.textContent ?? '';
  const raw = `${doc.title ?? ''} ${body}`;
  let out = '';
  let i = 0;
  while (i < raw.length && out.trimStart().length <= PAGE_TEXT_LIMIT) {
    let end = Math.min(raw.length, i + CHUNK);
    while (end < raw.length && !(WS.test(raw[end]!) && !WS.test(raw[end - 1]!))) end++;
    out += raw
      .slice(i, end)
      .normalize('NFKC')
      .replace(/[\u00a0\u3000\s]+/g, ' ');
    i = end;
  }
  return out.trim().slice(0, PAGE_TEXT_LIMIT);
}

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'caption']);
const HEADING_CLASS = /title|ttl|heading/;

/** `h1,h2,h3,h4,caption,[class*="title"],[class*="ttl"],[class*="heading"]`, in document order. */
function headingElements(doc: Document): Element[] {
  // one walk instead of querySelectorAll: linkedom matches that selector list
  // against every element, ~3 ms on a 1,000-row page
  // a loop, not recursion: a hostile page can nest deeper than the stack (issue 11 defect 9)
  const out: Element[] = [];
  const root = doc.documentElement;
  for (let el: Element | null = root; el; el = el === root ? el.firstElementChild : nextInside(el, root!, true)) {
    if (HEADING_TAGS.has(el.localName) || (el.hasAttributes() && HEADING_CLASS.test(el.getAttribute('class') ?? '')))
      out.push(el);
  }
  return out;
}

/** Heading-like text only: the title, h1–h4, captions and title-ish boxes. */
export function headingText(doc: Document): string {
  const parts = [doc.title ?? ''];
  for (const el of headingElements(doc)) {
    const t = el.textContent ?? '';
    if (t.length < 200) parts.push(t);
  }
  return normalizeText(parts.join(' | '));
}

/** A password field exists (its presence only: its value is never read); `TYPE="PASSWORD"` too (kabucom/fixtures/login.html). */
export function hasPasswordField(doc: Document): boolean {
  // by hand, not `[type="password" i]`: happy-dom's selectors know no `i` flag
  return Array.from(doc.querySelectorAll('input[type]')).some((i) => /^password$/i.test(i.getAttribute('type')!));
}

// a logout control's words, once decoration is off: 松井's menu link 「■ログアウト」, kabu.com's image `LOG OUT`
// (docs/brokers.md "Real samples")
const LOGOUT_WORDS = /^(?:ログアウト|ログオフ|log ?out)$/i;
// (normalizeText has trimmed the end already)
const DECORATION = /^[■□◆◇●○▶▷►・>»\s]+/;

const LOGOUT_SELECTOR =
  'a[href*="logout" i],form[action*="logout" i],a[name*="logout" i],button[name*="logout" i],' +
  'input[type="image"][name*="logout" i],input[type="submit"][name*="logout" i],input[type="button"][name*="logout" i]';

export function hasLogoutControl(doc: Document): boolean {
  // SMBC日興's logout is a control named `btn_logout` (docs/brokers.md "Real samples")
  if (doc.querySelector(LOGOUT_SELECTOR)) return true;
  // ETGate's and kabu.com's logout is an image (sbi/fixtures/login-history.html, kabucom/fixtures/light-top.html)
  for (const img of Array.from(doc.querySelectorAll('a img[alt], button img[alt], input[type="image"][alt]'))) {
    if (LOGOUT_WORDS.test(normalizeText(img.getAttribute('alt')))) return true;
  }
  for (const el of Array.from(doc.querySelectorAll('a,button,input[type="button"],input[type="submit"]'))) {
    const t = normalizeText(el.textContent || el.getAttribute('value') || '').replace(DECORATION, '');
    if (LOGOUT_WORDS.test(t)) return true;
  }
  return false;
}

export type SessionState = 'not-logged-in' | 'not-logged-in-yet' | 'maintenance' | 'logged-in' | 'unknown';

/**
 * `heading`: headingText(doc), when the caller has it already. `url`: the page's
 * address, for the broker's "not logged in yet" paths (extra authentication at login).
 */
export function sessionState(
  doc: Document,
  phrases: StatePhrases,
  heading: string = headingText(doc),
  url = '',
): SessionState {
  // an extra authentication, MFA setup or re-authentication page on the member host
  // (rakuten/fixtures/extra-auth*.html): no password field, and no logout control
  // (a logged-in security-settings page may name the same authentication)
  const yet = phrases.notLoggedInYet;
  if (yet && (yet.heading.some((re) => re.test(heading)) || (url && yet.url?.test(url))) && !hasLogoutControl(doc))
    return 'not-logged-in-yet';
  const notLoggedIn = [...COMMON_PHRASES.notLoggedIn, ...phrases.notLoggedIn];
  // a page whose own heading says the session is gone is not logged in, even
  // when drawn inside the member chrome (rakuten/fixtures/session-error-in-chrome.html)
  if (notLoggedIn.some((re) => re.test(heading))) return 'not-logged-in';
  if (hasLogoutControl(doc)) return 'logged-in';
  // only pages without the member chrome need the (bounded) page text
  const text = pageText(doc);
  if ([...COMMON_PHRASES.maintenance, ...phrases.maintenance].some((re) => re.test(text))) return 'maintenance';
  if (notLoggedIn.some((re) => re.test(text))) return 'not-logged-in';
  if (hasPasswordField(doc)) return 'not-logged-in';
  // a content frame without the member chrome, by its own marks (matsui/fixtures/announce.html)
  if (phrases.loggedIn?.some((re) => re.test(text))) return 'logged-in';
  return 'unknown';
}
