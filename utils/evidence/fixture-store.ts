// A small, realistic case for the evidence tests, the e2e test and the report
// screenshot. INVENTED data: the March 2025 Rakuten pattern (brokers.md §4):
// a dormant account, PC logins the holder never made, domestic and NISA
// holdings sold, Hong Kong small caps bought. Addresses are documentation
// ranges. Some fields carry the XSS corpus: broker text is hostile input.

import type { ParseHtml } from '../capture/ingest';
import type { KabuGuardDB } from '../store/db';
import { ingestInputs } from './inputs';

export const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '"><svg onload=alert(3)>',
  'javascript:alert(4)',
  '</title><script>alert(5)</script>',
  '</style><style>body{display:none}</style>',
  "x' style='background:url(javascript:alert(6))",
  '<a href="javascript:alert(7)">click</a>',
  '<iframe srcdoc="<script>alert(8)</script>"></iframe>',
  '<meta http-equiv="refresh" content="0;url=https://attacker.example/">',
  '<link rel=stylesheet href=https://attacker.example/x.css>',
  '=HYPERLINK("https://attacker.example/","見る")',
];

const login = (at: string, channel: string, extra: Record<string, string> = {}) => ({ at, channel, ...extra });

export const CASE_SCENARIO = {
  format: 'scenario/1',
  id: 'evidence-case-rakuten',
  kind: 'attack',
  title: 'Invented case for the evidence bundle tests',
  broker: 'rakuten',
  steps: [
    { type: 'visit', at: '2023-05-18T19:05:00+09:00' },
    {
      type: 'logins',
      at: '2023-05-18T19:06:00+09:00',
      rows: [
        login('2023-02-10T20:11:00+09:00', 'PC', { ip: '198.51.100.23' }),
        login('2023-03-02T21:40:00+09:00', 'PC', { ip: '198.51.100.41' }),
        login('2023-05-18T19:03:00+09:00', 'PC', { ip: '198.51.100.41' }),
      ],
    },
    {
      type: 'orders',
      at: '2023-05-18T19:07:00+09:00',
      rows: [
        {
          at: '2022-03-10T10:00:00+09:00',
          side: 'buy',
          market: '東証',
          symbol: '7203',
          name: 'トヨタ自動車',
          quantity: 200,
          price: 2156,
          currency: '円',
          account: '特定',
        },
        {
          at: '2022-04-11T10:01:00+09:00',
          side: 'buy',
          market: '東証',
          symbol: '9432',
          name: '日本電信電話',
          quantity: 1000,
          price: 122,
          currency: '円',
          account: 'NISA成長投資枠',
        },
        {
          at: '2022-05-12T10:02:00+09:00',
          side: 'buy',
          market: '東証',
          symbol: '8058',
          name: '三菱商事',
          quantity: 100,
          price: 2032,
          currency: '円',
          account: '特定',
        },
      ],
    },
    { type: 'visit', at: '2025-04-10T12:30:00+09:00' },
    {
      type: 'logins',
      at: '2025-04-10T12:31:00+09:00',
      rows: [
        login('2023-05-18T19:03:00+09:00', 'PC', { ip: '198.51.100.41' }),
        login('2025-03-29T02:41:00+09:00', 'PC', {
          ip: '203.0.113.77',
          location: XSS_CORPUS[0]!,
          userAgent: XSS_CORPUS[1]!,
        }),
        login('2025-03-31T10:38:00+09:00', 'PC', {
          ip: '203.0.113.77',
          location: XSS_CORPUS[2]!,
          device: XSS_CORPUS[11]!,
        }),
        login('2025-04-10T12:29:00+09:00', 'PC', { ip: '198.51.100.41' }),
      ],
    },
    {
      type: 'orders',
      at: '2025-04-10T12:32:00+09:00',
      rows: [
        {
          at: '2025-03-31T10:41:00+09:00',
          side: 'sell',
          market: '東証',
          symbol: '7203',
          name: 'トヨタ自動車',
          quantity: 200,
          price: 2695,
          currency: '円',
          account: '特定',
          fees: 0,
        },
        {
          at: '2025-03-31T10:42:00+09:00',
          side: 'sell',
          market: '東証',
          symbol: '9432',
          name: '日本電信電話',
          quantity: 1000,
          price: 152,
          currency: '円',
          account: 'NISA成長投資枠',
        },
        {
          at: '2025-03-31T10:43:00+09:00',
          side: 'sell',
          market: '東証',
          symbol: '8058',
          name: '三菱商事',
          quantity: 100,
          price: 3310,
          currency: '円',
          account: '特定',
        },
        {
          at: '2025-03-31T11:05:00+09:00',
          side: 'buy',
          market: '香港',
          symbol: '02846',
          name: `アンバー・ヒル・フィナンシャル ${XSS_CORPUS[3]}`,
          quantity: 40000,
          price: 2.1,
          currency: 'HKドル',
          account: '特定',
        },
        {
          at: '2025-03-31T11:07:00+09:00',
          side: 'buy',
          market: '香港',
          symbol: '08133',
          name: XSS_CORPUS.slice(4).join(' '),
          quantity: 20000,
          price: 1.35,
          currency: 'HKドル',
          account: '特定',
        },
      ],
    },
    { type: 'feedback', at: '2025-04-10T12:40:00+09:00', event: '2025-03-29T02:41:00+09:00', verdict: 'not-mine' },
    { type: 'feedback', at: '2025-04-10T12:40:30+09:00', event: '2025-03-31T10:38:00+09:00', verdict: 'not-mine' },
    ...[
      '2025-03-31T10:41:00+09:00',
      '2025-03-31T10:42:00+09:00',
      '2025-03-31T10:43:00+09:00',
      '2025-03-31T11:05:00+09:00',
      '2025-03-31T11:07:00+09:00',
    ].map((event, i) => ({
      type: 'feedback',
      at: `2025-04-10T12:41:0${i}+09:00`,
      event,
      verdict: 'not-mine',
    })),
  ],
};

