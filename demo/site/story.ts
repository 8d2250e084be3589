// The demo broker's story (issue 10): an ordinary 楽天証券 account whose login
// history already holds a night login from China when the extension is
// installed; then, while the user is away, a takeover: a China login, a Hong
// Kong login ten seconds later, the e-mail address and the login-mail setting
// changed, every holding sold (NISA included) and two small caps bought.
// The figures are those of utils/evidence/fixtures/staged-attack-rakuten.json
// (its hand-computed report lives in utils/evidence/report.test.ts); the times
// follow the clock, since the attack must happen after the installation the
// browser really does. INVENTED: every name, figure and row. Addresses are in
// the real blocks of the networks they stand for (CN 36.110.0.0/16 ChinaNet
// Beijing, HK 203.198.0.0/16 HKT), the user's own in the documentation range
// the demo already uses (203.0.113.0/24).

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJstIso } from '../../utils/brokers/shared/dates';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(HERE, '..', '..', 'utils', 'evidence', 'fixtures', 'staged-attack-rakuten.json');

export const OWN_IP = '203.0.113.24';
export const OWN_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const ATTACKER_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
export const CHINA_BEFORE_IP = '36.110.88.20';
export const CHINA_IP = '36.110.123.45';
export const HONG_KONG_IP = '203.198.21.7';

export interface StoryLogin {
  at: number;
  channel: string;
  ip: string;
  ua: string;
}
export interface StoryOrder {
  /** When it was placed and executed (the order inquiry shows it to the second; the trade history the date). */
  at: number;
  side: 'buy' | 'sell';
  symbol: string;
  name: string;
  market: string;
  account: string;
  quantity: number;
  price: number;
  currency: '円' | 'HKドル';
  fees: number;
  /** HKD → JPY as the China trade history shows it. */
  rate?: number;
}
export interface StoryChange {
  at: number;
  item: string;
  detail: string;
}

interface FixtureRow {
  at: string;
  side: 'buy' | 'sell';
  symbol: string;
  name: string;
  market: string;
  account: string;
  quantity: number;
  price: number;
  currency: '円' | 'HKドル';
  fees?: number;
  為替レート?: string;
}

const fixture = () =>
  JSON.parse(readFileSync(FIXTURE, 'utf8')) as { steps: Array<{ type: string; rows?: FixtureRow[] }> };

/** The holdings' purchases (2022–2024), as the trade history lists them (dates only). */
export function historyBuys(): StoryOrder[] {
  const rows = fixture().steps.find((s) => s.type === 'orders')!.rows!;
  return rows.map((r) => ({ ...r, at: Date.parse(r.at), fees: r.fees ?? 0 }));
}

/** The attack's trades, in the fixture's order and figures, placed 2 s apart from `start`. */
export function attackTrades(start: number): StoryOrder[] {
  const rows = fixture().steps.filter((s) => s.type === 'orders')[1]!.rows!;
  return rows.map((r, i) => ({
    ...r,
    at: start + i * TRADE_GAP_MS,
    fees: r.fees ?? 0,
    ...(r.為替レート ? { rate: Number(r.為替レート) } : {}),
  }));
}

/** The takeover lasts ATTACK_MS (30 s): short, so that a test or the demo waits for it only that long. */
const TRADE_GAP_MS = 2_000;
export const ATTACK_MS = 30_000;

export interface Story {
  logins: StoryLogin[];
  orders: StoryOrder[];
  changes: StoryChange[];
  /** When the attack began (undefined before `attack`). */
  attackedAt?: number;
  /** The user logs in (the demo's login button): a row at that time. */
  ownLogin(at: number): void;
  /** The takeover, starting at `at`: logins, changes and trades as the pages will then show them. */
  attack(at: number): void;
}

/** Before the attack: the user's own logins, and the China night login three days before `installedAt`. */
export function createStory(installedAt: number): Story {
  const day = 86_400_000;
  const jstMidnight = Math.floor((installedAt + 9 * 3_600_000) / day) * day - 9 * 3_600_000;
  const story: Story = {
    logins: [
      {
        at: jstMidnight - 3 * day + (2 * 60 + 41) * 60_000 + 10_000,
        channel: 'PC',
        ip: CHINA_BEFORE_IP,
        ua: ATTACKER_UA,
      },
    ],
    orders: historyBuys(),
    changes: [{ at: Date.parse('2024-01-05T20:14:00+09:00'), item: '外国証券取引口座約款', detail: '同意' }],
    ownLogin(at) {
      story.logins.push({ at, channel: 'PC', ip: OWN_IP, ua: OWN_UA });
    },
    attack(at) {
      story.attackedAt = at;
      story.logins.push(
        { at, channel: 'PC', ip: CHINA_IP, ua: ATTACKER_UA },
        { at: at + 10_000, channel: 'PC', ip: HONG_KONG_IP, ua: ATTACKER_UA },
      );
      story.changes.push(
        { at: at + 14_000, item: '登録メールアドレス', detail: '変更' },
        { at: at + 16_000, item: 'ログイン通知メール', detail: '受け取らない' },
      );
      story.orders.push(...attackTrades(at + 18_000));
    },
  };
  return story;
}

