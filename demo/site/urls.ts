// The demo broker's pages, by the URLs the real brokers use (brokers.md §1.1–1.2,
// §2.1–2.2). Everything is served locally by tests/support/broker-server.ts;
// Chromium resolves every host name to that server.
// Invented: the session ids, the Rakuten login-history path (not public,
// brokers.md §1.4) and the SBI ETGate login-history control id (§2.5).

/** A live demo session (hex, `.node` suffix: the shape of a real BV_SessionID). */
export const DEMO_SESSION = '7C3A9F0E51B24D8AA6E0C4B1D29F8E37.ee24ea7f';
/** A session the demo server has never issued: Rakuten answers it with its 200 session-error page. */
export const EXPIRED_SESSION = '0D4B7E2A93C16F58B0A7E3D9C2461F0B.ee24ea7f';

const rakutenApp = (page: string, session: string, query: string) =>
  `https://member.rakuten-sec.co.jp/app/${page};BV_SessionID=${session}?${query}`;
const etgate = (control: string, pageId: string, action: string) =>
  `https://site2.sbisec.co.jp/ETGate/?_ControlID=${control}&_PageID=${pageId}&_DataStoreID=DS${control}&_ActionID=${action}&getFlg=on`;

export const DEMO_URLS = {
  rakutenLogin: 'https://www.rakuten-sec.co.jp/ITS/V_ACT_Login.html',
  rakutenHome: rakutenApp('home.do', DEMO_SESSION, 'eventType=init&gmn=G&smn=00'),
  rakutenLoginHistory: rakutenApp('login_history.do', DEMO_SESSION, 'eventType=init'),
  rakutenTradeHistory: rakutenApp('ass_trad_lst.do', DEMO_SESSION, 'eventType=init'),
  rakutenSessionExpired: rakutenApp('home.do', EXPIRED_SESSION, 'eventType=init&gmn=G&smn=00'),
  sbiHome: etgate('WPLEThmR001Control', 'DefaultPID', 'DefaultAID'),
  sbiLoginHistory: etgate('WPLETsmR001Control', 'WPLETsmR001Iget10', 'loginHistory'),
  sbiExecutionsToday: etgate('WPLETagR001Control', 'DefaultPID', 'DefaultAID'),
  sbiBackupMenu: 'https://k.sbisec.co.jp/bsite/member/menu.do',
  sbiBackupLoginHistory: 'https://k.sbisec.co.jp/bsite/member/loginHistory.do',
  sbiAssets: 'https://site.sbisec.co.jp/account/assets',
  sbiForeignHome: 'https://member.c.sbisec.co.jp/foreign/home',
} as const;

export type DemoPage = keyof typeof DEMO_URLS;
