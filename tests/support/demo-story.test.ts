// The demo's story pages (demo/site/story.ts), as the server sends them, read by
// the Rakuten adapter: the demo and tests/e2e/incident.e2e.test.ts rely on these
// readings, so a page the adapter stops reading fails here before any browser starts.

import { describe, expect, it } from 'vitest';
import { createDemoSite } from '../../demo/site/site';
import { CHINA_BEFORE_IP, CHINA_IP, createStory, HONG_KONG_IP } from '../../demo/site/story';
import { DEMO_SESSION } from '../../demo/site/urls';
import { brokerForUrl } from '../../utils/brokers';
import { toJstIso } from '../../utils/brokers/shared/dates';
import { decodeBytes } from '../../utils/capture/decode';
import { parseHtml } from '../../utils/dom/parse-html';

const installed = Date.parse('2026-11-29T15:00:00+09:00');
const story = createStory(installed);
const site = createDemoSite(undefined, story);

function read(page: string) {
  const url = `https://member.rakuten-sec.co.jp/app/${page};BV_SessionID=${DEMO_SESSION}?eventType=init`;
  const res = site.handle({ method: 'GET', host: 'member.rakuten-sec.co.jp', url: url.slice(url.indexOf('/app/')) });
  const text = decodeBytes(res.body, 'utf-8').text;
  return brokerForUrl(url)!.readPage(parseHtml(text), url);
}

describe('the demo story, read by the Rakuten adapter', () => {
  it('before the attack: the China night login three days before installation, the five lots held', () => {
    const logins = read('home_login_history.do');
    expect(logins).toMatchObject({ status: 'ok', pageKind: 'login-history' });
    expect(logins.logins.filter((l) => l.ip === CHINA_BEFORE_IP).map((l) => l.at)).toEqual([
      '2026-11-26T02:41:10+09:00',
    ]);
    expect(logins.logins).toHaveLength(7);
    const held = read('ass_all_possess_lst.do');
    expect(held).toMatchObject({ status: 'ok', pageKind: 'holdings' });
    expect(held.holdings?.map((h) => [h.symbol, h.account, h.quantity])).toEqual([
      ['8058', '一般', 100],
      ['7203', '特定', 200],
      ['9432', '特定', 1000],
      ['7203', 'NISA成長投資枠', 100],
      ['2914', 'NISA成長投資枠', 100],
    ]);
    expect(read('ass_trad_lst.do').orders).toHaveLength(5);
  });

  it('after it: the two logins, the two changes, the trades with their times, fees and rate', () => {
    const at = installed + 60_000;
    story.attack(at);
    const logins = read('home_login_history.do').logins;
    expect(logins.filter((l) => l.ip === CHINA_IP || l.ip === HONG_KONG_IP).map((l) => l.at)).toEqual([
      toJstIso(at + 10_000),
      toJstIso(at),
    ]);
    const inquiry = read('ord_jp_stk_req_lst.do');
    expect(inquiry).toMatchObject({ status: 'ok', pageKind: 'order-inquiry' });
    expect(inquiry.orders?.map((o) => [o.at, o.side, o.symbol, o.account, o.quantity, o.price])).toEqual([
      [toJstIso(at + 30_000), 'buy', '5999', '特定', 2000, 430],
      [toJstIso(at + 26_000), 'sell', '2914', 'NISA成長投資枠', 100, 4100],
      [toJstIso(at + 24_000), 'sell', '8058', '一般', 100, 3310],
      [toJstIso(at + 22_000), 'sell', '9432', '特定', 1000, 152],
      [toJstIso(at + 20_000), 'sell', '7203', 'NISA成長投資枠', 100, 2850],
      [toJstIso(at + 18_000), 'sell', '7203', '特定', 200, 2850],
    ]);
    const trades = read('ass_trad_lst.do').orders!;
    expect(trades).toHaveLength(11);
    expect(trades.filter((o) => o.fees).map((o) => [o.symbol, o.fees, o.dateOnly])).toEqual([
      ['5999', 535, true],
      ['8058', 275, true],
      ['7203', 535, true],
    ]);
    const hk = read('ass_trad_ch_lst.do').orders!;
    expect(hk.map((o) => [o.at, o.symbol, o.quantity, o.price, o.currencyCode])).toEqual([
      [toJstIso(at + 28_000), '08327', 60000, 0.78, 'HKD'],
    ]);
    const changes = read('acc_info_change_lst.do');
    expect(changes).toMatchObject({ status: 'ok', pageKind: 'account-changes' });
    expect(changes.accountEvents?.map((c) => [c.at, c.item])).toEqual([
      [toJstIso(at + 16_000), 'ログイン通知メール'],
      [toJstIso(at + 14_000), '登録メールアドレス'],
      ['2024-01-05T20:14:00+09:00', '外国証券取引口座約款'],
    ]);
    expect(read('ass_all_possess_lst.do').holdings?.map((h) => [h.symbol, h.quantity])).toEqual([
      ['08327', 60000],
      ['5999', 2000],
    ]);
  });
});
