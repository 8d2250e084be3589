import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { rakuten } from '../rakuten';
import { pageSideOf } from '../page-sides';
import { sbi } from '../sbi';
import { matchesUrl, urlPatternOf, type TaughtMapping } from './taught';

const rakutenPage = pageSideOf('rakuten')!;

// Invented page: a login history whose headers the built-in vocabulary does not
// know (接続時刻 / 接続元アドレス / 端末種別). Addresses from documentation ranges.
const URL_ = 'https://member.rakuten-sec.co.jp/app/info_connect_log.do;BV_SessionID=SECRET123?eventType=init';
const page = (rows: string[][], headers = ['接続時刻', '接続元アドレス', '端末種別']) =>
  parseHtml(`<!DOCTYPE html><html><head><title>接続の記録｜楽天証券</title></head><body>
  <a href="/app/logout.do">ログアウト</a><h1>接続の記録</h1>
  <table id="log"><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr>
  ${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table></body></html>`);
const ROWS = [
  ['2026/05/01 20:15:03', '203.0.113.10', 'Windows / Chrome'],
  ['2026/04/29 08:01:59', '198.51.100.7', 'iOS / Safari'],
];
const LOGIN_MAPPING: TaughtMapping = {
  id: 'map_0000000000000001',
  broker: 'rakuten',
  urlPattern: '/app/info_connect_log.do',
  kind: 'login-history',
  signature: ['接続時刻', '接続元アドレス', '端末種別'],
  columns: [
    { header: '接続時刻', field: 'at' },
    { header: '接続元アドレス', field: 'ip' },
    { header: '端末種別', field: 'environment' },
  ],
  createdAt: '2026-05-02T10:00:00+09:00',
};

describe('taught tables', () => {
  it('the built-in readers do not read the unknown table (page side and background agree)', () => {
    const doc = page(ROWS);
    expect(rakuten.readPage(doc, URL_).status).toBe('unsupported');
    expect(rakutenPage.readPage(doc, URL_).status).toBe('unsupported');
  });

  it('reads a table with unknown headers through a mapping, with the same row reader as built-in tables', () => {
    const doc = page(ROWS);
    const r = rakuten.readPage(doc, URL_, { mappings: [LOGIN_MAPPING] });
    expect(r.status).toBe('ok');
    expect(r.pageKind).toBe('login-history');
    expect(r.parserVersion).toBe('rakuten/2026.11.1+taught:map_0000000000000001');
    expect(r.logins.map(({ raw: _raw, ...l }) => l)).toEqual([
      { at: '2026-05-01T20:15:03+09:00', result: 'success', ip: '203.0.113.10', os: 'Windows', browser: 'Chrome' },
      { at: '2026-04-29T08:01:59+09:00', result: 'success', ip: '198.51.100.7', os: 'iOS', browser: 'Safari' },
    ]);
    expect(r.logins[0]!.raw).toEqual({
      接続時刻: '2026/05/01 20:15:03',
      接続元アドレス: '203.0.113.10',
      端末種別: 'Windows / Chrome',
    });
    expect(rakutenPage.readPage(doc, URL_, [LOGIN_MAPPING])).toMatchObject({
      status: 'recognised',
      pageKind: 'login-history',
      loggedIn: true,
    });
  });

  it('finds the columns by header text when the broker reorders them', () => {
    const doc = page(
      ROWS.map(([a, b, c]) => [c!, a!, b!]),
      ['端末種別', '接続時刻', '接続元アドレス'],
    );
    const r = rakuten.readPage(doc, URL_, { mappings: [LOGIN_MAPPING] });
    expect(r.status).toBe('ok');
    expect(r.logins.map((l) => [l.at, l.ip])).toEqual([
      ['2026-05-01T20:15:03+09:00', '203.0.113.10'],
      ['2026-04-29T08:01:59+09:00', '198.51.100.7'],
    ]);
  });

  it.each([
    ['an extra column', ['接続時刻', '接続元アドレス', '端末種別', '備考'], URL_, LOGIN_MAPPING],
    ['a renamed column', ['接続時刻', '接続元IP', '端末種別'], URL_, LOGIN_MAPPING],
    [
      'another page',
      ['接続時刻', '接続元アドレス', '端末種別'],
      'https://member.rakuten-sec.co.jp/app/home.do',
      LOGIN_MAPPING,
    ],
    ['another broker', ['接続時刻', '接続元アドレス', '端末種別'], URL_, { ...LOGIN_MAPPING, broker: 'sbi' as const }],
  ])('is not applied to %s', (_what, headers, url, mapping) => {
    const doc = page(
      ROWS.map((r) => [...r, ...(headers.length > 3 ? ['-'] : [])]),
      headers,
    );
    const r = rakuten.readPage(doc, url, { mappings: [mapping] });
    expect(r.status).toBe('unsupported');
    expect(r.logins).toEqual([]);
    expect(rakutenPage.readPage(doc, url, [mapping]).status).toBe('unsupported');
  });

  it('a row without a readable time makes the whole table unreadable: no records', () => {
    const doc = page([ROWS[0]!, ['昨日の夜', '198.51.100.7', 'iOS / Safari']]);
    const r = rakuten.readPage(doc, URL_, { mappings: [LOGIN_MAPPING] });
    expect(r.status).toBe('unreadable');
    expect(r.logins).toEqual([]);
    expect(r.warnings.join(' ')).toMatch(/no login time in "昨日の夜"/);
  });

  it('a header row only is an empty history', () => {
    expect(rakuten.readPage(page([]), URL_, { mappings: [LOGIN_MAPPING] }).status).toBe('empty');
  });

  it('the newest of two mappings for the same table wins', () => {
    const older = {
      ...LOGIN_MAPPING,
      id: 'map_0000000000000002',
      createdAt: '2026-01-01T00:00:00+09:00',
      columns: LOGIN_MAPPING.columns.filter((c) => c.field !== 'ip'),
    };
    const r = rakuten.readPage(page(ROWS), URL_, { mappings: [older, LOGIN_MAPPING] });
    expect(r.parserVersion).toContain(LOGIN_MAPPING.id);
    expect(r.logins[0]!.ip).toBe('203.0.113.10');
  });

  it('reads an order table through a mapping (SBI ETGate page, invented headers)', () => {
    const url =
      'https://site1.sbisec.co.jp/ETGate/?_ControlID=WPLETxxR999Control&_PageID=DefaultPID&_DataStoreID=DSWPLETxx';
    const doc =
      parseHtml(`<html><head><title>お取引の記録｜SBI証券</title></head><body><a href="/ETGate/?_ControlID=WPLETlgR001Control&_ActionID=logout">ログアウト</a>
      <table><tr><th>成立日</th><th>コード番号</th><th>会社</th><th>売り買い</th><th>株数量</th><th>値段</th></tr>
      <tr><td>2026/05/07 09:00:12</td><td>7203</td><td>トヨタ自動車</td><td>買い</td><td>100</td><td>2,850</td></tr>
      <tr><td>2026/05/07 10:31:40</td><td>6758</td><td>ソニーグループ</td><td>売り</td><td>200</td><td>3,120.5</td></tr></table></body></html>`);
    const mapping: TaughtMapping = {
      id: 'map_00000000000000aa',
      broker: 'sbi',
      urlPattern: urlPatternOf(url),
      kind: 'orders',
      signature: ['成立日', 'コード番号', '会社', '売り買い', '株数量', '値段'],
      columns: [
        { header: '成立日', field: 'at' },
        { header: 'コード番号', field: 'symbol' },
        { header: '会社', field: 'name' },
        { header: '売り買い', field: 'side' },
        { header: '株数量', field: 'quantity' },
        { header: '値段', field: 'price' },
      ],
    };
    expect(mapping.urlPattern).toBe('/ETGate/?_ControlID=WPLETxxR999Control');
    const r = sbi.readPage(doc, url, { mappings: [mapping] });
    expect(r).toMatchObject({ status: 'ok', pageKind: 'trade-history' });
    expect(r.orders.map((o) => [o.at, o.symbol, o.name, o.side, o.quantity, o.price, o.status])).toEqual([
      ['2026-05-07T09:00:12+09:00', '7203', 'トヨタ自動車', 'buy', 100, 2850, 'executed'],
      ['2026-05-07T10:31:40+09:00', '6758', 'ソニーグループ', 'sell', 200, 3120.5, 'executed'],
    ]);
  });
});

