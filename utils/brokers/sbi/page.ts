// SBI証券, the page side: what the content script needs to tell a page's state and
// kind (utils/brokers/shared/sense-page.ts), apart from the adapter (./index.ts)
// so that the content-script bundle does not carry the record readers.

import type { PageSide } from '../shared/sense-page';
import { sensePage } from '../shared/sense-page';
import type { ReaderSpec } from '../shared/read-page';

/** Logged-in hosts where the content script runs (never the login host). */
export const SBI_HOSTS = [
  'site0.sbisec.co.jp',
  'site1.sbisec.co.jp',
  'site2.sbisec.co.jp',
  'site3.sbisec.co.jp',
  'site.sbisec.co.jp',
  'member.c.sbisec.co.jp',
  'k.sbisec.co.jp',
] as const;

export const sbiSpec: ReaderSpec = {
  broker: 'sbi',
  parserVersion: 'sbi/2026.11.1',
  phrases: {
    // sbi/fixtures/session-expired.html
    notLoggedIn: [/タイムアウト(しました|となりました)/, /ログインしなおして/, /WPLETlgR001Control/],
    maintenance: [/ただいまシステムメンテナンス/, /メンテナンス時間/],
  },
  urlHints: [
    { kind: 'login-history', pattern: /loginHistory|login-history|WPLETsmR\d+Control.*[Ll]ogin/ },
    { kind: 'executions', pattern: /WPLETagR001Control/ },
    { kind: 'trade-history', pattern: /WPLETacR007Control/ },
    { kind: 'order-inquiry', pattern: /\/foreign\/refer\/[a-z]+\/order-history|orderList\.do/ },
    { kind: 'holdings', pattern: /WPLETacR00[12]Control|\/foreign\/account\/(assets|summary)|holdStockList\.do/ },
  ],
};

export const sbiPage: PageSide = {
  id: 'sbi',
  hosts: SBI_HOSTS,
  readPage: (doc, url, taught) => sensePage(sbiSpec, doc, url, taught),
};
