// Every figure below was computed by hand; the arithmetic is in the comments.
// INVENTED case (the staged attack of issue 10, figures of our own): on
// 2025-11-29 10:18–10:20 the attacker sold the holder's トヨタ in 特定 and in
// NISA, NTT (特定, at a loss), 三菱商事 (一般) and JT (NISA), then bought a
// Hong Kong small cap (08327, 60,000 shares at HK$0.78, rate 19.20 on the
// page) and a domestic small cap (5999, 2,000 shares at 430 円). The trade
// history shows the 7203 特定 sale a second time, date only, with its fee.

import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '../records';
import type { EvidenceCase, Standing } from './case';
import { accountOf, damageJson, damageStatement, recordRate, type DamageInput } from './damage';
import { mergeSameTrades } from './same-trade';

let n = 0;
function order(at: string, fields: Partial<OrderEvent> & Pick<OrderEvent, 'side'>): OrderEvent {
  n++;
  return {
    v: 1,
    id: fields.id ?? `ord_${n}`,
    broker: 'rakuten',
    at,
    status: 'executed',
    currency: '円',
    marketRegion: 'JP',
    raw: {},
    snapshotIds: [`snap_${n}`],
    firstSeenAt: at,
    lastSeenAt: at,
    ...fields,
  };
}

function caseOf(orders: OrderEvent[], notMine: string[], suspect: string[] = []): EvidenceCase {
  const standing = (ids: string[]): Standing | undefined =>
    ids.some((i) => notMine.includes(i)) ? 'not-mine' : ids.some((i) => suspect.includes(i)) ? 'suspect' : undefined;
  return {
    basis: 'answers-and-alerts',
    logins: [],
    accountChanges: [],
    orders: mergeSameTrades(orders)
      .filter((t) => standing(t.ids))
      .map((trade) => ({ trade, standing: standing(trade.ids)!, alertIds: [], sources: [] })),
  };
}

// the holder's own buys
const own = [
  order('2023-01-10T10:00:00+09:00', {
    side: 'buy',
    symbol: '7203',
    name: 'トヨタ自動車',
    quantity: 200,
    price: 2156,
    account: '特定',
  }),
  order('2024-02-05T10:00:00+09:00', {
    side: 'buy',
    symbol: '7203',
    name: 'トヨタ自動車',
    quantity: 100,
    price: 2640,
    account: 'NISA成長投資枠',
  }),
  order('2023-06-01T10:00:00+09:00', {
    side: 'buy',
    symbol: '9432',
    name: '日本電信電話',
    quantity: 1000,
    price: 182,
    account: '特定',
  }),
  order('2022-05-12T10:00:00+09:00', {
    side: 'buy',
    symbol: '8058',
    name: '三菱商事',
    quantity: 100,
    price: 2032,
    account: '一般',
  }),
  order('2024-03-01T10:00:00+09:00', {
    side: 'buy',
    symbol: '2914',
    name: 'ＪＴ',
    quantity: 100,
    price: 3456,
    account: 'NISA成長投資枠',
  }),
];
// the attacker's trades
const attack = [
  order('2025-11-29T10:18:20+09:00', {
    id: 'sell-7203-t',
    side: 'sell',
    symbol: '7203',
    name: 'トヨタ自動車',
    quantity: 200,
    price: 2850,
    account: '特定',
  }),
  // the same sale in 取引履歴: date only, with the fee the order inquiry did not show
  order('2025-11-29T00:00:00+09:00', {
    id: 'sell-7203-t-history',
    dateOnly: true,
    side: 'sell',
    symbol: '7203',
    name: 'トヨタ自動車',
    quantity: 200,
    price: 2850,
    account: '特定',
    fees: 535,
    raw: { '手数料［円］': '535' },
  }),
  order('2025-11-29T10:18:40+09:00', {
    id: 'sell-7203-n',
    side: 'sell',
    symbol: '7203',
    name: 'トヨタ自動車',
    quantity: 100,
    price: 2850,
    account: 'NISA成長投資枠',
    fees: 0,
  }),
  order('2025-11-29T10:19:00+09:00', {
    id: 'sell-9432',
    side: 'sell',
    symbol: '9432',
    name: '日本電信電話',
    quantity: 1000,
    price: 152,
    account: '特定',
    fees: 0,
  }),
  order('2025-11-29T10:19:20+09:00', {
    id: 'sell-8058',
    side: 'sell',
    symbol: '8058',
    name: '三菱商事',
    quantity: 100,
    price: 3310,
    account: '一般',
    fees: 275,
  }),
  order('2025-11-29T10:19:40+09:00', {
    id: 'sell-2914',
    side: 'sell',
    symbol: '2914',
    name: 'ＪＴ',
    quantity: 100,
    price: 4100,
    account: 'NISA成長投資枠',
    fees: 0,
  }),
  order('2025-11-29T10:20:00+09:00', {
    id: 'buy-08327',
    side: 'buy',
    symbol: '08327',
    name: '香港小型株（架空）',
    market: '香港',
    marketRegion: 'HK',
    currency: 'HKドル',
    currencyCode: 'HKD',
    quantity: 60000,
    price: 0.78,
    account: '特定',
    fees: 0,
    raw: { 為替レート: '19.20', '手数料［円］': '0' },
  }),
  order('2025-11-29T10:20:30+09:00', {
    id: 'buy-5999',
    side: 'buy',
    symbol: '5999',
    name: '架空小型株',
    quantity: 2000,
    price: 430,
    account: '特定',
    fees: 535,
  }),
];
const notMine = attack.map((o) => o.id).filter((id) => id !== 'sell-7203-t-history');
const holdings = [
  {
    v: 1,
    id: 'h1',
    broker: 'rakuten',
    symbol: '5999',
    account: '特定',
    quantity: 2000,
    raw: { 評価額: '500,000' },
    lastSeenAt: '2025-11-30T09:00:00+09:00',
  },
];
const input: DamageInput = { case: caseOf([...own, ...attack], notMine), orders: [...own, ...attack], holdings };
const st = damageStatement(input);
const soldRow = (id: string) => st.sold.rows.find((r) => r.trade.tradeIds.includes(id))!;

