// The damage statement, item by item as the victims' published claims list
// them (issue 10, What to build 4):
//   1. holdings bought by the attacker and still held, at the purchase price
//   2. the loss on the attacker's buys
//   3. holdings sold without consent, at the sale price, per lot and per account
//   4. tax on the gains the forced sales realised, per account (estimates)
//   5. dividends and shareholder benefits lost (left for the holder to fill in)
//   6. fees, from every page and file that showed them
//   7. the NISA allowance consumed
// Pure: the case (which trades were not the holder's), every order (for the
// holder's own lots), the holdings pages and the rates the holder typed in.
//
// Rules that keep the figures right:
// - Accounts are never mixed. A stock held in 特定 and in NISA is two
//   positions with two acquisition prices (トヨタ 特定 2,156 / NISA 2,640).
//   Within one account the acquisition price is the moving average of the
//   holder's buys (総平均法に準ずる方法, the rule brokers use for 特定口座),
//   buy fees included (取得費).
// - Currencies are never summed with each other. Each amount keeps its
//   currency; the yen figure is the amount times the rate shown on the page
//   or CSV (為替レート), else the rate the holder typed in, else it is left blank.
// - Tax: 15.315 % (所得税及び復興特別所得税) and 5 % (住民税) on the net gain
//   of each taxable account, each cut down to the yen; NISA gains are not
//   taxed and NISA losses offset nothing; 特定 and 一般 gains and losses of
//   the same year offset each other (with a tax return). Every tax figure is
//   an estimate.

import { normalizeText } from '../brokers/shared/text';
import type { OrderEvent } from '../records';
import type { EvidenceCase, Standing } from './case';
import { ms, num, str, type Loose } from './fields';
import { accountKey, mergeSameTrades, type Trade } from './same-trade';

export const INCOME_TAX_RATE = 0.15315;
export const RESIDENT_TAX_RATE = 0.05;

export type AccountKind = 'tokutei' | 'ippan' | 'nisa' | 'unknown';

/** An amount in its own currency, and in yen when a rate is known. */
export interface Money {
  currency: string;
  amount: number;
  /** Yen; undefined when the rate is not known (left for the holder). */
  jpy?: number;
  /** Yen per unit of `currency`; undefined for yen amounts. */
  rate?: number;
  rateSource?: 'record' | 'holder';
}

export interface Account {
  /** The account as the broker names it (特定, 一般, NISA成長投資枠 ...). */
  label: string;
  kind: AccountKind;
}

export interface TradeLine {
  tradeIds: string[];
  broker: string;
  at: string;
  dateOnly: boolean;
  standing: Standing;
  side: 'buy' | 'sell';
  symbol?: string;
  name?: string;
  market?: string;
  account: Account;
  quantity?: number;
  price?: number;
  currency: string;
  snapshotIds: string[];
}

export interface Lot {
  /** The holder's own buy (or an earlier buy of the attacker in the same account). */
  tradeIds: string[];
  at: string;
  quantity: number;
  price: number;
}

/** Item 1 and 2: one attacker buy. */
export interface BoughtRow {
  trade: TradeLine;
  /** quantity × price. */
  cost?: Money;
  fees?: Money;
  /** Bought less what the attacker sold again afterwards (same stock, same account). */
  heldQuantity?: number;
  /** Item 1: the part still held, at the purchase price. */
  heldAtPurchasePrice?: Money;
  /** Proceeds of the attacker's later sales of it (same stock, same account). */
  soldAgain?: Money;
  /** What the part still held is worth, from the latest holdings page (評価額); else left for the holder. */
  valueNow?: Money;
  /** Item 2: cost + fees − proceeds − value now; undefined while the value now is not known. */
  loss?: Money;
}

/** Item 3: one sale without consent. */
export interface SoldRow {
  trade: TradeLine;
  /** quantity × sale price: what buying the shares back at the sale price costs. */
  proceeds?: Money;
  fees?: Money;
  /** The lots of this account the shares came from, oldest first. */
  lots: Lot[];
  /** Acquisition price per share in this account (moving average), and where it came from. */
  costPrice?: number;
  costSource?: 'own-buys' | 'holdings';
  cost?: Money;
  /** proceeds − fees − cost, in yen; undefined when the cost or a rate is not known. */
  gainJpy?: number;
}