// ---------------------------------------------------------------- the pages' tables

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const jst = (ms: number) => toJstIso(ms).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
const date = (ms: number) => jst(ms).slice(0, 10);
const yen = (n: number) => n.toLocaleString('en-US');
const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
const table = (id: string, head: string[], rows: string[]) =>
  `<table class="pcmm-table" id="${id}"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
const newestFirst = <T extends { at: number }>(xs: T[]) => [...xs].sort((a, b) => b.at - a.at);
/** Two business days later, roughly: the demo does not model holidays. */
const settle = (ms: number) => date(ms + 2 * 86_400_000);

export function loginHistoryTable(s: Story, staticRows: string): string {
  const rows = newestFirst(s.logins).map((l) => row([jst(l.at), l.channel, l.ip, esc(l.ua)]));
  return table(
    'table_login_hist',
    ['ログイン日時', 'ログイン方法', 'IPアドレス', 'ユーザーエージェント'],
    [...rows, staticRows],
  );
}

/** 注文照会: the attack's orders, with the time each was placed. */
export function orderInquiryTable(s: Story): string {
  const rows = newestFirst(s.orders.filter((o) => o.at >= (s.attackedAt ?? Infinity) && o.currency === '円')).map(
    (o, i) =>
      row([
        `${date(o.at).replace(/\//g, '')}-00${4411 + i}`,
        jst(o.at),
        `${esc(o.name)}<br>${o.symbol}`,
        o.market,
        '現物',
        o.side === 'sell' ? '売付' : '買付',
        o.account,
        yen(o.quantity),
        yen(o.quantity),
        '成行',
        `${yen(o.price)}.0`,
        '約定済',
      ]),
  );
  return table(
    'table_order_inquiry',
    [
      '注文番号',
      '注文日時',
      '銘柄',
      '市場',
      '取引',
      '売買',
      '口座',
      '注文数量［株］',
      '約定数量［株］',
      '注文単価［円］',
      '約定単価［円］',
      '状態',
    ],
    rows,
  );
}

/** 取引履歴（国内株式）: dates only, with the fees (the issue's second source of the same trades). */
export function tradeHistoryTable(s: Story): string {
  const rows = newestFirst(s.orders.filter((o) => o.currency === '円')).map((o) =>
    row([
      date(o.at),
      settle(o.at),
      `${esc(o.name)}<br>${o.symbol}`,
      o.market,
      o.account,
      '現物',
      o.side === 'sell' ? '売付' : '買付',
      yen(o.quantity),
      `${yen(o.price)}.0`,
      yen(o.fees),
      yen(o.quantity * o.price + (o.side === 'sell' ? -o.fees : o.fees)),
    ]),
  );
  return table(
    'table_trad_data',
    [
      '約定日',
      '受渡日',
      '銘柄',
      '市場',
      '口座',
      '取引',
      '売買',
      '数量［株］',
      '単価［円］',
      '手数料［円］',
      '受渡金額［円］',
    ],
    rows,
  );
}

/**
 * 取引履歴（中国株式）: the Hong Kong buy with its time (to the second: the 約定日時 column is invented, as in
 * the adapter's fixture; a time to the minute could fall before the Hong Kong login and leave the buy a
 * suspect of two sessions, which is right for such a page but not the story told here), currency and rate.
 */
export function chinaTradeTable(s: Story): string {
  const rows = newestFirst(s.orders.filter((o) => o.currency === 'HKドル')).map((o) =>
    row([
      jst(o.at),
      settle(o.at),
      o.symbol,
      esc(o.name),
      o.market,
      'HKドル',
      o.side === 'sell' ? '売付' : '買付',
      o.account,
      yen(o.quantity),
      o.price.toFixed(4),
      (o.quantity * o.price).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ','),
      (o.rate ?? 0).toFixed(2),
      yen(Math.round(o.quantity * o.price * (o.rate ?? 0))),
    ]),
  );
  return table(
    'table_trad_ch_data',
    [
      '約定日時',
      '受渡日',
      '銘柄コード',
      '銘柄名',
      '市場',
      '通貨',
      '取引区分',
      '口座区分',
      '数量［株］',
      '単価',
      '約定代金',
      '為替レート',
      '受渡金額［円］',
    ],
    rows,
  );
}

/** お客様情報変更履歴. */
export function accountChangesTable(s: Story): string {
  const rows = newestFirst(s.changes).map((c) => row([jst(c.at), c.item, c.detail, 'WEB']));
  return table('table_change_hist', ['変更日時', '変更項目', '変更内容', '受付経路'], rows);
}

/** 保有商品一覧: what the account holds now (before the attack: the five lots; after: the two buys). */
export function holdingsTable(s: Story): string {
  const lots = new Map<string, StoryOrder & { held: number }>();
  for (const o of [...s.orders].sort((a, b) => a.at - b.at)) {
    const key = `${o.symbol}|${o.account}`;
    const lot = lots.get(key) ?? { ...o, held: 0 };
    lot.held += o.side === 'buy' ? o.quantity : -o.quantity;
    if (o.side === 'buy') lot.price = o.price;
    lots.set(key, lot);
  }
  const rows = [...lots.values()]
    .filter((l) => l.held > 0)
    .map((l) =>
      row([
        l.currency === '円' ? '国内株式' : '中国株式',
        l.symbol,
        esc(l.name),
        l.account,
        `${yen(l.held)} 株`,
        l.currency === '円' ? `${yen(l.price)}.0 円` : `${l.price.toFixed(4)} HKドル`,
      ]),
    );
  return table(
    'table_possess_data',
    ['種別', '銘柄コード・ティッカー', '銘柄', '口座', '保有数量［株・口］', '平均取得価額'],
    rows,
  );
}
