// 岩井コスモ証券 (ネット取引). The trading site is a single-page application on
// ic01.iwaicosmo.co.jp/Web/ whose views are hash routes (`/Web/#/order/home/`);
// the host of its login form is not public. Sources: docs/brokers.md "Real samples"
// (a scraper's link list, facts only); page markup is not public.

import { defineBroker, USUAL_BANNER_PHRASE } from '../declaration';

export default defineBroker({
  id: 'iwaicosmo',
  label: { ja: '岩井コスモ証券', en: 'Iwai Cosmo Securities' },
  hosts: ['ic01.iwaicosmo.co.jp'],
  loginHosts: [],
  officialUrls: {
    home: 'https://www.iwaicosmo.co.jp/',
    support: 'https://www.iwaicosmo.co.jp/corporate/policy/safety/',
  },
  pageKinds: ['login-history', 'order-inquiry', 'trade-history', 'holdings'],
  parserVersion: 'iwaicosmo/2026.11.1',
  phrases: { notLoggedIn: [], maintenance: [], notLoggedInYet: { heading: [/追加認証/, /ワンタイムパスワード/] } },
  urlHints: [],
  banner: {
    phrase: USUAL_BANNER_PHRASE,
    evidence: 'not public for 岩井コスモ証券: the usual wording (declaration.ts USUAL_BANNER_PHRASE)',
  },
  sessionIdleMinutes: 10,
  checkTargets: [],
  csvFormats: [],
});