/** A saved login-history page (UTF-8) whose cells carry hostile text, as a capture would store it. */
export function hostilePage(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>ログイン履歴 | 楽天証券 ${XSS_CORPUS[4]}</title></head><body>
<a href="/app/logout.do">ログアウト</a><h2>ログイン履歴</h2>
<table><tr><th>ログイン日時</th><th>ログイン方法</th></tr>
<tr><td>2025/03/29 02:41</td><td>PC</td></tr><tr><td>2025/03/28 09:12</td><td>${XSS_CORPUS.map((x) => x.replace(/</g, '&lt;')).join(' ')}</td></tr></table></body></html>`;
}

export async function buildCaseStore(db: KabuGuardDB, parseHtml: ParseHtml): Promise<void> {
  await ingestInputs(
    db,
    [{ name: 'evidence-case-rakuten.json', bytes: new TextEncoder().encode(JSON.stringify(CASE_SCENARIO)) }],
    {},
    parseHtml,
  );
  await ingestInputs(
    db,
    [{ name: 'login_history.html', bytes: new TextEncoder().encode(hostilePage()) }],
    { url: 'https://member.rakuten-sec.co.jp/app/login_history.do' },
    parseHtml,
  );
  // an account change as the account-changes reader stores it (utils/records/account-event.ts)
  const snap = (await db.snapshots.toArray()).at(-1)!;
  await db.accountEvents.put({
    v: 1,
    id: 'acct_rakuten_case_1',
    broker: 'rakuten',
    at: '2025-03-29T02:45:00+09:00',
    kind: 'email',
    item: `登録メールアドレス ${XSS_CORPUS[5]}`,
    detail: '変更後: ta***@example.jp',
    raw: { 変更日時: '2025/03/29 02:45', 変更項目: '登録メールアドレス' },
    snapshotIds: [snap.id],
    firstSeenAt: snap.capturedAt,
    lastSeenAt: snap.capturedAt,
  });
}
