// One table per rule: what it raises, at which severity, and what it leaves alone.
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../records/alert';
import { accountEvent, facts, homeHistory, login, loginCtx, ofacts, order, orderCtx, preceding } from '../testkit';
import { buildProfile } from '../profile';
import { loginFacts } from '../facts';
import { buildSessions } from '../sessions';
import { reviewHistory } from './history-review';
import { accountChange } from './account-change';
import { accountContact } from './account-contact';
import { accountDocuments } from './account-documents';
import { accountWithdrawal } from './account-withdrawal';
import { aggregatorFirst } from './aggregator-first';
import { concurrentSession } from './concurrent-session';
import { pumpBuy } from './pump-buy';
import { rejectedEnvironment } from './rejected-environment';
import { slowSpray } from './slow-spray';
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
import { ordersInFlaggedSession } from './orders-in-flagged-session';
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
  it('a first smartphone login at 03:12 on an account that only ever used the PC is high', () => {
    const f = facts(login(NIGHT, { broker: 'rakuten', channel: 'スマートフォン' }));
    expect(newChannel.evaluate(loginCtx(f, pc))?.severity).toBe('high');
  });
  it('"mine" about the environment silences it', () => {
    const f = facts(login(NIGHT, { broker: 'rakuten', channel: 'スマートフォン' }));
    expect(newChannel.evaluate(loginCtx(f, pc, { answered: 'mine' }))).toBeUndefined();
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
  it('respects "this was me" about the environment', () => {
    const f = facts(login(AFTER, { channel: 'PC', broker: 'rakuten' }));
    const wokeFrom = { at: AFTER, idleDays: 680 };
    expect(dormantWaking.evaluate(loginCtx(f, [], { wokeFrom, answered: 'mine' }))).toBeUndefined();
  });
});

describe('concurrent-session', () => {
  const session = (ip: string) => [{ envId: 'env_home', wide: facts(login(AFTER, { ...HOME, ip })).wide, start: 0 }];
  it.each<[string, Record<string, string>, boolean, Sev]>([
    ['a new network while this browser is logged in', { ...HOME, ip: '13.112.20.5' }, false, 'high'],
    ['the phone on the same home network', { ip: '126.55.77.1', os: 'iOS', browser: 'Safari' }, false, 'low'],
    ['a known environment at the same time', HOME, true, undefined],
  ])('%s', (_n, fields, knownEnv, want) => {
    const f = facts(login(AFTER, fields));
    const history = knownEnv ? [...home, ...homeHistory(5, fields)] : home;
    expect(concurrentSession.evaluate(loginCtx(f, history, { concurrent: session('126.55.10.20') }))?.severity).toBe(
      want,
    );
  });
  it('no second session: nothing', () => {
    expect(
      concurrentSession.evaluate(loginCtx(facts(login(AFTER, { ...HOME, ip: '13.112.20.5' })), home)),
    ).toBeUndefined();
  });
  it('the same channel with no address during the session: low, it cannot be told', () => {
    const f = facts(login(AFTER, { broker: 'rakuten', channel: 'PC' }));
    f.maybeThisBrowser = true;
    expect(concurrentSession.evaluate(loginCtx(f, []))?.severity).toBe('low');
  });
});

describe('rejected-environment', () => {
  it('a login from an environment the user rejected is high; this browser never is', () => {
    const f = facts(login(AFTER, { ...HOME, ip: '36.110.14.22' }));
    expect(rejectedEnvironment.evaluate(loginCtx(f, [], { answered: 'not-mine' }))?.severity).toBe('high');
    expect(rejectedEnvironment.evaluate(loginCtx(facts(f.event, true), [], { answered: 'not-mine' }))).toBeUndefined();
    expect(rejectedEnvironment.evaluate(loginCtx(f, []))).toBeUndefined();
  });
});

describe('aggregator-first', () => {
  const agg = (extra: Partial<Parameters<typeof loginCtx>[2]> = {}, history = home) =>
    aggregatorFirst.evaluate(
      loginCtx(facts(login(AFTER, { broker: 'rakuten', channel: '他社サービスからログイン' })), history, extra),
    )?.severity;
  it.each<[string, Sev]>([
    ['first ever, after 30 logins without one', agg()],
    [
      'a user who links a service already',
      agg({}, [...home, ...homeHistory(5, { channel: '他社サービスからログイン' })]),
    ],
    ['answered "mine"', agg({ answered: 'mine' })],
    ['a new account with little history', agg({}, home.slice(0, 5))],
  ])('%s', (name, got) => {
    expect(got).toBe(name.startsWith('first ever') ? 'medium' : undefined);
  });
});

