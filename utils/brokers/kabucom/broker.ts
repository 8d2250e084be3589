// 三菱UFJ eスマート証券 (formerly auカブコム証券, カブドットコム証券; the site is still kabu.com / kabu.co.jp).
// Member pages on several hosts: s10.kabu.co.jp (also the login pages, `/_mem_bin/…/login.asp`, told apart
// by their password field), s20.kabu.co.jp, and the numbered s10.si0 / s20.si0 / s20.si1 (the Light site
// `/Light`, `/ap/light/…`, and the PC site `/ap/PC/…`), Shift_JIS. Facts: docs/brokers.md "Real samples"
// (ak1211/tractor, AGPL: facts only), ../shared/brokers.md §3. What is invented is said in each fixture.

import { defineBroker } from '../declaration';

export default defineBroker({
  id: 'kabucom',
  label: { ja: '三菱UFJ eスマート証券', en: 'Mitsubishi UFJ eSmart Securities' },
  otherNames: ['auカブコム証券', 'カブドットコム証券'],
  hosts: ['s10.kabu.co.jp', 's20.kabu.co.jp', 's10.si0.kabu.co.jp', 's20.si0.kabu.co.jp', 's20.si1.kabu.co.jp'],
  // the SSO login (index file id 65723943007); the members' login pages are on s10.kabu.co.jp itself
  loginHosts: ['mauth-sso.kabu.co.jp'],
  officialUrls: { home: 'https://kabu.com/', support: 'https://faq.kabu.com/' },
  pageKinds: ['login-history', 'order-inquiry', 'trade-history', 'holdings'],
  parserVersion: 'kabucom/2026.11.1',
  phrases: {
    // the session-timeout and maintenance pages are not public: the shared phrases and the login form decide
    notLoggedIn: [],
    maintenance: [],
    // invented: the extra authentication at login (since 2022, ../shared/brokers.md §3a) has no public page
    notLoggedInYet: { heading: [/^追加認証/, /\|\s*追加認証/] },
  },
  urlHints: [
    // the Light menu's 設定・照会 links (docs/brokers.md "Real samples"); `/ap/PC/…` from the PC 残高照会's path
    { kind: 'order-inquiry', pattern: /\/ap\/(?:light|pc)\/Stocks\/Stock\/OrderStatus\/(?:List|OrderSelectList)/i },
    { kind: 'trade-history', pattern: /\/ap\/(?:light|pc)\/Stocks\/Stock\/History\/List/i },
    { kind: 'holdings', pattern: /\/ap\/(?:light|pc)\/Stocks\/Stock\/Position\/List/i },
  ],
  // the Light top: 「前回ログイン日時&emsp;&emsp;」 then `2018/02/19 13:46` on the next line; the member page after
  // login shows 「前回ログイン日時」 too (index file id 45759279669)
  banner: {
    phrase: /前回ログイン日時\s*[:：]?\s*(\d{4}\/\d{1,2}\/\d{1,2}\s+\d{1,2}:\d{2})/,
    evidence: 'docs/brokers.md "Real samples": ak1211/tractor test/KabuCom s20.si0.kabu.co.jp/Light (facts only)',
  },
  // the idle timeout is not published: short, so a check never keeps a session open
  sessionIdleMinutes: 10,
  checkTargets: [
    { kind: 'holdings', path: '/ap/light/Stocks/Stock/Position/List', hosts: /^s\d0\.si0\.kabu\.co\.jp$/ },
    { kind: 'holdings', path: '/ap/PC/Stocks/Stock/Position/List', hosts: /^s\d0\.si1\.kabu\.co\.jp$/ },
  ],
  csvFormats: [],
});
