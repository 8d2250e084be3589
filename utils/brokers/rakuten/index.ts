// 楽天証券. Member site: member.rakuten-sec.co.jp, `/app/<page>.do;BV_SessionID=…`
// (brokers.md §1.1–1.2). The login-history URL and markup are not public
// (§1.4): it is recognised by content; the URL hint below is invented.

import type { BrokerAdapter } from '../types';
import { readBrokerPage } from '../shared/read-page';
import { RAKUTEN_HOSTS, rakutenSpec as spec } from './page';

export const rakuten: BrokerAdapter = {
  id: 'rakuten',
  label: { ja: '楽天証券', en: 'Rakuten Securities' },
  hosts: RAKUTEN_HOSTS,
  pageKinds: ['login-history', 'trade-history', 'order-inquiry', 'holdings', 'account-changes'],
  urlHints: spec.urlHints,
  officialUrls: { home: 'https://www.rakuten-sec.co.jp/', support: 'https://www.rakuten-sec.co.jp/web/support/' },
  readPage: (doc, url, opts) => readBrokerPage(spec, doc, url, opts),
};
