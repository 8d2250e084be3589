// 立花証券 (ｅ支店). Its trading host kabuka.e-shiten.jp serves the member pages
// (`/mfds_smp.php`) and the e支店 API (`/e_api_v4r8/`, JSON: never a page the content
// script reads); the public site is www.e-shiten.jp. Sources: docs/brokers.md
// "Real samples" (API clients' code, facts only); page markup is not public.

import { defineBroker, USUAL_BANNER_PHRASE } from '../declaration';

export default defineBroker({
  id: 'tachibana',
  label: { ja: '立花証券', en: 'Tachibana Securities' },
  otherNames: ['立花証券ｅ支店'],
  hosts: ['kabuka.e-shiten.jp'],
  loginHosts: [],
  officialUrls: { home: 'https://www.e-shiten.jp/', support: 'https://www.e-shiten.jp/' },
  pageKinds: ['login-history', 'order-inquiry', 'trade-history', 'holdings'],
  parserVersion: 'tachibana/2026.11.1',
  phrases: { notLoggedIn: [], maintenance: [], notLoggedInYet: { heading: [/追加認証/, /ワンタイムパスワード/] } },
  urlHints: [],
  banner: {
    phrase: USUAL_BANNER_PHRASE,
    evidence: 'not public for 立花証券: the usual wording (declaration.ts USUAL_BANNER_PHRASE)',
  },
  sessionIdleMinutes: 10,
  checkTargets: [],
  csvFormats: [],
});
