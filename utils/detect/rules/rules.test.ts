// One table per rule: what it raises, at which severity, and what it leaves alone.
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../records/alert';
import { accountEvent, facts, homeHistory, login, loginCtx, ofacts, order, orderCtx, preceding } from '../testkit';
import { buildProfile } from '../profile';
import { accountChange } from './account-change';
import { chinaHkBuy } from './china-hk-buy';
import { dormantWaking } from './dormant-waking';
import { failedLoginBurst } from './failed-login-burst';
import { firstForeignMarket } from './first-foreign-market';
import { hostingNetwork } from './hosting-network';
import { liquidation } from './liquidation';
import { newChannel } from './new-channel';
import { newCountry } from './new-country';
import { newDeviceClass } from './new-device-class';
import { notThisBrowser } from './not-this-browser';
import { orderOffSite } from './orders-off-site';
import { outsizedNewSymbol } from './outsized-new-symbol';
import { sellThenBuy } from './sell-then-buy';
import { successAfterFailures } from './success-after-failures';

const HOME = { ip: '126.55.10.20', os: 'Windows', browser: 'Chrome 134' };
const home = homeHistory(30, HOME, true);
const AFTER = '2025-03-10T21:10:00+09:00';
const NIGHT = '2025-03-10T03:12:00+09:00';
type Sev = Severity | undefined;

describe('new-country', () => {
  it.each<[string, Record<string, string>, boolean, Sev]>([
    ['China, not this browser', { ip: '36.110.14.22', os: 'Windows', browser: 'Chrome 134' }, false, 'high'],
    [
      'China, made from this browser (travel)',
      { ip: '36.110.14.22', os: 'Windows', browser: 'Chrome 134' },
      true,
      'low',
    ],
    ['Japan, a new ISP block', { ip: '153.242.66.1', os: 'Windows', browser: 'Chrome 134' }, false, undefined],
    [
      'documentation address: no country',
      { ip: '203.0.113.9', os: 'Windows', browser: 'Chrome 134' },
      false,
      undefined,
    ],
    ['aggregator', { ip: '36.110.14.22', channel: '他社サービスからログイン' }, false, undefined],
  ])('%s', (_n, fields, mine, want) => {
    expect(newCountry.evaluate(loginCtx(facts(login(AFTER, fields), mine), home))?.severity).toBe(want);
  });
  it('with no address history, anything outside Japan is foreign', () => {
    expect(newCountry.evaluate(loginCtx(facts(login(AFTER, { ip: '8.8.8.8' })), []))?.severity).toBe('high');
    expect(newCountry.evaluate(loginCtx(facts(login(AFTER, { ip: '126.55.1.1' })), []))).toBeUndefined();
  });
});

describe('hosting-network', () => {
  it.each<[string, string, boolean, Sev]>([
    ['AWS, not this browser', '13.112.20.5', false, 'medium'],
    ['Vultr from this browser', '45.76.99.3', true, 'low'],
    ['home ISP', '126.55.3.3', false, undefined],
  ])('%s', (_n, ip, mine, want) => {
    expect(hostingNetwork.evaluate(loginCtx(facts(login(AFTER, { ...HOME, ip }), mine), home))?.severity).toBe(want);
  });
  it('a VPN the user already uses is quiet', () => {
    const vpn = homeHistory(5, { ...HOME, ip: '151.241.205.10' });
    expect(
      hostingNetwork.evaluate(loginCtx(facts(login(AFTER, { ...HOME, ip: '151.241.205.99' })), [...home, ...vpn])),
    ).toBeUndefined();
  });
});

describe('new-device-class', () => {
  it.each<[string, Record<string, string>, boolean, Sev]>([
    ['Edge on Windows (user has Chrome)', { ...HOME, browser: 'Edge' }, false, 'medium'],
    ['Chrome update 134 → 137', { ...HOME, browser: 'Chrome 137' }, false, undefined],
    ['Linux Firefox made by this browser', { ...HOME, os: 'Linux', browser: 'Firefox' }, true, undefined],
    ['aggregator', { channel: '他社サービスからログイン' }, false, undefined],
  ])('%s', (_n, fields, mine, want) => {
    expect(newDeviceClass.evaluate(loginCtx(facts(login(AFTER, fields), mine), home))?.severity).toBe(want);
  });
});