describe('URL patterns', () => {
  it.each([
    [URL_, '/app/info_connect_log.do'],
    [
      'https://site2.sbisec.co.jp/ETGate/?_ControlID=WPLETsmR001Control&_PageID=DefaultPID&sessionid=x',
      '/ETGate/?_ControlID=WPLETsmR001Control',
    ],
    ['https://k.sbisec.co.jp/bsite/member/loginHistory.do', '/bsite/member/loginHistory.do'],
    ['not a url', '/'],
  ])('%s is saved as %s (no host, no session id)', (url, pattern) => {
    expect(urlPatternOf(url)).toBe(pattern);
  });

  it.each([
    ['/app/info_connect_log.do', 'https://member.rakuten-sec.co.jp/app/info_connect_log.do;BV_SessionID=X?a=1', true],
    ['/app/info_connect_log.do', 'https://member.rakuten-sec.co.jp/app/info_connect_log.do.bak', false],
    ['/app/*', 'https://member.rakuten-sec.co.jp/app/anything.do', true],
    [
      '/ETGate/?_ControlID=WPLETsmR001Control',
      'https://site0.sbisec.co.jp/ETGate/?_PageID=P&_ControlID=WPLETsmR001Control',
      true,
    ],
    [
      '/ETGate/?_ControlID=WPLETsmR001Control',
      'https://site0.sbisec.co.jp/ETGate/?_ControlID=WPLETsmR002Control',
      false,
    ],
    ['/ETGate/?_ControlID=WPLETsmR001Control', 'https://site0.sbisec.co.jp/ETGate/', false],
  ])('%s matches %s: %s', (pattern, url, expected) => {
    expect(matchesUrl(pattern, url)).toBe(expected);
  });
});
