// 楽天証券. Member site: member.rakuten-sec.co.jp, `/app/<page>.do;BV_SessionID=…`
// (brokers.md §1.1–1.2, §1.4a). The login-history page is not public: it is
// recognised by content; its URL (`home_login_history.do`) is known (§1.4a).

import { defineBroker } from '../declaration';

// Rakuten carries the session in the path (`/app/x.do;BV_SessionID=…`, brokers.md §1.1):
// a stored URL has it stripped, so the live page's id is put back, in memory only.
const SESSION = /;BV_SessionID=[^/?#;]+/;

export default defineBroker({
  id: 'rakuten',
  label: { ja: '楽天証券', en: 'Rakuten Securities' },
  hosts: ['member.rakuten-sec.co.jp'],
  loginHosts: ['www.rakuten-sec.co.jp'],
  officialUrls: { home: 'https://www.rakuten-sec.co.jp/', support: 'https://www.rakuten-sec.co.jp/web/support/' },
  pageKinds: ['login-history', 'trade-history', 'order-inquiry', 'holdings', 'account-changes'],
  parserVersion: 'rakuten/2026.11.1',
  phrases: {
    // rakuten/fixtures/session-error.html: the 200 page after the 30-minute auto-logout
    notLoggedIn: [/セッションエラー/, /接続が切断されました/, /ログイン画面へ/],
    maintenance: [/ただいまメンテナンス中/],
    // brokers.md §1.4a: `ログイン認証 | 楽天証券[PC]` (h1 総合口座ログイン(追加認証)), MFA setup
    // `多要素認証設定 | 楽天証券[PC]` (h1 ログイン追加認証（多要素認証）の設定), risk-based re-authentication
    notLoggedInYet: {
      heading: [/ログイン認証\s*\|/, /ログイン\s*\(追加認証\)/, /ログイン追加認証/, /多要素認証設定/],
      url: /\/app\/(?:sotp_login|sotp_login_for_other_channel|add_auth_for_rbauth)\.do/,
    },
  },
  urlHints: [
    { kind: 'login-history', pattern: /\/app\/[^?]*login_?hist[^?]*\.do/i },
    { kind: 'trade-history', pattern: /\/app\/ass_trad_(?:us_|ch_|asean_|fu_)?lst\.do/ },
    { kind: 'order-inquiry', pattern: /\/app\/ord_[a-z]+_stk_req_lst\.do/ },
    { kind: 'holdings', pattern: /\/app\/ass_[a-z_]*possess_lst\.do/ },
    { kind: 'account-changes', pattern: /\/app\/acc_info_change_lst\.do/ },
  ],
  // home.do: `<p id="async_logindatetime"><a …>前回ログイン日時</a><span id="logindatetime_async_complete">：2026年 3月26日&nbsp;20:01</span>`,
  // filled after load (brokers.md §1.4a)
  banner: {
    selector: '#async_logindatetime',
    phrase: /前回ログイン日時\s*[：:]?\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\d{1,2}\s*[:：]\s*\d{2})/,
    evidence: 'brokers.md §1.4a (lihs-ie/ipotto, home.do saved 2026)',
  },
  // auto-logout after 30 minutes idle (brokers.md §1.1)
  sessionIdleMinutes: 30,
  checkTargets: [
    { kind: 'trade-history', path: '/app/ass_trad_lst.do?eventType=init' },
    // the login history's real path (brokers.md §1.4a; its markup is not public: read by content)
    { kind: 'login-history', path: '/app/home_login_history.do?eventType=init' },
  ],
  pathSession: SESSION,
  loginHistoryHelp: 'onbHistoryRakuten',
  csvFormats: ['rakuten-tradehistory'],
});