describe('new-channel', () => {
  const pc = homeHistory(20, { channel: 'PC' }, true);
  it.each<[string, string, Sev]>([
    ['first iSPEED login', 'iSPEED', 'medium'],
    ['first smartphone login', 'スマートフォン', 'medium'],
    ['full-width ＰＣ is PC', 'ＰＣ', undefined],
    ['aggregator never alerts', '他社サービスからログイン', undefined],
  ])('%s', (_n, channel, want) => {
    expect(newChannel.evaluate(loginCtx(facts(login(AFTER, { broker: 'rakuten', channel })), pc))?.severity).toBe(want);
  });
  it('full-width ｉＳＰＥＥＤ matches a known iSPEED', () => {
    const app = homeHistory(5, { channel: 'iSPEED' });
    expect(
      newChannel.evaluate(loginCtx(facts(login(AFTER, { channel: 'ｉＳＰＥＥＤ' })), [...pc, ...app])),
    ).toBeUndefined();
  });
});

describe('not-this-browser', () => {
  it.each<[string, string, Record<string, string>, LoginFactsList, Sev]>([
    ['same class, evening, no Visit', AFTER, HOME, home, 'medium'],
    ['same class at 3 a.m.', NIGHT, HOME, home, 'high'],
    [
      'a class never used from this browser (phone)',
      AFTER,
      { ip: '1.66.2.3', os: 'iOS', browser: 'Safari' },
      home,
      undefined,
    ],
    [
      'the office PC known before installation',
      AFTER,
      { ...HOME, ip: '210.160.10.5' },
      [...home, ...homeHistory(10, { ...HOME, ip: '210.160.10.9' }, false, 12)],
      undefined,
    ],
  ])('%s', (_n, at, fields, history, want) => {
    expect(notThisBrowser.evaluate(loginCtx(facts(login(at, fields)), history))?.severity).toBe(want);
  });
  it('a login this browser made is never reported', () => {
    expect(notThisBrowser.evaluate(loginCtx(facts(login(NIGHT, HOME), true), home))).toBeUndefined();
  });
});
type LoginFactsList = ReturnType<typeof homeHistory>;

describe('failed-login-burst and success-after-failures', () => {
  const burst = (n: number, ip: (i: number) => string) =>
    Array.from({ length: n }, (_, i) =>
      facts(
        login(`2025-03-05T01:${String(10 + i).padStart(2, '0')}:00+09:00`, {
          result: 'failure',
          ip: ip(i),
          os: 'Linux',
          browser: 'Chrome',
        }),
      ),
    );
  it.each<[string, number, (i: number) => string, Sev]>([
    [
      '15 failures from six networks',
      15,
      (i) => ['45.76.99.3', '103.152.220.4', '203.198.7.9', '117.136.8.9', '202.181.98.1', '219.100.37.1'][i % 6]!,
      'medium',
    ],
    ['two mistypes at home', 2, () => '126.55.10.20', undefined],
    ['six mistypes at home', 6, () => '126.55.10.20', undefined],
    ['three failures from two unknown networks', 3, (i) => (i % 2 ? '45.76.99.3' : '36.110.14.22'), 'medium'],
  ])('%s', (_n, n, ip, want) => {
    const fs = burst(n, ip);
    const ctx = loginCtx(fs[0]!, [...home, ...fs.slice(1)]);
    const found = failedLoginBurst.evaluate(ctx);
    expect(found?.severity).toBe(want);
    if (found) expect(found.events).toHaveLength(n);
  });
  it.each<[string, string, boolean, Sev]>([
    ['success from a failing address', '203.198.7.9', false, 'high'],
    ['success made by this browser after mistypes', '126.55.10.20', true, 'low'],
  ])('%s', (_n, ip, mine, want) => {
    const fs = burst(5, () => '203.198.7.9');
    const ok = facts(login('2025-03-05T01:27:00+09:00', { ip, os: 'Windows', browser: 'Chrome' }), mine);
    expect(successAfterFailures.evaluate(loginCtx(ok, [...home, ...fs]))?.severity).toBe(want);
  });
});