export interface AccountTotal {
  account: Account;
  broker: string;
  sales: number;
  proceedsJpy: number;
  /** Sales without a yen figure (a rate is missing) are not in proceedsJpy. */
  proceedsUnconverted: number;
  costJpy: number;
  gainJpy: number;
  /** Sales whose gain is not known (no acquisition price, no rate): not in gainJpy. */
  gainsUnknown: number;
}

/** Item 4, per taxable account, and all accounts together. */
export interface TaxLine {
  account: Account;
  netGainJpy: number;
  taxableJpy: number;
  incomeTaxJpy: number;
  residentTaxJpy: number;
  totalJpy: number;
}

export interface TaxEstimate {
  perAccount: TaxLine[];
  /** 特定 and 一般 offset against each other (a tax return is needed for that). */
  combined: Omit<TaxLine, 'account'>;
  /** NISA gains that would have stayed untaxed (the holder loses that shelter; see item 7). */
  nisaGainJpy: number;
  /** Sales not in the figures: gain unknown, or account kind unknown. */
  excluded: number;
  estimate: true;
}

/** Item 5: one stock sold out of one account. Everything but the stock is the holder's to fill in. */
export interface DividendRow {
  broker: string;
  symbol?: string;
  name?: string;
  account: Account;
  quantity: number;
  /** 権利確定日, when a record shows it; none do yet. */
  recordDate?: string;
  dividendJpy?: number;
  benefit?: string;
  leftForHolder: true;
}

/** Item 6: the fees of one trade of the case. */
export interface FeeRow {
  trade: TradeLine;
  fee?: Money;
  /** The consumption tax on the fee, where a page or CSV shows it apart. */
  feeTax?: Money;
  /** 手数料 + its tax. */
  total?: Money;
  shown: boolean;
}

/** Item 7. */
export interface NisaRow {
  trade: TradeLine;
  /** Buys: the purchase amount; sales: the acquisition cost of the lots sold (the sheltered amount lost). */
  allowance?: Money;
  kind: 'bought' | 'sold';
}

export interface CurrencyTotal {
  /** Per currency, never summed across currencies. */
  byCurrency: Record<string, number>;
  /** The yen total of every row that has a yen figure. */
  jpy: number;
  /** Rows without a yen figure (a rate is missing): not in `jpy`. */
  unconverted: number;
}

export interface DamageStatement {
  held: { rows: BoughtRow[]; total: CurrencyTotal };
  buyLoss: { rows: BoughtRow[]; total: CurrencyTotal; unknown: number };
  sold: { rows: SoldRow[]; total: CurrencyTotal; perAccount: AccountTotal[] };
  tax: TaxEstimate;
  dividends: { rows: DividendRow[] };
  fees: { rows: FeeRow[]; total: CurrencyTotal; notShown: number };
  nisa: { bought: NisaRow[]; sold: NisaRow[]; boughtTotal: CurrencyTotal; soldTotal: CurrencyTotal };
  /** Rates used, per currency: from the records (per trade) and from the holder. */
  rates: Array<{ currency: string; rate?: number; source: 'record' | 'holder' | 'missing'; tradeIds: string[] }>;
  /** Trades of the case that are suspects, not answered "not me": included, and said so. */
  suspects: number;
}

export interface DamageInput {
  case: EvidenceCase;
  /** Every order in scope: the holder's own buys make the lots the attacker sold. */
  orders: readonly OrderEvent[];
  holdings?: readonly Loose[];
  /** Yen per unit, typed in by the holder, for currencies no record gives a rate for. */
  rates?: Readonly<Record<string, number>>;
}

// ---------------------------------------------------------------- reading records

export function currencyOf(o: Pick<OrderEvent, 'currencyCode' | 'currency' | 'marketRegion'>): string {
  if (o.currencyCode) return o.currencyCode;
  const c = normalizeText(o.currency ?? '');
  if (/円|JPY/i.test(c)) return 'JPY';
  if (/HK|香港/i.test(c)) return 'HKD';
  if (/米|USD|ドル/i.test(c)) return 'USD';
  if (/人民元|元|CNY/i.test(c)) return 'CNY';
  if (!c && (!o.marketRegion || o.marketRegion === 'JP')) return 'JPY';
  return c || 'UNKNOWN';
}

