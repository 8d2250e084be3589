// SBI証券. Logged-in hosts: legacy ETGate on site0–3 (Shift_JIS), the new site
// on site.sbisec.co.jp and member.c.sbisec.co.jp (UTF-8, data-label lists),
// the backup site k.sbisec.co.jp/bsite (brokers.md §2.1–2.3). Never the login
// host login.sbisec.co.jp. Only the backup site's login-history path is known
// (`/bsite/member/loginHistory.do`, §2.2); the main site's is recognised by content.

import type { BrokerAdapter } from '../types';
import { readBrokerPage, type ReaderSpec } from '../shared/read-page';

const spec: ReaderSpec = {
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

export const sbi: BrokerAdapter = {
  id: 'sbi',
  label: { ja: 'SBI証券', en: 'SBI Securities' },
  hosts: [
    'site0.sbisec.co.jp',
    'site1.sbisec.co.jp',
    'site2.sbisec.co.jp',
    'site3.sbisec.co.jp',
    'site.sbisec.co.jp',
    'member.c.sbisec.co.jp',
    'k.sbisec.co.jp',
  ],
  pageKinds: ['login-history', 'executions', 'trade-history', 'order-inquiry', 'holdings'],
  urlHints: spec.urlHints,
  officialUrls: { home: 'https://www.sbisec.co.jp/', support: 'https://www.sbisec.co.jp/ETGate/?_ControlID=WPLEThmR001Control&_PageID=DefaultPID&_ActionID=DefaultAID' },
  readPage: (doc, url) => readBrokerPage(spec, doc, url),
};
