// 楽天証券. Member site: member.rakuten-sec.co.jp, `/app/<page>.do;BV_SessionID=…`
// (brokers.md §1.1–1.2). The login-history URL and markup are not public
// (§1.4): it is recognised by content; the URL hint below is invented.

import type { BrokerAdapter } from '../types';
import { readBrokerPage, type ReaderSpec } from '../shared/read-page';

const spec: ReaderSpec = {
  broker: 'rakuten',
  parserVersion: 'rakuten/2026.11.1',
  phrases: {
    // rakuten/fixtures/session-error.html: the 200 page after the 30-minute auto-logout
    notLoggedIn: [/セッションエラー/, /接続が切断されました/, /ログイン画面へ/],
    maintenance: [/ただいまメンテナンス中/],
  },
  urlHints: [
    { kind: 'login-history', pattern: /\/app\/[^?]*login_?hist[^?]*\.do/i },
    { kind: 'trade-history', pattern: /\/app\/ass_trad_(?:us_|ch_|asean_|fu_)?lst\.do/ },
    { kind: 'holdings', pattern: /\/app\/ass_[a-z_]*possess_lst\.do/ },
    { kind: 'account-changes', pattern: /\/app\/acc_info_change_lst\.do/ },
  ],
};

export const rakuten: BrokerAdapter = {
  id: 'rakuten',
  label: { ja: '楽天証券', en: 'Rakuten Securities' },
  hosts: ['member.rakuten-sec.co.jp'],
  pageKinds: ['login-history', 'trade-history', 'order-inquiry', 'holdings', 'account-changes'],
  urlHints: spec.urlHints,
  officialUrls: { home: 'https://www.rakuten-sec.co.jp/', support: 'https://www.rakuten-sec.co.jp/web/support/' },
  readPage: (doc, url) => readBrokerPage(spec, doc, url),
};