describe('slow-spray', () => {
  const night = (d: number, h: number, ip: string) =>
    facts(login(`2025-03-${String(d).padStart(2, '0')}T0${h}:1${d % 10}:00+09:00`, { ...HOME, ip, result: 'failure' }));
  it.each<[string, string[], Sev]>([
    [
      'one or two a night from new addresses, four nights',
      ['45.76.99.3', '103.152.220.4', '203.198.7.9', '117.136.8.9'],
      'medium',
    ],
    ['two nights only', ['45.76.99.3', '103.152.220.4'], undefined],
    ['mistypes at home, four nights', ['126.55.10.20', '126.55.10.21', '126.55.10.22', '126.55.10.23'], undefined],
  ])('%s', (_n, ips, want) => {
    const fails = ips.map((ip, i) => night(12 + i, 2 + (i % 2), ip));
    const last = fails[fails.length - 1]!;
    expect(slowSpray.evaluate(loginCtx(last, [...home, ...fails.slice(0, -1)]))?.severity).toBe(want);
  });
});

describe('not-this-browser, a second PC of the same kind', () => {
  // this browser at home every evening; the office PC (same Chrome on Windows) at lunch, never this browser
  const office = { ...HOME, ip: '210.160.10.5' };
  const lunches = Array.from({ length: 8 }, (_, i) =>
    facts(login(`2025-03-0${i + 1}T12:${10 + i * 4}:00+09:00`, { ...office, ip: `210.160.10.${i + 2}` })),
  );
  const history = [...home, ...homeHistory(20, office, false, 12), ...lunches];
  const env = (f: ReturnType<typeof facts>) => loginCtx(f, history);
  it.each<[string, string, string, Sev]>([
    ['the office at lunch from a network new to the user (the office moved)', '12:20', '114.160.10.7', 'low'],
    ['a new network in Japan at 15:40', '15:40', '114.160.10.7', 'medium'],
    ['the known office network', '12:20', '210.160.10.9', undefined],
  ])('%s', (_n, hm, ip, want) => {
    const f = facts(login(`2025-03-10T${hm}:00+09:00`, { ...office, ip }));
    expect(notThisBrowser.evaluate(env(f))?.severity).toBe(want);
  });
});

