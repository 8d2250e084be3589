// 野村證券 (野村ホームトレード). Login and member pages share one host, hometrade.nomura.co.jp, under
// `/web/rmf…Action.do`: the login at rmfIndexWebAction.do (rmfCmnCauSysLgiAction.do), the top at
// rmfCmnEtcInvTopAction.do, 取引/注文履歴 at rmfAstTrhTrhLst(Init)Action.do, the logout at
// rmfCmnCauSysLgoAction.do. So a page is a login page or a member page by its content (a password field,
// or the logout control). Facts: public scripts of the site (index file ids 5361742900, 51800470061,
// 33537845268, 40509479632, 15084469756; facts only), ../shared/brokers.md §3, §3a. What is invented is
// said in each fixture.

import { defineBroker } from '../declaration';

export default defineBroker({
  id: 'nomura',
  label: { ja: '野村證券', en: 'Nomura Securities' },
  otherNames: ['野村証券'],
  hosts: ['hometrade.nomura.co.jp'],
  // the password is typed on the member host itself (its login page is read as not logged in)
  loginHosts: [],
  officialUrls: { home: 'https://www.nomura.co.jp/', support: 'https://www.nomura.co.jp/' },
  pageKinds: ['login-history', 'order-inquiry', 'trade-history', 'holdings'],
  parserVersion: 'nomura/2026.11.1',
  phrases: {
    notLoggedIn: [],
    maintenance: [],
    // invented: 野村's extra authentication at login has no public page (nomura/fixtures/extra-auth.html)
    notLoggedInYet: { heading: [/^追加認証/] },
  },
  urlHints: [
    // 取引/注文履歴: the search form and its result (a public collector's trace, index file id 51800470061)
    { kind: 'trade-history', pattern: /\/web\/rmfAstTrhTrhLst(?:Init)?Action\.do/ },
  ],
  // 「前回ログイン日時」 on the top page after login (野村's own news, ../shared/brokers.md §3a); its format is not
  // public, so both formats brokers use are read (nomura/fixtures/top.html: invented)
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
