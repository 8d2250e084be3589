// 松井証券. Member pages on www.deal.matsui.co.jp (`/servlet/ITS/…`, `/ITS/frame/…`, Shift_JIS), in a
// FRAME SET: `GM` (the menu, with 「■ログアウト」), `LM`, `CT` (the content). The session rides in the
// path (`;jsessionid=…` in every frame's src). The legacy login page (`/ITS/login/MemberLogin.jsp`)
// is on the same host, so login and member pages are told apart by content (a password field).
// Facts: docs/brokers.md "Real samples" (ak1211/tractor, AGPL: facts only), ../shared/brokers.md §3, and
// 松井's own help pages (support.matsui.co.jp: 株式注文照会's columns and states). What is invented is
// said in each fixture.

import { defineBroker } from '../declaration';

// `/servlet/ITS/stock/StkLoanRateHistory;jsessionid=<id>`: pages are reached with the session id in the
// path (a public scraper takes it from `frame[name="GM"]`'s src); a stored URL has it stripped.
const SESSION = /;jsessionid=[^/?#;]+/i;

export default defineBroker({
  id: 'matsui',
  label: { ja: '松井証券', en: 'Matsui Securities' },
  hosts: ['www.deal.matsui.co.jp'],
  // the newer login page (www.matsui.co.jp/login/); the legacy one shares the member host
  loginHosts: ['www.matsui.co.jp'],
  officialUrls: { home: 'https://www.matsui.co.jp/', support: 'https://support.matsui.co.jp/' },
  pageKinds: ['login-history', 'order-inquiry', 'trade-history', 'holdings'],
  parserVersion: 'matsui/2026.11.1',
  phrases: {
    // the session-timeout page's words are not public: the shared phrases and the login form decide
    notLoggedIn: [],
    maintenance: [],
    // invented, path and words: 松井's extra authentication at login is not public (matsui/fixtures/extra-auth.html);
    // its pages' titles are all 松井証券, so the path decides
    notLoggedInYet: { heading: [/ログイン追加認証/], url: /\/servlet\/ITS\/login\/AddAuth/ },
    // the content frame has no logout control of its own (the menu frame GM has it): home/Announce
    // shows 「前回ログイン：…」 and 「<name>様 へのご連絡」 only to a logged-in member (matsui/fixtures/announce.html)
    loggedIn: [/様\s*へのご連絡/, /前回ログイン\s*:/],
  },
  urlHints: [
    // 現物売＜保有銘柄一覧＞ (docs/brokers.md "Real samples"); the other pages' paths are not public
    { kind: 'holdings', pattern: /\/servlet\/ITS\/stock\/StkHavingList/ },
  ],
  // home/Announce: a right-aligned bold cell 「前回ログイン：2017年12月18日 23:25」 (no 日時 after ログイン)
  banner: {
    phrase: /前回ログイン\s*:\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\d{1,2}\s*:\s*\d{2})/,
    evidence: 'docs/brokers.md "Real samples": ak1211/tractor test/MatsuiCoJp home/Announce (facts only)',
  },
  frames: true,
  // 松井's idle timeout is not published: short, so a check never keeps a session open
  sessionIdleMinutes: 10,
  checkTargets: [{ kind: 'holdings', path: '/servlet/ITS/stock/StkHavingList' }],
  pathSession: SESSION,
  csvFormats: [],
});