describe('pump-buy', () => {
  const held = [
    ofacts(order('2024-03-10T10:00:00+09:00', { symbol: '7203', quantity: 1000, price: 2156 })),
    ofacts(order('2024-04-11T10:00:00+09:00', { symbol: '9432', quantity: 10000, price: 150 })),
  ];
  const account = 1000 * 2156 + 10000 * 150;
  const buy = (onSite: boolean | undefined, fields: Record<string, unknown>) =>
    ofacts(order(T(9, 6), { symbol: '9999', ...fields }), onSite);
  it.each<[string, boolean | undefined, Record<string, unknown>, Sev]>([
    ['a third of the account into a never-traded small cap, off-site', false, { quantity: 7000, price: 163 }, 'high'],
    ['the same, the page cannot tell who', undefined, { quantity: 7000, price: 163 }, 'medium'],
    ['the same from this browser', true, { quantity: 7000, price: 163 }, undefined],
    ['a tenth of the account', false, { quantity: 2200, price: 163 }, undefined],
    ['a stock already traded', false, { symbol: '7203', quantity: 600, price: 2200 }, undefined],
  ])('%s', (_n, onSite, fields, want) => {
    const o = buy(onSite, fields);
    expect(pumpBuy.evaluate({ ...orderCtx(o, held), accountJpy: account })?.severity).toBe(want);
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
  // board lots: an HK share count says little; the yen amount decides
  it.each<[string, Record<string, unknown>, Sev]>([
    ['a penny HK stock in bulk, ¥1.6 million', { quantity: 200000, price: 0.41 }, 'high'],
    ['5 lots of 2,000 of a HK$0.9 large cap, ¥171,000', { symbol: '01398', quantity: 10000, price: 0.9 }, undefined],
  ])('%s', (_n, fields, want) => {
    expect(outsizedNewSymbol.evaluate(orderCtx(hkBuy(false, fields), holdings))?.severity).toBe(want);
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
    ['no login captured, user only trades here', {}, 'medium'],
    [
      "right after the user's own phone login",
      { precedingLogin: preceding(phone), loginProfile: phoneProfile },
      'info',
    ],
  ])('%s', (_n, extra, want) => {
    expect(orderOffSite.evaluate(orderCtx(o, holdings, extra ?? {}))?.severity).toBe(want);
  });
  it.each<[string, 'not-mine' | 'suspect' | 'mine' | 'unknown', Sev]>([
    ['in a session the user rejected', 'not-mine', 'high'],
    ['in a session of a flagged login', 'suspect', 'high'],
    ["in the user's own session", 'mine', undefined],
  ])('orders-in-flagged-session: %s', (_n, verdict, want) => {
    const placed = { ...o, placedBy: { verdict, login: suspicious, sessions: ['s'], ambiguous: false } };
    expect(ordersInFlaggedSession.evaluate(orderCtx(placed, holdings))?.severity).toBe(want);
    if (verdict === 'not-mine' || verdict === 'suspect')
      expect(orderOffSite.evaluate(orderCtx(placed, holdings))).toBeUndefined();
  });
  it('a session made from this browser is not reported', () => {
    const on = ofacts(order(T(9, 1), { side: 'sell', symbol: '7203', quantity: 100, price: 2700 }), true);
    expect(orderOffSite.evaluate(orderCtx(on, holdings))).toBeUndefined();
  });
});

describe('account changes', () => {
  type V = 'not-mine' | 'suspect' | 'mine' | 'unknown' | undefined;
  const by = (verdict: V) =>
    verdict ? { verdict, login: facts(login(T(2, 0), HOME)), sessions: ['s'], ambiguous: false } : undefined;
  it.each<[string, Parameters<typeof accountEvent>[1], string, boolean | undefined, V, Sev]>([
    [
      'withdrawal account, right after a login not yet known',
      'withdrawal-bank-account',
      T(2, 5),
      false,
      'unknown',
      'high',
    ],
    ['withdrawal account in a flagged session', 'withdrawal-bank-account', T(2, 5), false, 'suspect', 'high'],
    ['withdrawal account from this browser', 'withdrawal-bank-account', T(21, 5), true, 'mine', 'low'],
    ['withdrawal account, no login seen', 'withdrawal-bank-account', T(21, 5), false, undefined, 'medium'],
    ['e-mail changed from this browser', 'email', T(21, 5), true, 'mine', 'low'],
    ['notifications off right after a flagged login', 'notification-settings', T(2, 5), false, 'suspect', 'high'],
    [
      'notifications off on a date alone',
      'notification-settings',
      '2025-03-31T00:00:00+09:00',
      undefined,
      undefined,
      'medium',
    ],
    ['electronic documents at 02:05, not this browser', 'document-consent', T(2, 5), false, 'unknown', 'medium'],
    ['electronic documents at 21:05 from this browser', 'document-consent', T(21, 5), true, 'mine', 'info'],
    ['address changed from this browser', 'address', T(21, 5), true, 'mine', 'info'],
    ['password changed off-site', 'password', T(2, 5), false, undefined, 'medium'],
  ])('%s', (_n, kind, at, onSite, verdict, want) => {
    const ctx = {
      event: accountEvent(at, kind),
      onSite,
      precedingLogin: undefined,
      pastChanges: 0,
      placedBy: by(verdict),
    };
    const found = [accountWithdrawal, accountContact, accountDocuments, accountChange]
      .map((r) => r.evaluate(ctx))
      .filter((f) => !!f);
    expect(found.length).toBeLessThanOrEqual(1);
    expect(found[0]?.severity).toBe(want);
  });
});

describe('history-review (the history found at installation)', () => {
  const installed = Date.parse('2025-04-03T20:30:00+09:00');
  const day = (d: string, hm: string) => `2025-${d}T${hm}:00+09:00`;
  // four months of evenings at home before installation; this browser's login at installation
  const past = Array.from({ length: 120 }, (_, i) =>
    loginFacts(
      login(new Date(Date.parse('2024-12-01T21:10:00+09:00') + i * 86_400_000).toISOString(), HOME),
      installed,
    ),
  );
  const review = (extra: ReturnType<typeof loginFacts>[]) => {
    const all = [...past, ...extra, loginFacts(login(day('04-03', '20:28'), HOME), installed)].sort(
      (a, b) => a.ms - b.ms,
    );
    const model = buildSessions(all, [Date.parse(day('04-03', '20:29'))]);
    return reviewHistory({
      installedMs: installed,
      homeCountry: 'JP',
      logins: all,
      model,
      orders: [],
      changes: [],
      answered: () => undefined,
    });
  };
  it.each<[string, Array<[string, string, Record<string, string>]>, Sev]>([
    [
      'an AWS server at 02:41 a week before installation',
      [['03-26', '02:41', { ...HOME, ip: '13.112.20.5' }]],
      'medium',
    ],
    ['Chinanet at 01:12', [['03-11', '01:12', { ...HOME, ip: '1.80.10.5' }]], 'medium'],
    [
      'a new phone at lunch for a week (the page shows a few weeks: new is not suspect)',
      [
        ['03-24', '12:10', { ip: '1.72.10.5', os: 'Android', browser: 'Chrome' }],
        ['03-25', '12:15', { ip: '1.72.10.9', os: 'Android', browser: 'Chrome' }],
      ],
      undefined,
    ],
  ])('%s', (_n, rows, want) => {
    const r = review(rows.map(([d, hm, f]) => loginFacts(login(day(d, hm), f), installed)));
    expect(r.findings[0]?.severity).toBe(want);
  });
  it("the user's own long-standing environment is not raised", () => {
    expect(review([]).findings).toEqual([]);
  });
});