export function accountOf(label: string | undefined): Account {
  const l = normalizeText(label ?? '');
  if (/NISA/i.test(l)) return { label: l, kind: 'nisa' };
  if (/特定/.test(l)) return { label: l, kind: 'tokutei' };
  if (/一般/.test(l)) return { label: l, kind: 'ippan' };
  return { label: l, kind: 'unknown' };
}

/** Yen per unit, as the record shows it (為替レート, 適用為替 ...). */
export function recordRate(o: OrderEvent): number | undefined {
  for (const [k, v] of Object.entries(o.raw)) {
    if (!/為替|レート/.test(k) || /日/.test(k)) continue;
    const n = Number(normalizeText(v).replace(/,/g, ''));
    if (Number.isFinite(n) && n > 0) return n;
  }
  return undefined;
}

/** The currency of the fee column: 手数料［円］ is yen even on a Hong Kong trade. */
function feeCurrency(o: OrderEvent): string {
  const key = Object.keys(o.raw).find((k) => /手数料/.test(k) && !/建|消費税/.test(k));
  if (key && /円/.test(key)) return 'JPY';
  if (key && /US|米/.test(key)) return 'USD';
  if (key && /HK|香港/.test(key)) return 'HKD';
  return currencyOf(o);
}

/** The fee's consumption tax where a column shows it apart (手数料消費税, 消費税). */
function feeTaxOf(o: OrderEvent): number | undefined {
  for (const [k, v] of Object.entries(o.raw)) {
    if (!/消費税/.test(k) || /建/.test(k)) continue;
    const n = Number(normalizeText(v).replace(/,/g, ''));
    if (Number.isFinite(n)) return n;
  }
  return undefined;
}

const round = (n: number) => Math.round(n);

function lineOf(t: Trade, standing: Standing): TradeLine {
  const o = t.order;
  return {
    tradeIds: t.ids,
    broker: o.broker,
    at: o.at,
    dateOnly: !!o.dateOnly,
    standing,
    side: o.side,
    ...(o.symbol ? { symbol: o.symbol } : {}),
    ...(o.name ? { name: o.name } : {}),
    ...(o.market ? { market: o.market } : {}),
    account: accountOf(o.account),
    ...(o.quantity !== undefined ? { quantity: o.quantity } : {}),
    ...(o.price !== undefined ? { price: o.price } : {}),
    currency: currencyOf(o),
    snapshotIds: t.snapshotIds,
  };
}

// ---------------------------------------------------------------- money

class Rates {
  readonly used = new Map<string, { rate?: number; source: 'record' | 'holder' | 'missing'; tradeIds: string[] }>();
  constructor(private readonly holder: Readonly<Record<string, number>>) {}
  /** The rate for one trade: its own record's, else the holder's. */
  of(t: Trade): { rate?: number; source?: 'record' | 'holder' } {
    const cur = currencyOf(t.order);
    if (cur === 'JPY') return {};
    const own = recordRate(t.order);
    const holder = this.holder[cur];
    const r =
      own !== undefined
        ? { rate: own, source: 'record' as const }
        : holder !== undefined
          ? { rate: holder, source: 'holder' as const }
          : {};
    const key = `${cur}|${r.rate ?? ''}|${r.source ?? 'missing'}`;
    const u = this.used.get(key) ?? {
      ...(r.rate !== undefined ? { rate: r.rate } : {}),
      source: r.source ?? 'missing',
      tradeIds: [],
    };
    for (const id of t.ids) if (!u.tradeIds.includes(id)) u.tradeIds.push(id);
    this.used.set(key, u);
    return r;
  }
  money(t: Trade, currency: string, amount: number): Money {
    if (currency === 'JPY') return { currency, amount, jpy: round(amount) };
    const r =
      currency === currencyOf(t.order) ? this.of(t) : { rate: this.holder[currency], source: 'holder' as const };
    return r.rate !== undefined
      ? { currency, amount, jpy: round(amount * r.rate), rate: r.rate, rateSource: r.source ?? 'holder' }
      : { currency, amount };
  }
}

