// SBI証券. Logged-in hosts: legacy ETGate on site0–3 (Shift_JIS), the new site
// on site.sbisec.co.jp and member.c.sbisec.co.jp (UTF-8, data-label lists),
// the backup site k.sbisec.co.jp/bsite (brokers.md §2.1–2.3). Never the login
// host login.sbisec.co.jp. Only the backup site's login-history path is known
// (`/bsite/member/loginHistory.do`, §2.2); the main site's is recognised by content.

import type { BrokerAdapter } from '../types';
import { readBrokerPage } from '../shared/read-page';
import { SBI_HOSTS, sbiSpec as spec } from './page';

export const sbi: BrokerAdapter = {
  id: 'sbi',
  label: { ja: 'SBI証券', en: 'SBI Securities' },
  hosts: SBI_HOSTS,
  pageKinds: ['login-history', 'executions', 'trade-history', 'order-inquiry', 'holdings'],
  urlHints: spec.urlHints,
  officialUrls: {
    home: 'https://www.sbisec.co.jp/',
    support: 'https://www.sbisec.co.jp/ETGate/?_ControlID=WPLEThmR001Control&_PageID=DefaultPID&_ActionID=DefaultAID',
  },
  readPage: (doc, url, opts) => readBrokerPage(spec, doc, url, opts),
};
