// 岡三証券 (its online service, formerly 岡三オンライン証券). Login at
// www.okasan-online.co.jp/login/jp/ (fields loginId / loginPass); member pages on
// trade.okasan-online.co.jp/web/. 資産状況 > 過去のお取引 downloads 株式約定履歴.csv
// (real file, CC0: docs/brokers.md "Real samples", utils/import/okasan-yakujo.ts); the page
// it is exported from shows the same columns (assumed). Other pages are not public.

import { defineBroker, USUAL_BANNER_PHRASE } from '../declaration';

export default defineBroker({
  id: 'okasan',
  label: { ja: '岡三証券', en: 'Okasan Securities' },
  otherNames: ['岡三オンライン証券', '岡三オンライン'],
  hosts: ['trade.okasan-online.co.jp'],
  loginHosts: ['www.okasan-online.co.jp'],
  officialUrls: { home: 'https://www.okasan-online.co.jp/', support: 'https://www.okasan-online.co.jp/' },
  pageKinds: ['login-history', 'order-inquiry', 'trade-history', 'holdings'],
  parserVersion: 'okasan/2026.11.1',
  phrases: { notLoggedIn: [], maintenance: [], notLoggedInYet: { heading: [/追加認証/, /ワンタイムパスワード/] } },
  urlHints: [],
  banner: {
    phrase: USUAL_BANNER_PHRASE,
    evidence: 'not public for 岡三証券: the usual wording (declaration.ts USUAL_BANNER_PHRASE)',
  },
  sessionIdleMinutes: 10,
  checkTargets: [],
  csvFormats: ['okasan-yakujo'],
});
