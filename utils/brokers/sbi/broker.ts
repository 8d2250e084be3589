// SBI証券. Logged-in hosts: legacy ETGate on site0–3 (Shift_JIS), the new site
// on site.sbisec.co.jp and member.c.sbisec.co.jp (UTF-8, div lists), the backup
// site k.sbisec.co.jp/bsite (brokers.md §2.1–2.3, docs/brokers.md "Real samples").
// Only the backup site's login-history path is known (`/bsite/member/loginHistory.do`);
// the main site's is recognised by content.

import { defineBroker } from '../declaration';

export default defineBroker({
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
  loginHosts: ['login.sbisec.co.jp', 'www.sbisec.co.jp'],
  officialUrls: {
    home: 'https://www.sbisec.co.jp/',
    support: 'https://www.sbisec.co.jp/ETGate/?_ControlID=WPLEThmR001Control&_PageID=DefaultPID&_ActionID=DefaultAID',
  },
  pageKinds: ['login-history', 'executions', 'trade-history', 'order-inquiry', 'holdings'],
  parserVersion: 'sbi/2026.11.1',
  phrases: {
    // sbi/fixtures/session-expired.html
    notLoggedIn: [/タイムアウト(しました|となりました)/, /ログインしなおして/, /WPLETlgR001Control/],
    maintenance: [/ただいまシステムメンテナンス/, /メンテナンス時間/],
    // the device-authentication step at login (brokers.md §2.1): login.sbisec.co.jp/otp/…, never a member host
    notLoggedInYet: { heading: [/デバイス認証/, /不正端末ログイン検知/] },
  },
  urlHints: [
    { kind: 'login-history', pattern: /loginHistory|login-history|WPLETsmR\d+Control.*[Ll]ogin/ },
    { kind: 'executions', pattern: /WPLETagR001Control/ },
    { kind: 'trade-history', pattern: /WPLETacR007Control/ },
    { kind: 'order-inquiry', pattern: /\/foreign\/refer\/[a-z]+\/order-history|orderList\.do/ },
    {
      kind: 'holdings',
      pattern:
        /WPLETacR00[12]Control|\/foreign\/account\/(assets|summary)|\/account\/foreign\/summary|holdStock(?:List|Detail)\.do/,
    },
  ],
  layouts: [
    {
      // the backup site's holdStockList.do: no header row; per holding a `code name market` row, then
      // `現在値 | value | 保有 | N株` and `前日比 | value | 損益 | value` (docs/brokers.md "Real samples", source T)
      id: 'bsite-holdings',
      kind: 'holdings',
      url: /\/bsite\/member\/acc\/holdStockList\.do/,
      startRow: /^(?:\d{3}[0-9A-Z]|\d{5}) \S/,
      labels: { 保有: 'quantity', 現在値: 'value', 損益: 'value', 前日比: 'value' },
      evidence: 'docs/brokers.md "Real samples": ak1211/tractor test/SBIsecCoJp (facts only)',
    },
  ],
  // SBI's idle timeout is not published (brokers.md §2): 10 minutes is an assumption
  // chosen short, so a check can never be what keeps a session open.
  sessionIdleMinutes: 10,
  checkTargets: [
    // 当日約定一覧 (brokers.md §2.2)
    {
      kind: 'executions',
      path: '/ETGate/?_ControlID=WPLETagR001Control&_PageID=DefaultPID&_DataStoreID=DSWPLETagR001Control&_ActionID=DefaultAID&getFlg=on',
      hosts: /^site\d\.sbisec\.co\.jp$/,
    },
  ],
  // SBI's session lives in cookies; URLs carry no session id.
  loginHistoryHelp: 'onbHistorySbi',
  csvFormats: ['sbi-savefile', 'sbi-yakujo'],
});
