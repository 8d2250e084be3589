// みずほ証券 (ネット倶楽部). Login and member pages share one host:
// netclub.mizuho-sc.com/mnc/login (fields IDInputKB / PWInputKB), member pages
// under /mnc/tr/… (e.g. `/mnc/tr/ipopo`). The login page is therefore seen by the
// content script: it is "not logged in" (its password field), nothing of it is kept.
// Sources: docs/brokers.md "Real samples" (scrapers' code, facts only); page markup is not public.

import { defineBroker, USUAL_BANNER_PHRASE } from '../declaration';

export default defineBroker({
  id: 'mizuho',
  label: { ja: 'みずほ証券', en: 'Mizuho Securities' },
  hosts: ['netclub.mizuho-sc.com'],
  loginHosts: [],
  officialUrls: { home: 'https://www.mizuho-sc.com/', support: 'https://info.www.mizuho-sc.com/security/crime.html' },
  pageKinds: ['login-history', 'order-inquiry', 'trade-history', 'holdings'],
  parserVersion: 'mizuho/2026.11.1',
  phrases: {
    notLoggedIn: [],
    maintenance: [],
    notLoggedInYet: { heading: [/追加認証/, /ワンタイムパスワード/] },
  },
  urlHints: [],
  banner: {
    phrase: USUAL_BANNER_PHRASE,
    evidence: 'not public for みずほ証券: the usual wording (declaration.ts USUAL_BANNER_PHRASE)',
  },
  sessionIdleMinutes: 10,
  checkTargets: [],
  csvFormats: [],
});