function sumMoney(ms: Array<Money | undefined>): CurrencyTotal {
  const t: CurrencyTotal = { byCurrency: {}, jpy: 0, unconverted: 0 };
  for (const m of ms) {
    if (!m) continue;
    t.byCurrency[m.currency] = (t.byCurrency[m.currency] ?? 0) + m.amount;
    if (m.jpy !== undefined) t.jpy += m.jpy;
    else t.unconverted++;
  }
  return t;
}

// ---------------------------------------------------------------- holdings

const COST_KEYS = [
  'averageCost',
  'avgCost',
  'acquisitionPrice',
  'costPrice',
  '平均取得価額',
  '平均取得単価',
  '取得単価',
  '取得価額',
];
const VALUE_KEYS = ['marketValue', 'valuation', 'currentValue', '評価額', '時価評価額', '評価金額'];
const holdingNum = (h: Loose | undefined, keys: string[]) =>
  num(h, ...keys) ?? num(h?.raw as Loose | undefined, ...keys);

/** The latest holdings record of this stock in this account (utils/records/holding.ts). */
function holdingFor(holdings: readonly Loose[], line: TradeLine): Loose | undefined {
  return holdings
    .filter(
      (h) =>
        str(h, 'broker') === line.broker &&
        line.symbol !== undefined &&
        normalizeText(str(h, 'symbol', 'code')) === normalizeText(line.symbol) &&
        accountKey(str(h, 'account')) === accountKey(line.account.label),
    )
    .sort((a, b) => ms(str(b, 'lastSeenAt')) - ms(str(a, 'lastSeenAt')))[0];
}

// ---------------------------------------------------------------- positions

interface Position {
  quantity: number;
  /** Acquisition cost of what is held, in the trade currency and in yen (undefined once a rate is missing). */
  cost: number;
  costJpy: number | undefined;
  lots: Lot[];
}

const positionKey = (t: Trade) =>
  [t.order.broker, normalizeText(t.order.symbol ?? t.order.name ?? ''), accountKey(t.order.account)].join('|');

// ---------------------------------------------------------------- the statement

