// 大和証券 (オンライントレード). Only its login page is public (www.daiwa.co.jp/PCC/HomeTrade/Account/m8301.html,
// public scripts, index file ids 47176386709, 51792388125: facts only) and its own help pages describe the
// 残高／履歴 pages (www.daiwa.jp/olt_help, www.daiwa.co.jp/olt_help). The member pages' host is NOT public:
// it is taken to be the login page's host, and login and member pages are told apart by content (a password
// field, or the logout control). Everything else (paths, markup, words) is invented, and each fixture says so.

import { defineBroker } from '../declaration';

export default defineBroker({
  id: 'daiwa',
  label: { ja: '大和証券', en: 'Daiwa Securities' },
  // assumed: the login page's host (the member pages' host is not public)
  hosts: ['www.daiwa.co.jp'],
  loginHosts: [],
  officialUrls: { home: 'https://www.daiwa.co.jp/', support: 'https://www.daiwa.jp/olt_help/' },
  pageKinds: ['login-history', 'order-inquiry', 'trade-history', 'holdings'],
  parserVersion: 'daiwa/2026.11.1',
  phrases: {
    notLoggedIn: [],
    maintenance: [],
    // invented: no public page of an extra authentication at login (daiwa/fixtures/extra-auth.html)
    notLoggedInYet: { heading: [/^追加認証/] },
  },
  // no member page path is public: pages are recognised by their headings (保有証券一覧, 取引履歴明細, 注文照会)
  urlHints: [],
  // the idle timeout is not published: short, so a check never keeps a session open
  sessionIdleMinutes: 10,
  checkTargets: [],
  csvFormats: [],
});
