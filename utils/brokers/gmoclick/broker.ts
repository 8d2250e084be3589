// GMOクリック証券. Logged-in pages on kabu.click-sec.com under a numbered prefix
// (`/sec1-8/mypage/top.do`, `/sec2/mypage/top.do`, `/sec1/kabu/orderModify.do`);
// login and logout on sec-sso.click-sec.com (`/loginweb/sso-redirect`, form `loginForm`
// with j_username / j_password, `/loginweb/sso-logout`). Order list: rows `tr.is-selectable`,
// each cell holding several values (銘柄名 / コード / 市場; 取引区分 / 売買), statuses
// 発注受付 / 一部約定 / 全量約定 / 取消済 / 失効済, 受注日時 without a year (`10/09  21:30`).
// 信用建玉一覧 `/sec1-N/kabu/tatePositionList.do`: 10 cells a row, 建玉代金 and 諸経費 in one cell.
// Sources: docs/brokers.md "Real samples" (scrapers' code, facts only). Header texts are not public.

import { defineBroker, USUAL_BANNER_PHRASE } from '../declaration';

export default defineBroker({
  id: 'gmoclick',
  label: { ja: 'GMOクリック証券', en: 'GMO Click Securities' },
  hosts: ['kabu.click-sec.com'],
  loginHosts: ['sec-sso.click-sec.com'],
  officialUrls: {
    home: 'https://www.click-sec.com/',
    support: 'https://www.click-sec.com/corp/info/notes_on_security/',
  },
  pageKinds: ['login-history', 'order-inquiry', 'trade-history', 'holdings'],
  parserVersion: 'gmoclick/2026.11.1',
  phrases: {
    notLoggedIn: [],
    maintenance: [],
    // ログイン追加認証 is the broker's name for the extra authentication at login (docs/brokers.md);
    // the page's own text is not public
    notLoggedInYet: { heading: [/ログイン追加認証/] },
  },
  urlHints: [{ kind: 'holdings', pattern: /\/sec[0-9a-f]+(?:-[0-9a-f]+)?\/kabu\/tatePositionList\.do/ }],
  banner: {
    phrase: USUAL_BANNER_PHRASE,
    evidence: 'not public for GMOクリック証券: the usual wording (declaration.ts USUAL_BANNER_PHRASE)',
  },
  // not published: short, so a check can never be what keeps a session open
  sessionIdleMinutes: 10,
  checkTargets: [],
  csvFormats: [],
});