export function damageStatement(input: DamageInput): DamageStatement {
  const rates = new Rates(input.rates ?? {});
  const holdings = input.holdings ?? [];
  const inCase = new Map<string, Standing>();
  for (const c of input.case.orders) for (const id of c.trade.ids) inCase.set(id, c.standing);
  const trades = mergeSameTrades(input.orders.filter((o) => o.status === 'executed'));
  const standingOf = (t: Trade) => t.ids.map((id) => inCase.get(id)).find(Boolean);
  // case trades the orders list does not carry (a case from elsewhere) still count
  const known = new Set(trades.flatMap((t) => t.ids));
  for (const c of input.case.orders)
    if (!c.trade.ids.some((id) => known.has(id)) && c.trade.order.status === 'executed') trades.push(c.trade);
  trades.sort((a, b) => ms(a.order.at) - ms(b.order.at));

  const feeOf = (t: Trade): { fee?: Money; feeTax?: Money; total?: Money } => {
    const o = t.order;
    if (o.fees === undefined) return {};
    const cur = feeCurrency(o);
    const fee = rates.money(t, cur, o.fees);
    const taxN = feeTaxOf(o);
    const feeTax = taxN !== undefined ? rates.money(t, cur, taxN) : undefined;
    const total = rates.money(t, cur, o.fees + (taxN ?? 0));
    return { fee, ...(feeTax ? { feeTax } : {}), total };
  };

  const positions = new Map<string, Position>();
  const sold: SoldRow[] = [];
  const bought: Array<BoughtRow & { key: string; trade_: Trade }> = [];
  let suspects = 0;

  for (const t of trades) {
    const o = t.order;
    const standing = standingOf(t);
    const key = positionKey(t);
    const p = positions.get(key) ?? { quantity: 0, cost: 0, costJpy: 0, lots: [] };
    positions.set(key, p);
    const q = o.quantity;
    const price = o.price;
    if (standing === 'suspect') suspects++;
    if (o.side === 'buy') {
      if (q !== undefined && price !== undefined) {
        const fees = feeOf(t).total;
        const feeLocal = fees && fees.currency === currencyOf(o) ? fees.amount : 0;
        const feeJpy = fees?.jpy ?? (fees ? undefined : 0);
        const value = rates.money(t, currencyOf(o), q * price);
        p.quantity += q;
        p.cost += q * price + feeLocal;
        p.costJpy =
          p.costJpy !== undefined && value.jpy !== undefined && feeJpy !== undefined
            ? p.costJpy + value.jpy + feeJpy
            : undefined;
        p.lots.push({ tradeIds: t.ids, at: o.at, quantity: q, price });
      }
      if (standing) {
        const line = lineOf(t, standing);
        const cost = q !== undefined && price !== undefined ? rates.money(t, line.currency, q * price) : undefined;
        const { total: fees } = feeOf(t);
        bought.push({ trade: line, ...(cost ? { cost } : {}), ...(fees ? { fees } : {}), key, trade_: t });
      }
      continue;
    }
    // a sale: the shares leave the position at its average cost
    const line = standing ? lineOf(t, standing) : undefined;
    let costPrice: number | undefined;
    let costSource: SoldRow['costSource'];
    let costJpyPerShare: number | undefined;
    const lots: Lot[] = [];
    if (q !== undefined && p.quantity >= q && q > 0) {
      costPrice = p.cost / p.quantity;
      costJpyPerShare = p.costJpy !== undefined ? p.costJpy / p.quantity : undefined;
      costSource = 'own-buys';
      // the lots it came from, oldest first (for the reader; the price is the average)
      let left = q;
      for (const lot of p.lots) {
        if (left <= 0) break;
        const take = Math.min(lot.quantity, left);
        if (take > 0) lots.push({ ...lot, quantity: take });
        left -= take;
      }
      p.cost -= costPrice * q;
      if (p.costJpy !== undefined && costJpyPerShare !== undefined) p.costJpy -= costJpyPerShare * q;
      p.quantity -= q;
      let drop = q;
      for (const lot of p.lots) {
        const take = Math.min(lot.quantity, drop);
        lot.quantity -= take;
        drop -= take;
      }
      p.lots = p.lots.filter((l) => l.quantity > 0);
      if (p.quantity === 0) {
        p.cost = 0;
        p.costJpy = 0;
      }
    } else if (line && line.currency === 'JPY') {
      // history incomplete: the holdings page's acquisition price for this account
      const h = holdingFor(holdings, line);
      const c = holdingNum(h, COST_KEYS);
      if (c !== undefined) {
        costPrice = c;
        costJpyPerShare = c;
        costSource = 'holdings';
      }
      if (q !== undefined) p.quantity = Math.max(0, p.quantity - q);
    } else if (q !== undefined) p.quantity = Math.max(0, p.quantity - q);
    if (!line) continue;

    const proceeds = q !== undefined && price !== undefined ? rates.money(t, line.currency, q * price) : undefined;
    const { total: fees } = feeOf(t);
    const cost =
      costPrice !== undefined && q !== undefined
        ? {
            ...rates.money(t, line.currency, costPrice * q),
            ...(costJpyPerShare !== undefined ? { jpy: round(costJpyPerShare * q) } : { jpy: undefined }),
          }
        : undefined;
    if (cost && cost.jpy === undefined) delete cost.jpy;
    const feeJpy = fees ? fees.jpy : 0;
    const gainJpy =
      proceeds?.jpy !== undefined && cost?.jpy !== undefined && feeJpy !== undefined
        ? round(proceeds.jpy - feeJpy - cost.jpy)
        : undefined;
    // the attacker selling again what the attacker bought (same stock, same account): the
    // proceeds go against that buy's loss (item 2), not into the holder's sold holdings
    const roundTrip = bought.find(
      (b) => b.key === key && q !== undefined && (b.heldQuantity ?? b.trade.quantity ?? 0) >= q,
    );
    if (roundTrip && q !== undefined && proceeds) {
      roundTrip.heldQuantity = (roundTrip.heldQuantity ?? roundTrip.trade.quantity ?? 0) - q;
      const prev = roundTrip.soldAgain;
      const jpy = prev
        ? prev.jpy !== undefined && proceeds.jpy !== undefined
          ? prev.jpy + proceeds.jpy
          : undefined
        : proceeds.jpy;
      roundTrip.soldAgain = {
        ...proceeds,
        amount: (prev?.amount ?? 0) + proceeds.amount,
        ...(jpy !== undefined ? { jpy } : {}),
      };
      if (jpy === undefined) delete roundTrip.soldAgain.jpy;
      continue;
    }
    sold.push({
      trade: line,
      ...(proceeds ? { proceeds } : {}),
      ...(fees ? { fees } : {}),
      lots,
      ...(costPrice !== undefined ? { costPrice, costSource } : {}),
      ...(cost ? { cost } : {}),
      ...(gainJpy !== undefined ? { gainJpy } : {}),
    });
  }

  // items 1 and 2
  const boughtRows: BoughtRow[] = bought.map(({ key: _k, trade_: t, ...b }) => {
    const held = b.heldQuantity ?? b.trade.quantity;
    const row: BoughtRow = { ...b, ...(held !== undefined ? { heldQuantity: held } : {}) };
    if (held !== undefined && b.trade.price !== undefined)
      row.heldAtPurchasePrice = rates.money(t, b.trade.currency, held * b.trade.price);
    if (held === 0) row.valueNow = rates.money(t, b.trade.currency, 0);
    else {
      const v = holdingNum(holdingFor(holdings, b.trade), VALUE_KEYS);
      // 評価額 on Japanese holdings pages is in yen
      if (v !== undefined) row.valueNow = { currency: 'JPY', amount: v, jpy: round(v) };
    }
    const feeJpy = b.fees ? b.fees.jpy : 0;
    const back = (b.soldAgain?.jpy ?? (b.soldAgain ? undefined : 0)) as number | undefined;
    if (b.cost?.jpy !== undefined && row.valueNow?.jpy !== undefined && feeJpy !== undefined && back !== undefined)
      row.loss = {
        currency: 'JPY',
        amount: b.cost.jpy + feeJpy - back - row.valueNow.jpy,
        jpy: b.cost.jpy + feeJpy - back - row.valueNow.jpy,
      };
    return row;
  });
  const heldRows = boughtRows.filter((r) => (r.heldQuantity ?? 0) > 0);

  // item 3 per account
  const perAccount: AccountTotal[] = [];
  for (const r of sold) {
    let a = perAccount.find(
      (x) => accountKey(x.account.label) === accountKey(r.trade.account.label) && x.broker === r.trade.broker,
    );
    if (!a) {
      a = {
        account: r.trade.account,
        broker: r.trade.broker,
        sales: 0,
        proceedsJpy: 0,
        proceedsUnconverted: 0,
        costJpy: 0,
        gainJpy: 0,
        gainsUnknown: 0,
      };
      perAccount.push(a);
    }
    a.sales++;
    if (r.proceeds?.jpy !== undefined) a.proceedsJpy += r.proceeds.jpy;
    else a.proceedsUnconverted++;
    if (r.gainJpy !== undefined) {
      a.gainJpy += r.gainJpy;
      a.costJpy += r.cost!.jpy!;
    } else a.gainsUnknown++;
  }

  // item 4
  const taxLine = (net: number) => {
    const taxable = Math.max(0, net);
    const incomeTaxJpy = Math.floor(taxable * INCOME_TAX_RATE);
    const residentTaxJpy = Math.floor(taxable * RESIDENT_TAX_RATE);
    return {
      netGainJpy: net,
      taxableJpy: taxable,
      incomeTaxJpy,
      residentTaxJpy,
      totalJpy: incomeTaxJpy + residentTaxJpy,
    };
  };
  const taxable = perAccount.filter((a) => a.account.kind === 'tokutei' || a.account.kind === 'ippan');
  const tax: TaxEstimate = {
    perAccount: taxable.map((a) => ({ account: a.account, ...taxLine(a.gainJpy) })),
    combined: taxLine(taxable.reduce((n, a) => n + a.gainJpy, 0)),
    nisaGainJpy: perAccount.filter((a) => a.account.kind === 'nisa').reduce((n, a) => n + Math.max(0, a.gainJpy), 0),
    excluded:
      taxable.reduce((n, a) => n + a.gainsUnknown, 0) +
      perAccount.filter((a) => a.account.kind === 'unknown').reduce((n, a) => n + a.sales, 0),
    estimate: true,
  };

  // item 5: one row per stock and account sold out of
  const dividends: DividendRow[] = [];
  for (const r of sold) {
    const d = dividends.find(
      (x) =>
        x.broker === r.trade.broker &&
        x.symbol === r.trade.symbol &&
        x.name === r.trade.name &&
        accountKey(x.account.label) === accountKey(r.trade.account.label),
    );
    if (d) d.quantity += r.trade.quantity ?? 0;
    else
      dividends.push({
        broker: r.trade.broker,
        ...(r.trade.symbol ? { symbol: r.trade.symbol } : {}),
        ...(r.trade.name ? { name: r.trade.name } : {}),
        account: r.trade.account,
        quantity: r.trade.quantity ?? 0,
        leftForHolder: true,
      });
  }

  // item 6: every trade of the case, fees from every record of it
  const caseTrades = trades.filter((t) => standingOf(t));
  const feeRows: FeeRow[] = caseTrades.map((t) => {
    const f = feeOf(t);
    return { trade: lineOf(t, standingOf(t)!), ...f, shown: f.fee !== undefined };
  });

  // item 7
  const nisaBought: NisaRow[] = boughtRows
    .filter((r) => r.trade.account.kind === 'nisa')
    .map((r) => ({ trade: r.trade, kind: 'bought' as const, ...(r.cost ? { allowance: r.cost } : {}) }));
  const nisaSold: NisaRow[] = sold
    .filter((r) => r.trade.account.kind === 'nisa')
    .map((r) => ({ trade: r.trade, kind: 'sold' as const, ...(r.cost ? { allowance: r.cost } : {}) }));

  return {
    held: { rows: heldRows, total: sumMoney(heldRows.map((r) => r.heldAtPurchasePrice)) },
    buyLoss: {
      rows: boughtRows,
      total: sumMoney(boughtRows.map((r) => r.loss)),
      unknown: boughtRows.filter((r) => !r.loss).length,
    },
    sold: { rows: sold, total: sumMoney(sold.map((r) => r.proceeds)), perAccount },
    tax,
    dividends: { rows: dividends },
    fees: {
      rows: feeRows,
      total: sumMoney(feeRows.map((r) => r.total)),
      notShown: feeRows.filter((r) => !r.shown).length,
    },
    nisa: {
      bought: nisaBought,
      sold: nisaSold,
      boughtTotal: sumMoney(nisaBought.map((r) => r.allowance)),
      soldTotal: sumMoney(nisaSold.map((r) => r.allowance)),
    },
    rates: [...rates.used.entries()].map(([k, v]) => ({ currency: k.split('|')[0]!, ...v })),
    suspects,
  };
}

