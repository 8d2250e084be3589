// SMBC日興証券 (日興イージートレード). Login and member pages share one host, trade.smbcnikko.co.jp: the login
// at `/Login/0/login/ipan_web/hyoji/` (also `/uap/idp/login/index.do`, `/Etc/1/webtoppage/`), the member
// top at `/Trade/0/top/`, the logout at `/Logout/<token>/login/ipan_logout/exec`. So a page is a login page
// or a member page by its content: a password field, or the logout control (named `btn_logout`). Facts:
// public scripts of the site (index file ids 46404550606, 46405143043, 28791701533, 46111343309,
// 51766718424; facts only) and ../shared/brokers.md §3, §3a. What is invented is said in each fixture.

import { defineBroker } from '../declaration';

export default defineBroker({
  id: 'smbcnikko',
  label: { ja: 'SMBC日興証券', en: 'SMBC Nikko Securities' },
  hosts: ['trade.smbcnikko.co.jp'],
  // the password is typed on the member host itself (its login pages are read as not logged in)
  loginHosts: [],
  officialUrls: { home: 'https://www.smbcnikko.co.jp/', support: 'https://www.smbcnikko.co.jp/' },
  pageKinds: ['login-history', 'order-inquiry', 'trade-history', 'holdings'],
  parserVersion: 'smbcnikko/2026.11.1',
  phrases: {
    notLoggedIn: [],
    // a public script checks the maintenance page by its title containing システムメンテナンス
    maintenance: [/システムメンテナンス/],
    // invented: the one-time-password step at login (random keypad + OTP, ../shared/brokers.md §3) has no public page
    notLoggedInYet: { heading: [/ワンタイムパスワード認証/] },
  },
  // no page path of the member site is public beyond the top: pages are recognised by their headings
  urlHints: [],
  // 「前回ログイン日時」 after login (SMBC日興's own security page, ../shared/brokers.md §3a); its format is not
  // public, so both formats brokers use are read (smbcnikko/fixtures/top.html: invented)
  banner: {
    phrase:
      /前回ログイン日時\s*[:：]?\s*(\d{4}\s*[年/]\s*\d{1,2}\s*[月/]\s*\d{1,2}\s*日?\s*(?:\([^)]*\)\s*)?\d{1,2}\s*[:：時]\s*\d{2})/,
    evidence: '../shared/brokers.md §3a (official: the banner exists; its format is not public)',
  },
  // the idle timeout is not published: short, so a check never keeps a session open
  sessionIdleMinutes: 10,
  checkTargets: [],
  csvFormats: [],
});