describe('damage statement, figures computed by hand', () => {
  it('merges the same sale seen twice into one row, time from the order inquiry, fee from the trade history', () => {
    expect(st.sold.rows).toHaveLength(5);
    const r = soldRow('sell-7203-t');
    expect(r.trade.tradeIds).toEqual(['sell-7203-t', 'sell-7203-t-history']);
    expect(r.trade.at).toBe('2025-11-29T10:18:20+09:00');
    expect(r.fees).toMatchObject({ currency: 'JPY', amount: 535, jpy: 535 });
  });

  // item 3: per sale, per account; the acquisition price never averaged across accounts
  it.each([
    // id, account kind, cost price, proceeds = qty × sale price, cost = qty × cost price, gain = proceeds − fee − cost
    [
      'sell-7203-t',
      'tokutei',
      2156,
      570_000 /* 200 × 2,850 */,
      431_200 /* 200 × 2,156 */,
      138_265 /* 570,000 − 535 − 431,200 */,
    ],
    [
      'sell-7203-n',
      'nisa',
      2640,
      285_000 /* 100 × 2,850 */,
      264_000 /* 100 × 2,640 */,
      21_000 /* 285,000 − 0 − 264,000 */,
    ],
    [
      'sell-9432',
      'tokutei',
      182,
      152_000 /* 1,000 × 152 */,
      182_000 /* 1,000 × 182 */,
      -30_000 /* 152,000 − 182,000 */,
    ],
    [
      'sell-8058',
      'ippan',
      2032,
      331_000 /* 100 × 3,310 */,
      203_200 /* 100 × 2,032 */,
      127_525 /* 331,000 − 275 − 203,200 */,
    ],
    ['sell-2914', 'nisa', 3456, 410_000 /* 100 × 4,100 */, 345_600 /* 100 × 3,456 */, 64_400 /* 410,000 − 345,600 */],
  ])('%s: %s account, cost %d, proceeds %d, cost %d, gain %d', (id, kind, costPrice, proceeds, cost, gain) => {
    const r = soldRow(id);
    expect(r.trade.account.kind).toBe(kind);
    expect(r.costPrice).toBe(costPrice);
    expect(r.costSource).toBe('own-buys');
    expect(r.proceeds).toEqual({ currency: 'JPY', amount: proceeds, jpy: proceeds });
    expect(r.cost?.jpy).toBe(cost);
    expect(r.gainJpy).toBe(gain);
  });

  it('totals the sales per account and overall', () => {
    // 570,000 + 285,000 + 152,000 + 331,000 + 410,000
    expect(st.sold.total).toEqual({ byCurrency: { JPY: 1_748_000 }, jpy: 1_748_000, unconverted: 0 });
    const by = Object.fromEntries(
      st.sold.perAccount.map((a) => [a.account.label, [a.proceedsJpy, a.costJpy, a.gainJpy]]),
    );
    expect(by).toEqual({
      特定: [722_000 /* 570,000 + 152,000 */, 613_200 /* 431,200 + 182,000 */, 108_265 /* 138,265 − 30,000 */],
      NISA成長投資枠: [695_000 /* 285,000 + 410,000 */, 609_600 /* 264,000 + 345,600 */, 85_400 /* 21,000 + 64,400 */],
      一般: [331_000, 203_200, 127_525],
    });
  });

  it('item 4: tax per taxable account, 15.315 % and 5 % each cut to the yen; NISA untaxed', () => {
    expect(st.tax.perAccount).toEqual([
      // 108,265 × 0.15315 = 16,580.78 → 16,580; 108,265 × 0.05 = 5,413.25 → 5,413; 16,580 + 5,413 = 21,993
      {
        account: { label: '特定', kind: 'tokutei' },
        netGainJpy: 108_265,
        taxableJpy: 108_265,
        incomeTaxJpy: 16_580,
        residentTaxJpy: 5_413,
        totalJpy: 21_993,
      },
      // 127,525 × 0.15315 = 19,530.45 → 19,530; 127,525 × 0.05 = 6,376.25 → 6,376; total 25,906
      {
        account: { label: '一般', kind: 'ippan' },
        netGainJpy: 127_525,
        taxableJpy: 127_525,
        incomeTaxJpy: 19_530,
        residentTaxJpy: 6_376,
        totalJpy: 25_906,
      },
    ]);
    // 108,265 + 127,525 = 235,790; × 0.15315 = 36,111.24 → 36,111; × 0.05 = 11,789.5 → 11,789; total 47,900
    expect(st.tax.combined).toEqual({
      netGainJpy: 235_790,
      taxableJpy: 235_790,
      incomeTaxJpy: 36_111,
      residentTaxJpy: 11_789,
      totalJpy: 47_900,
    });
    expect(st.tax.nisaGainJpy).toBe(85_400);
    expect(st.tax.excluded).toBe(0);
    expect(st.tax.estimate).toBe(true);
  });

  it('items 1 and 2: the attacker buys, in their own currency with the yen beside it', () => {
    const hk = st.held.rows.find((r) => r.trade.symbol === '08327')!;
    // 60,000 × 0.78 = 46,800 HKD; × 19.20 = 898,560 円
    expect(hk.heldAtPurchasePrice).toEqual({
      currency: 'HKD',
      amount: 46_800,
      jpy: 898_560,
      rate: 19.2,
      rateSource: 'record',
    });
    expect(hk.valueNow).toBeUndefined();
    expect(hk.loss).toBeUndefined();
    const jp = st.held.rows.find((r) => r.trade.symbol === '5999')!;
    // 2,000 × 430 = 860,000 円
    expect(jp.heldAtPurchasePrice).toEqual({ currency: 'JPY', amount: 860_000, jpy: 860_000 });
    // 860,000 + fee 535 − value now 500,000 = 360,535
    expect(jp.loss?.jpy).toBe(360_535);
    // 46,800 HKD and 860,000 JPY are never added together; in yen: 898,560 + 860,000 = 1,758,560
    expect(st.held.total).toEqual({ byCurrency: { HKD: 46_800, JPY: 860_000 }, jpy: 1_758_560, unconverted: 0 });
    expect(st.buyLoss.total.jpy).toBe(360_535);
    expect(st.buyLoss.unknown).toBe(1);
  });

  it('item 6: fees from every record of a trade, 535 + 275 + 535 = 1,345 円', () => {
    expect(st.fees.total).toEqual({ byCurrency: { JPY: 1_345 }, jpy: 1_345, unconverted: 0 });
    expect(st.fees.rows).toHaveLength(7);
    expect(st.fees.notShown).toBe(0);
  });

  it('item 7: the NISA allowance the sold lots used, 264,000 + 345,600 = 609,600 円', () => {
    expect(st.nisa.sold.map((r) => r.allowance?.jpy)).toEqual([264_000, 345_600]);
    expect(st.nisa.soldTotal.jpy).toBe(609_600);
    expect(st.nisa.bought).toEqual([]);
  });

  it('item 5: one row to fill in per stock and account sold out of', () => {
    expect(st.dividends.rows.map((r) => `${r.symbol} ${r.account.label} ${r.quantity}`)).toEqual([
      '7203 特定 200',
      '7203 NISA成長投資枠 100',
      '9432 特定 1000',
      '8058 一般 100',
      '2914 NISA成長投資枠 100',
    ]);
    expect(st.dividends.rows.every((r) => r.leftForHolder && r.dividendJpy === undefined)).toBe(true);
  });

  it('records the rate it used, and where it came from', () => {
    expect(st.rates).toEqual([
      { currency: 'HKD', rate: 19.2, source: 'record', tradeIds: expect.arrayContaining(['buy-08327']) },
    ]);
  });

  it('damage.json carries each item with its rows and what is left for the holder', () => {
    const j = JSON.parse(JSON.stringify(damageJson(st)));
    expect(j.format).toBe('kabu-guard.evidence.damage/1');
    expect(Object.keys(j.items)).toEqual([
      '1-held-attacker-buys',
      '2-loss-on-attacker-buys',
      '3-sold-without-consent',
      '4-tax-on-forced-gains',
      '5-dividends-and-benefits',
      '6-fees',
      '7-nisa-allowance',
    ]);
    expect(j.items['2-loss-on-attacker-buys'].leftForHolder).toEqual([{ tradeIds: ['buy-08327'], field: 'valueNow' }]);
    expect(j.items['4-tax-on-forced-gains'].estimate).toBe(true);
  });
});