describe('dormant-waking', () => {
  it.each<[string, boolean, boolean, Sev]>([
    ['the waking login, not this browser', true, false, 'medium'],
    ['the waking login from this browser', true, true, 'low'],
    ['a later login from this browser', false, true, undefined],
    ['a later login not from this browser', false, false, 'medium'],
  ])('%s', (_n, waking, mine, want) => {
    const f = facts(login(AFTER, { channel: 'PC', broker: 'rakuten' }), mine);
    const wokeFrom = { at: waking ? AFTER : '2025-03-08T21:00:00+09:00', idleDays: 680 };
    expect(dormantWaking.evaluate(loginCtx(f, [], { wokeFrom }))?.severity).toBe(want);
  });
});

const T = (h: number, m = 0) => `2025-03-31T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+09:00`;
const holdings = [
  ofacts(order('2024-03-10T10:00:00+09:00', { symbol: '7203', quantity: 200, price: 2156 })),
  ofacts(order('2024-04-11T10:00:00+09:00', { symbol: '9432', quantity: 1000, price: 122 })),
  ofacts(order('2024-05-12T10:00:00+09:00', { symbol: '8058', quantity: 100, price: 2032 })),
];
const hkBuy = (onSite: boolean | undefined, fields = {}) =>
  ofacts(
    order(T(10, 52), { market: '香港', currency: 'HKドル', symbol: '08327', quantity: 120000, price: 0.78, ...fields }),
    onSite,
  );

describe('china-hk-buy', () => {
  const hkHistory = [
    ofacts(
      order('2024-06-01T10:40:00+09:00', {
        market: '香港',
        currency: 'HKドル',
        symbol: '00700',
        quantity: 100,
        price: 380,
      }),
    ),
  ];
  it.each<[string, boolean | undefined, typeof holdings, Sev]>([
    ['first HK buy, off-site', false, holdings, 'high'],
    ['first HK buy from this browser', true, holdings, 'low'],
    ['an HK trader, from this browser', true, hkHistory, undefined],
    ['an HK trader, off-site', false, hkHistory, 'medium'],
  ])('%s', (_n, onSite, history, want) => {
    expect(chinaHkBuy.evaluate(orderCtx(hkBuy(onSite), history))?.severity).toBe(want);
  });
  it('a sale of HK stock is not a buy', () => {
    expect(chinaHkBuy.evaluate(orderCtx(hkBuy(false, { side: 'sell' }), holdings))).toBeUndefined();
  });
});

describe('outsized-new-symbol', () => {
  it.each<[string, Record<string, unknown>, boolean, Sev]>([
    [
      '52,000 shares of a never-traded small cap, off-site',
      { symbol: '9999', quantity: 52000, price: 163 },
      false,
      'high',
    ],
    ['the same from this browser', { symbol: '9999', quantity: 52000, price: 163 }, true, 'low'],
    ['an ordinary new buy', { symbol: '6758', quantity: 100, price: 3150 }, false, undefined],
    ['more of a held symbol', { symbol: '7203', quantity: 5000, price: 2500 }, false, undefined],
  ])('%s', (_n, fields, onSite, want) => {
    expect(outsizedNewSymbol.evaluate(orderCtx(ofacts(order(T(9, 6), fields), onSite), holdings))?.severity).toBe(want);
  });
  it('a penny HK stock in bulk', () => {
    expect(
      outsizedNewSymbol.evaluate(orderCtx(hkBuy(false, { quantity: 80000, price: 0.41 }), holdings))?.severity,
    ).toBe('high');
  });
});

const sells = (onSite: boolean | undefined) => [
  ofacts(order(T(10, 41), { side: 'sell', symbol: '7203', quantity: 200, price: 2695 }), onSite),
  ofacts(order(T(10, 42), { side: 'sell', symbol: '9432', quantity: 1000, price: 152 }), onSite),
  ofacts(order(T(10, 43), { side: 'sell', symbol: '8058', quantity: 100, price: 2540 }), onSite),
];

