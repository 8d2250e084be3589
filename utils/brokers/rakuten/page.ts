// 楽天証券, the page side: what the content script needs to tell a page's state and
// kind (utils/brokers/shared/sense-page.ts), apart from the adapter (./index.ts)
// so that the content-script bundle does not carry the record readers.

import type { PageSide } from '../shared/sense-page';
import { sensePage } from '../shared/sense-page';
import type { ReaderSpec } from '../shared/read-page';

/** Logged-in hosts where the content script runs (never the login host). */
export const RAKUTEN_HOSTS = ['member.rakuten-sec.co.jp'] as const;

export const rakutenSpec: ReaderSpec = {
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

export const rakutenPage: PageSide = {
  id: 'rakuten',
  hosts: RAKUTEN_HOSTS,
  readPage: (doc, url, taught) => sensePage(rakutenSpec, doc, url, taught),
};
