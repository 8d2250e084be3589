// SBIネオトレード証券 (formerly ライブスター証券, whose web trading ran on
// `lv01.live-sec.co.jp/webbroker3/44/pc/WEB3AccountLogin.jsp`). Its trading hosts
// snt02.sbineotrade.jp and snt04.sbineotrade.jp are named in a public host list;
// no page of the member site is public (docs/brokers.md "Real samples"), so every
// page is recognised by content.

import { defineBroker, USUAL_BANNER_PHRASE } from '../declaration';

export default defineBroker({
  id: 'sbineotrade',
  label: { ja: 'SBIネオトレード証券', en: 'SBI Neotrade Securities' },
  otherNames: ['ライブスター証券'],
  hosts: ['snt02.sbineotrade.jp', 'snt04.sbineotrade.jp'],
  loginHosts: ['www.sbineotrade.jp'],
  officialUrls: { home: 'https://www.sbineotrade.jp/', support: 'https://www.sbineotrade.jp/' },
  pageKinds: ['login-history', 'order-inquiry', 'trade-history', 'holdings'],
  parserVersion: 'sbineotrade/2026.11.1',
  phrases: { notLoggedIn: [], maintenance: [], notLoggedInYet: { heading: [/追加認証/, /ワンタイムパスワード/] } },
  urlHints: [],
  banner: {
    phrase: USUAL_BANNER_PHRASE,
    evidence: 'not public for SBIネオトレード証券: the usual wording (declaration.ts USUAL_BANNER_PHRASE)',
  },
  sessionIdleMinutes: 10,
  checkTargets: [],
  csvFormats: [],
});