describe('liquidation', () => {
  it.each<[string, boolean | undefined, Sev]>([
    ['all holdings sold off-site', false, 'high'],
    ['all holdings sold from this browser', true, 'low'],
    ['time unknown (date-only rows)', undefined, 'medium'],
  ])('%s', (_n, onSite, want) => {
    const s = sells(onSite);
    expect(liquidation.evaluate(orderCtx(s[0]!, holdings, { session: s }))?.severity).toBe(want);
  });
  it('one of three holdings sold is not a liquidation', () => {
    const s = sells(false).slice(1, 2);
    expect(liquidation.evaluate(orderCtx(s[0]!, holdings, { session: s }))).toBeUndefined();
  });
});

describe('sell-then-buy', () => {
  it.each<[string, boolean, Sev]>([
    ['sells then an HK penny stock, off-site', false, 'high'],
    ['the same from this browser', true, undefined],
  ])('%s', (_n, onSite, want) => {
    const s = [...sells(onSite), hkBuy(onSite)];
    expect(sellThenBuy.evaluate(orderCtx(s[0]!, holdings, { session: s }))?.severity).toBe(want);
  });
  it('a switch into a symbol already held is ordinary', () => {
    const s = [...sells(false), ofacts(order(T(11), { symbol: '7203', quantity: 100, price: 2600 }), false)];
    expect(sellThenBuy.evaluate(orderCtx(s[0]!, holdings, { session: s }))).toBeUndefined();
  });
});

describe('first-foreign-market', () => {
  it.each<[string, boolean | undefined, Sev]>([
    ['first US buy off-site', false, 'medium'],
    ['first US buy from this browser', true, 'info'],
    ['first US buy, time unknown', undefined, 'low'],
  ])('%s', (_n, onSite, want) => {
    const o = ofacts(
      order(T(22, 45), { market: 'NYSE Arca', currency: '米ドル', symbol: 'VTI', quantity: 4, price: 508 }),
      onSite,
    );
    expect(firstForeignMarket.evaluate(orderCtx(o, holdings))?.severity).toBe(want);
  });
});

describe('orders-off-site', () => {
  const o = ofacts(order(T(9, 1), { side: 'sell', symbol: '7203', quantity: 100, price: 2700 }), false);
  const suspicious = facts(login(T(8, 58), { ip: '13.112.20.5', os: 'Windows', browser: 'Chrome 134' }));
  const phone = facts(login(T(8, 50), { ip: '1.66.3.3', os: 'iOS', browser: 'Safari' }));
  const phoneProfile = buildProfile([
    {
      ...(loginCtx(phone, [phone]).env ??
        (() => {
          throw new Error('no env');
        })()),
      status: 'baseline',
    },
  ]);
  it.each<[string, Partial<Parameters<typeof orderCtx>[2]>, Sev]>([
    ['after a flagged login', { precedingLogin: preceding(suspicious, 'high') }, 'high'],
    ['no login captured, user only trades here', {}, 'medium'],
    [
      "right after the user's own phone login",
      { precedingLogin: preceding(phone), loginProfile: phoneProfile },
      'info',
    ],
  ])('%s', (_n, extra, want) => {
    expect(orderOffSite.evaluate(orderCtx(o, holdings, extra ?? {}))?.severity).toBe(want);
  });
  it('a session made from this browser is not reported', () => {
    const on = ofacts(order(T(9, 1), { side: 'sell', symbol: '7203', quantity: 100, price: 2700 }), true);
    expect(orderOffSite.evaluate(orderCtx(on, holdings))).toBeUndefined();
  });
});

describe('account-change', () => {
  it.each<[string, Parameters<typeof accountEvent>[1], boolean | undefined, boolean, Sev]>([
    ['withdrawal account changed off-site', 'withdrawal-bank-account', false, false, 'high'],
    ['e-mail changed from this browser', 'email', true, false, 'low'],
    ['address changed from this browser', 'address', true, false, 'info'],
    ['notifications off right after a flagged login', 'notification-settings', true, true, 'high'],
    ['password changed off-site', 'password', false, false, 'medium'],
  ])('%s', (_n, kind, onSite, afterFlagged, want) => {
    const pre = afterFlagged ? preceding(facts(login(T(2, 0), HOME)), 'medium') : undefined;
    expect(
      accountChange.evaluate({ event: accountEvent(T(2, 5), kind), onSite, precedingLogin: pre, pastChanges: 0 })
        ?.severity,
    ).toBe(want);
  });
});