export const DAMAGE_FORMAT = 'kabu-guard.evidence.damage/1';

/** data/damage.json: the statement as data, each figure with its currency, rate and yen, estimates marked. */
export function damageJson(st: DamageStatement): unknown {
  return {
    format: DAMAGE_FORMAT,
    note: 'Amounts are per trade, per lot and per account; currencies are never summed together. jpy is absent where a rate is missing (left for the holder). Tax figures are estimates.',
    rules: {
      costBasis:
        'moving average of the holder’s own buys within one account, buy fees included; accounts are never mixed',
      tax: `${INCOME_TAX_RATE * 100}% income tax (incl. reconstruction tax) + ${RESIDENT_TAX_RATE * 100}% resident tax on the net gain of each taxable account, each rounded down to the yen; NISA untaxed, NISA losses offset nothing; tokutei and ippan offset each other in the combined figure`,
    },
    suspectsIncluded: st.suspects,
    rates: st.rates,
    items: {
      '1-held-attacker-buys': { ...st.held, leftForHolder: [] },
      '2-loss-on-attacker-buys': {
        ...st.buyLoss,
        leftForHolder: st.buyLoss.rows
          .filter((r) => !r.loss)
          .map((r) => ({ tradeIds: r.trade.tradeIds, field: 'valueNow' })),
      },
      '3-sold-without-consent': st.sold,
      '4-tax-on-forced-gains': st.tax,
      '5-dividends-and-benefits': { ...st.dividends, leftForHolder: ['dividendJpy', 'benefit', 'recordDate'] },
      '6-fees': st.fees,
      '7-nisa-allowance': st.nisa,
    },
  };
}