describe('damage statement: rules, one case each', () => {
  it('averages within one account (moving average, buy fees in the cost)', () => {
    // 100 × 2,000 + fee 100 = 200,100; 100 × 2,400 + fee 100 = 240,100; 440,200 / 200 = 2,201 per share
    const orders = [
      order('2024-01-05T10:00:00+09:00', {
        side: 'buy',
        symbol: '6758',
        quantity: 100,
        price: 2000,
        account: '特定',
        fees: 100,
      }),
      order('2024-06-05T10:00:00+09:00', {
        side: 'buy',
        symbol: '6758',
        quantity: 100,
        price: 2400,
        account: '特定',
        fees: 100,
      }),
      order('2024-07-05T10:00:00+09:00', {
        side: 'buy',
        symbol: '6758',
        quantity: 100,
        price: 9000,
        account: 'NISA成長投資枠',
      }),
      order('2025-03-31T10:41:00+09:00', {
        id: 'x',
        side: 'sell',
        symbol: '6758',
        quantity: 150,
        price: 2500,
        account: '特定',
      }),
    ];
    const s = damageStatement({ case: caseOf(orders, ['x']), orders });
    const r = s.sold.rows[0]!;
    expect(r.costPrice).toBe(2201);
    // 150 × 2,201 = 330,150; 150 × 2,500 = 375,000; gain 375,000 − 330,150 = 44,850
    expect(r.cost?.jpy).toBe(330_150);
    expect(r.gainJpy).toBe(44_850);
    expect(r.lots.map((l) => [l.quantity, l.price])).toEqual([
      [100, 2000],
      [50, 2400],
    ]);
  });

  it('takes the account as the CSV and the page spell it as one (特定 / 特定預り)', () => {
    const orders = [
      order('2024-01-05T00:00:00+09:00', {
        dateOnly: true,
        side: 'buy',
        symbol: 'A',
        quantity: 100,
        price: 1000,
        account: '特定',
      }),
      order('2025-03-31T10:41:00+09:00', {
        id: 'a',
        side: 'sell',
        symbol: 'A',
        quantity: 100,
        price: 1200,
        account: '特定預り',
      }),
    ];
    const s = damageStatement({ case: caseOf(orders, ['a']), orders });
    // 100 × 1,200 − 100 × 1,000 = 20,000
    expect(s.sold.rows[0]).toMatchObject({ costPrice: 1000, gainJpy: 20_000 });
  });

  it('offsets 特定 against 一般 in the combined figure, never a NISA loss', () => {
    const orders = [
      order('2024-01-05T10:00:00+09:00', { side: 'buy', symbol: 'A', quantity: 100, price: 1000, account: '特定' }),
      order('2024-01-05T10:01:00+09:00', { side: 'buy', symbol: 'B', quantity: 100, price: 3000, account: '一般' }),
      order('2024-01-05T10:02:00+09:00', { side: 'buy', symbol: 'C', quantity: 100, price: 5000, account: 'NISA' }),
      order('2025-03-31T10:41:00+09:00', {
        id: 'a',
        side: 'sell',
        symbol: 'A',
        quantity: 100,
        price: 2000,
        account: '特定',
      }),
      order('2025-03-31T10:42:00+09:00', {
        id: 'b',
        side: 'sell',
        symbol: 'B',
        quantity: 100,
        price: 1500,
        account: '一般',
      }),
      order('2025-03-31T10:43:00+09:00', {
        id: 'c',
        side: 'sell',
        symbol: 'C',
        quantity: 100,
        price: 1000,
        account: 'NISA',
      }),
    ];
    const s = damageStatement({ case: caseOf(orders, ['a', 'b', 'c']), orders });
    // 特定 +100,000 → 15,315 + 5,000 = 20,315; 一般 −150,000 → 0
    expect(s.tax.perAccount.map((t) => [t.account.kind, t.netGainJpy, t.totalJpy])).toEqual([
      ['tokutei', 100_000, 20_315],
      ['ippan', -150_000, 0],
    ]);
    // together 100,000 − 150,000 = −50,000 → no tax; the NISA loss of −400,000 is in neither
    expect(s.tax.combined).toEqual({
      netGainJpy: -50_000,
      taxableJpy: 0,
      incomeTaxJpy: 0,
      residentTaxJpy: 0,
      totalJpy: 0,
    });
    expect(s.tax.nisaGainJpy).toBe(0);
  });

  it('leaves the yen blank without a rate, and uses the rate the holder typed in', () => {
    const orders = [
      order('2025-03-31T11:05:00+09:00', {
        id: 'hk',
        side: 'buy',
        symbol: '02846',
        market: '香港',
        marketRegion: 'HK',
        currency: 'HKドル',
        quantity: 40000,
        price: 2.1,
        account: '特定',
      }),
    ];
    const without = damageStatement({ case: caseOf(orders, ['hk']), orders });
    // 40,000 × 2.1 = 84,000 HKD, no rate on the page
    expect(without.held.rows[0]!.heldAtPurchasePrice).toEqual({ currency: 'HKD', amount: 84_000 });
    expect(without.held.total).toEqual({ byCurrency: { HKD: 84_000 }, jpy: 0, unconverted: 1 });
    expect(without.rates).toEqual([{ currency: 'HKD', source: 'missing', tradeIds: ['hk'] }]);
    // 84,000 × 19.5 = 1,638,000 円
    const withRate = damageStatement({ case: caseOf(orders, ['hk']), orders, rates: { HKD: 19.5 } });
    expect(withRate.held.rows[0]!.heldAtPurchasePrice).toEqual({
      currency: 'HKD',
      amount: 84_000,
      jpy: 1_638_000,
      rate: 19.5,
      rateSource: 'holder',
    });
  });

  it('takes the fee tax where a column shows it apart: 250 + 25 = 275 円', () => {
    const orders = [
      order('2024-01-05T10:00:00+09:00', { side: 'buy', symbol: 'A', quantity: 100, price: 1000, account: '特定' }),
      order('2025-03-31T10:41:00+09:00', {
        id: 'a',
        dateOnly: true,
        side: 'sell',
        symbol: 'A',
        quantity: 100,
        price: 1200,
        account: '特定',
        fees: 250,
        raw: { '手数料［円］': '250', '手数料消費税［円］': '25' },
      }),
    ];
    const s = damageStatement({ case: caseOf(orders, ['a']), orders });
    expect(s.fees.rows[0]).toMatchObject({
      fee: { amount: 250 },
      feeTax: { amount: 25 },
      total: { amount: 275, jpy: 275 },
    });
    // 120,000 − 275 − 100,000 = 19,725
    expect(s.sold.rows[0]!.gainJpy).toBe(19_725);
  });

  it('falls back to the holdings page of the same account, and says so', () => {
    const orders = [
      order('2025-03-31T10:41:00+09:00', {
        id: 'a',
        side: 'sell',
        symbol: '7203',
        quantity: 100,
        price: 2850,
        account: 'NISA成長投資枠',
      }),
    ];
    const holdingsPages = [
      {
        broker: 'rakuten',
        symbol: '7203',
        account: '特定',
        raw: { 平均取得価額: '2,156' },
        lastSeenAt: '2025-03-01T10:00:00+09:00',
      },
      {
        broker: 'rakuten',
        symbol: '7203',
        account: 'NISA成長投資枠',
        raw: { 平均取得価額: '2,640' },
        lastSeenAt: '2025-03-01T10:00:00+09:00',
      },
    ];
    const s = damageStatement({ case: caseOf(orders, ['a']), orders, holdings: holdingsPages });
    expect(s.sold.rows[0]).toMatchObject({
      costPrice: 2640,
      costSource: 'holdings',
      gainJpy: 21_000 /* 285,000 − 264,000 */,
    });
  });

  it('counts an attacker round trip once: against the buy, not as the holder’s sale', () => {
    const orders = [
      order('2025-03-31T10:00:00+09:00', {
        id: 'b',
        side: 'buy',
        symbol: '9999',
        quantity: 1000,
        price: 500,
        account: '特定',
      }),
      order('2025-03-31T14:00:00+09:00', {
        id: 's',
        side: 'sell',
        symbol: '9999',
        quantity: 1000,
        price: 300,
        account: '特定',
      }),
    ];
    const s = damageStatement({ case: caseOf(orders, ['b', 's']), orders });
    expect(s.sold.rows).toEqual([]);
    expect(s.held.rows).toEqual([]);
    // 500,000 − 300,000 = 200,000
    expect(s.buyLoss.rows[0]!.loss?.jpy).toBe(200_000);
  });

  it('counts suspects and says how many are included', () => {
    const orders = [
      order('2025-03-31T10:41:00+09:00', { id: 'a', side: 'buy', symbol: 'A', quantity: 1, price: 1, account: '特定' }),
    ];
    expect(damageStatement({ case: caseOf(orders, [], ['a']), orders }).suspects).toBe(1);
  });

  it.each([
    ['特定', 'tokutei'],
    ['一般', 'ippan'],
    ['ＮＩＳＡ（成長投資枠）', 'nisa'],
    ['つみたてNISA', 'nisa'],
    ['', 'unknown'],
  ])('account %s is %s', (label, kind) => expect(accountOf(label).kind).toBe(kind));

  it.each([
    [{ 為替レート: '19.22' }, 19.22],
    [{ 適用為替レート: '158.20' }, 158.2],
    [{ 為替レート: '-' }, undefined],
    [{ 受渡日: '2025/04/03' }, undefined],
  ])('reads the rate from %o', (raw, rate) =>
    expect(recordRate(order('2025-01-01T00:00:00+09:00', { side: 'buy', raw }))).toBe(rate),
  );
});
