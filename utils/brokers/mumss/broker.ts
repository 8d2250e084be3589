// 三菱UFJモルガン・スタンレー証券 (オンライントレード). Login and member pages share one
// host: online.sc.mufg.jp/its/dfw/UTBSITS/user_p/Login (fields accountNumber /
// password, a button titled ログイン); documents on itspdf.sc.mufg.jp (not read). The
// login page is "not logged in" (its password field); nothing of it is kept.
// Sources: docs/brokers.md "Real samples" (scrapers' code, facts only); page markup is not public.

import { defineBroker, USUAL_BANNER_PHRASE } from '../declaration';

export default defineBroker({
  id: 'mumss',
  label: { ja: '三菱UFJモルガン・スタンレー証券', en: 'Mitsubishi UFJ Morgan Stanley Securities' },
  hosts: ['online.sc.mufg.jp'],
  loginHosts: [],
  officialUrls: { home: 'https://www.sc.mufg.jp/', support: 'https://www.sc.mufg.jp/' },
  pageKinds: ['login-history', 'order-inquiry', 'trade-history', 'holdings'],
  parserVersion: 'mumss/2026.11.1',
  phrases: { notLoggedIn: [], maintenance: [], notLoggedInYet: { heading: [/追加認証/, /ワンタイムパスワード/] } },
  urlHints: [],
  banner: {
    phrase: USUAL_BANNER_PHRASE,
    evidence: 'not public for 三菱UFJモルガン・スタンレー証券: the usual wording (declaration.ts USUAL_BANNER_PHRASE)',
  },
  sessionIdleMinutes: 10,
  checkTargets: [],
  csvFormats: [],
});
