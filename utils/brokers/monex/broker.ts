// マネックス証券. Member pages on mxp1 / mxp2 / mxp3.monex.co.jp under `/pc/servlet/ITS/…` (home/Announce,
// asset/AmountListForeign, asset/AmountListSummary, fund/*); the login on mst.monex.co.jp and the public
// site www.monex.co.jp. An expired session is sent to `/pc/common/err/SessionTimeOut.jsp`. Facts:
// ../shared/brokers.md §3 and a public importer's reading of the saved pages (index file id 36062330700,
// facts only). The trade-history CSV (`monex*.csv`, utils/import/monex.ts) is this broker's: imported in
// the extension, not only read by the CLI. What is invented is said in each fixture.

import { defineBroker } from '../declaration';

export default defineBroker({
  id: 'monex',
  label: { ja: 'マネックス証券', en: 'Monex Securities' },
  // mxp2 serves `/pc/servlet/ITS/…` too (a public page of it: index file id 37929529448)
  hosts: ['mxp1.monex.co.jp', 'mxp2.monex.co.jp', 'mxp3.monex.co.jp'],
  loginHosts: ['mst.monex.co.jp', 'www.monex.co.jp'],
  officialUrls: { home: 'https://www.monex.co.jp/', support: 'https://www.monex.co.jp/' },
  pageKinds: ['login-history', 'order-inquiry', 'trade-history', 'holdings'],
  parserVersion: 'monex/2026.11.1',
  phrases: {
    // the words of the session-timeout page are not public (only its path): the shared phrases decide
    notLoggedIn: [],
    maintenance: [],
    // invented: no public page of Monex's extra authentication at login (monex/fixtures/extra-auth.html)
    notLoggedInYet: { heading: [/認証コード入力/] },
  },
  urlHints: [
    // 外国株式 保有残高 (index file id 36062330700); the domestic holdings' and the order pages' paths are not public
    { kind: 'holdings', pattern: /\/pc\/servlet\/ITS\/asset\/AmountListForeign/ },
  ],
  // Monex's idle timeout is not published: short, so a check never keeps a session open
  sessionIdleMinutes: 10,
  checkTargets: [],
  csvFormats: ['monex-tradehistory'],
});
