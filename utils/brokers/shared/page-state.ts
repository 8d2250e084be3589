// Expected conditions that brokers serve with HTTP 200: logged out, session
// expired, maintenance. They are shown neutrally, never as reading errors.

import { normalizeText } from './text';

export interface StatePhrases {
  notLoggedIn: RegExp[];
  maintenance: RegExp[];
}

export const COMMON_PHRASES: StatePhrases = {
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

/** Title, headings and main text, normalised, for phrase checks (bounded). */
export function pageText(doc: Document): string {
  const body = doc.body?.textContent ?? doc.documentElement?.textContent ?? '';
  return normalizeText(`${doc.title ?? ''} ${body}`).slice(0, 20_000);
}

/** Heading-like text only: the title, h1–h4, captions and title-ish boxes. */
export function headingText(doc: Document): string {
  const parts = [doc.title ?? ''];
  for (const el of Array.from(doc.querySelectorAll('h1,h2,h3,h4,caption,[class*="title"],[class*="ttl"],[class*="heading"]'))) {
    const t = el.textContent ?? '';
    if (t.length < 200) parts.push(t);
  }
  return normalizeText(parts.join(' | '));
}

/** A password field exists (its presence only: its value is never read). */
export function hasPasswordField(doc: Document): boolean {
  return doc.querySelector('input[type="password"]') !== null;
}

export function hasLogoutControl(doc: Document): boolean {
  if (doc.querySelector('a[href*="logout" i], form[action*="logout" i]')) return true;
  // ETGate's logout is an image button (sbi/fixtures/login-history.html)
  for (const img of Array.from(doc.querySelectorAll('a img[alt], button img[alt], input[type="image"][alt]'))) {
    if (normalizeText(img.getAttribute('alt')) === 'ログアウト') return true;
  }
  for (const el of Array.from(doc.querySelectorAll('a,button,input[type="button"],input[type="submit"]'))) {
    const t = normalizeText(el.textContent || el.getAttribute('value') || '');
    if (t === 'ログアウト' || t === 'Logout' || t === 'ログオフ') return true;
  }
  return false;
}

export type SessionState = 'not-logged-in' | 'maintenance' | 'logged-in' | 'unknown';

export function sessionState(doc: Document, phrases: StatePhrases): SessionState {
  const text = pageText(doc);
  const all = (k: keyof StatePhrases) => [...COMMON_PHRASES[k], ...phrases[k]];
  const loggedInChrome = hasLogoutControl(doc);
  // a page whose own heading says the session is gone is not logged in, even
  // when drawn inside the member chrome (rakuten/fixtures/session-error-in-chrome.html)
  if (all('notLoggedIn').some((re) => re.test(headingText(doc)))) return 'not-logged-in';
  if (!loggedInChrome && all('maintenance').some((re) => re.test(text))) return 'maintenance';
  if (all('notLoggedIn').some((re) => re.test(text)) && !loggedInChrome) return 'not-logged-in';
  if (hasPasswordField(doc) && !loggedInChrome) return 'not-logged-in';
  if (loggedInChrome) return 'logged-in';
  return 'unknown';
}
