// The report's damage statement: the seven items, rendered from the damage
// statement (damage.ts, the same value as data/damage.json). Text only: every
// value passes through `html`.

import { formatJst } from '../brokers/shared/dates';
import type { Snapshot } from '../records';
import type { CurrencyTotal, DamageStatement, Money, TradeLine } from './damage';
import { html, type Html } from './html';
import type { ReportLang, ReportTexts } from './report-text';
import { accountWords, amount, byCurrency, currencyName, money, number, sourceWords } from './words';

export interface DamageView {
  st: DamageStatement;
  T: ReportTexts;
  lang: ReportLang;
  snapshots: ReadonlyMap<string, Snapshot>;
}

const blank = (T: ReportTexts) => html`<span class="blank">${T.fillIn}</span>`;

export function tradeWhen(t: Pick<TradeLine, 'at' | 'dateOnly'>, T: ReportTexts): Html {
  return t.dateOnly
    ? html`${formatJst(t.at).slice(0, 10)} <span class="utc">${T.dateOnly}</span>`
    : html`${formatJst(t.at, true)}`;
}

const stock = (t: TradeLine) => [t.symbol, t.name].filter(Boolean).join(' ');

function mark(t: TradeLine, T: ReportTexts): Html {
  return t.standing === 'suspect' ? html`<br><span class="suspect">${T.markSuspect}</span>` : html``;
}

function m(x: Money | undefined, v: DamageView): Html | string {
  return x ? money(x, v.lang, v.T.fillIn) : blank(v.T);
}

function total(t: CurrencyTotal, v: DamageView): Html {
  if (!Object.keys(t.byCurrency).length) return html``;
  const foreign = Object.entries(t.byCurrency).some(([c, v]) => c !== 'JPY' && v !== 0);
  return html`<p class="total">${v.T.total}: ${byCurrency(t.byCurrency, v.lang)}${foreign || t.unconverted ? html` ／ ${v.T.yenTotal(amount(t.jpy, 'JPY', v.lang), t.unconverted)}` : ''}</p>`;
}

function sources(ids: readonly string[], v: DamageView): string {
  return ids
    .map((id) => v.snapshots.get(id))
    .filter((s): s is Snapshot => !!s)
    .map((s) => sourceWords(s, v.lang))
    .join(' ／ ');
}

export function damageSection(v: DamageView): Html {
  const { st, T, lang } = v;
  const none = html`<p>${T.none}</p>`;
  const n = (x: number | undefined) => (x === undefined ? '' : number(x, lang));

  const item1 = st.held.rows.length
    ? html`<table class="rows"><thead><tr><th>${T.dateAndTime}</th><th>${T.name}</th><th>${T.account}</th><th class="n">${T.boughtQty}</th><th class="n">${T.heldQty}</th><th class="n">${T.price}</th><th class="n">${T.atPurchase}</th></tr></thead><tbody>${st.held.rows.map(
        (r) =>
          html`<tr><td class="t">${tradeWhen(r.trade, T)}${mark(r.trade, T)}</td><td class="w">${stock(r.trade)}</td><td class="s">${accountWords(r.trade.account.label, lang)}</td><td class="n">${n(r.trade.quantity)}</td><td class="n">${n(r.heldQuantity)}</td><td class="n">${r.trade.price !== undefined ? amount(r.trade.price, r.trade.currency, lang) : ''}</td><td class="n">${m(r.heldAtPurchasePrice, v)}</td></tr>`,
      )}</tbody></table>${total(st.held.total, v)}`
    : none;

  const item2 = st.buyLoss.rows.length
    ? html`<table class="rows"><thead><tr><th>${T.dateAndTime}</th><th>${T.name}</th><th class="n">${T.purchaseAmount}</th><th class="n">${T.fee}</th><th class="n">${T.soldAgain}</th><th class="n">${T.valueNow}</th><th class="n">${T.loss}</th></tr></thead><tbody>${st.buyLoss.rows.map(
        (r) =>
          html`<tr><td class="t">${tradeWhen(r.trade, T)}${mark(r.trade, T)}</td><td class="w">${stock(r.trade)}</td><td class="n">${m(r.cost, v)}</td><td class="n">${r.fees ? m(r.fees, v) : T.none}</td><td class="n">${r.soldAgain ? m(r.soldAgain, v) : '—'}</td><td class="n">${r.valueNow ? m(r.valueNow, v) : blank(T)}</td><td class="n">${r.loss ? m(r.loss, v) : blank(T)}</td></tr>`,
      )}</tbody></table>${total(st.buyLoss.total, v)}`
    : none;

  const item3 = st.sold.rows.length
    ? html`<table class="rows"><thead><tr><th>${T.dateAndTime}</th><th>${T.name}</th><th>${T.account}</th><th class="n">${T.quantity}</th><th class="n">${T.salePrice}</th><th class="n">${T.saleAmount}</th><th class="n">${T.fee}</th><th class="n">${T.costPriceEst}</th><th>${T.lotsFrom}</th><th class="n">${T.gainEst}</th></tr></thead><tbody>${st.sold.rows.map(
        (r) =>
          html`<tr><td class="t">${tradeWhen(r.trade, T)}${mark(r.trade, T)}</td><td class="w">${stock(r.trade)}</td><td class="s">${accountWords(r.trade.account.label, lang)}</td><td class="n">${n(r.trade.quantity)}</td><td class="n">${r.trade.price !== undefined ? amount(r.trade.price, r.trade.currency, lang) : ''}</td><td class="n">${m(r.proceeds, v)}</td><td class="n">${r.fees ? m(r.fees, v) : T.none}</td><td class="n">${r.costPrice !== undefined ? amount(Math.round(r.costPrice * 100) / 100, r.trade.currency, lang) : blank(T)}${r.costSource === 'holdings' ? html`<br><span class="utc">${T.costSourceHoldings}</span>` : ''}</td><td class="w">${r.lots.map((l) => html`${formatJst(l.at).slice(0, 10)} ${T.shares(number(l.quantity, lang))} × ${number(l.price, lang)}<br>`)}</td><td class="n">${r.gainJpy !== undefined ? amount(r.gainJpy, 'JPY', lang) : blank(T)}</td></tr>`,
      )}</tbody></table>${total(st.sold.total, v)}
<h4>${T.perAccount}</h4><table class="rows"><thead><tr><th>${T.account}</th><th class="n">${T.sales}</th><th class="n">${T.saleAmount}</th><th class="n">${T.acquisitionCost}</th><th class="n">${T.netGain}</th></tr></thead><tbody>${st.sold.perAccount.map(
        (a) =>
          html`<tr><td class="s">${accountWords(a.account.label, lang)}</td><td class="n">${n(a.sales)}</td><td class="n">${amount(a.proceedsJpy, 'JPY', lang)}${a.proceedsUnconverted ? html`<br><span class="utc">${T.yenTotal('—', a.proceedsUnconverted)}</span>` : ''}</td><td class="n">${amount(a.costJpy, 'JPY', lang)}</td><td class="n">${amount(a.gainJpy, 'JPY', lang)}${a.gainsUnknown ? html`<br><span class="utc">${T.taxExcluded(a.gainsUnknown)}</span>` : ''}</td></tr>`,
      )}</tbody></table>`
    : none;

  const taxRow = (label: string, t: DamageStatement['tax']['combined'], cls = '') =>
    html`<tr class="${cls}"><td class="w">${label}</td><td class="n">${amount(t.netGainJpy, 'JPY', lang)}</td><td class="n">${amount(t.taxableJpy, 'JPY', lang)}</td><td class="n">${amount(t.incomeTaxJpy, 'JPY', lang)}</td><td class="n">${amount(t.residentTaxJpy, 'JPY', lang)}</td><td class="n"><strong>${amount(t.totalJpy, 'JPY', lang)}</strong></td></tr>`;
  const item4 = st.tax.perAccount.length
    ? html`<table class="rows"><thead><tr><th>${T.account}</th><th class="n">${T.netGain}</th><th class="n">${T.taxableCol}</th><th class="n">${T.incomeTax}</th><th class="n">${T.residentTax}</th><th class="n">${T.taxTotal}</th></tr></thead><tbody>${st.tax.perAccount.map((t) => taxRow(accountWords(t.account.label, lang), t))}${st.tax.perAccount.length > 1 ? taxRow(T.taxCombined, st.tax.combined, 'sum') : ''}</tbody></table>`
    : html`<p>${T.none}</p>`;
  const item4notes = html`<p class="note">${T.taxNote}</p>${st.tax.nisaGainJpy ? html`<p class="note">${T.nisaGainNote(amount(st.tax.nisaGainJpy, 'JPY', lang))}</p>` : ''}${st.tax.excluded ? html`<p class="note">${T.taxExcluded(st.tax.excluded)}</p>` : ''}`;

  const item5 = st.dividends.rows.length
    ? html`<p class="note">${T.dividendsNote}</p><table class="rows"><thead><tr><th>${T.name}</th><th>${T.account}</th><th class="n">${T.quantity}</th><th>${T.recordDate}</th><th>${T.dividend}</th><th>${T.benefit}</th></tr></thead><tbody>${st.dividends.rows.map(
        (r) =>
          html`<tr><td class="w">${[r.symbol, r.name].filter(Boolean).join(' ')}</td><td class="s">${accountWords(r.account.label, lang)}</td><td class="n">${number(r.quantity, lang)}</td><td>${r.recordDate ?? blank(T)}</td><td>${blank(T)}</td><td>${blank(T)}</td></tr>`,
      )}</tbody></table>`
    : none;

  const item6 = st.fees.rows.length
    ? html`<table class="rows"><thead><tr><th>${T.dateAndTime}</th><th>${T.side}</th><th>${T.name}</th><th class="n">${T.fee}</th><th class="n">${T.feeTax}</th><th class="n">${T.total}</th><th>${T.sourceCol}</th></tr></thead><tbody>${st.fees.rows.map(
        (r) =>
          html`<tr><td class="t">${tradeWhen(r.trade, T)}${mark(r.trade, T)}</td><td class="s">${r.trade.side === 'buy' ? T.buy : T.sell}</td><td class="w">${stock(r.trade)}</td><td class="n">${r.fee ? m(r.fee, v) : blank(T)}</td><td class="n">${r.feeTax ? m(r.feeTax, v) : '—'}</td><td class="n">${r.total ? m(r.total, v) : blank(T)}</td><td class="w src">${sources(r.trade.snapshotIds, v)}</td></tr>`,
      )}</tbody></table>${total(st.fees.total, v)}${st.fees.notShown ? html`<p class="note">${T.feesNotShown(st.fees.notShown)}</p>` : ''}`
    : none;

  const nisaTable = (rows: DamageStatement['nisa']['sold']) =>
    html`<table class="rows"><thead><tr><th>${T.dateAndTime}</th><th>${T.name}</th><th>${T.account}</th><th class="n">${T.quantity}</th><th class="n">${T.acquisitionCost}</th></tr></thead><tbody>${rows.map(
      (r) =>
        html`<tr><td class="t">${tradeWhen(r.trade, T)}${mark(r.trade, T)}</td><td class="w">${stock(r.trade)}</td><td class="s">${accountWords(r.trade.account.label, lang)}</td><td class="n">${n(r.trade.quantity)}</td><td class="n">${m(r.allowance, v)}</td></tr>`,
    )}</tbody></table>`;
  const item7 =
    st.nisa.sold.length || st.nisa.bought.length
      ? html`${st.nisa.sold.length ? html`<p class="note">${T.nisaSold}</p>${nisaTable(st.nisa.sold)}${total(st.nisa.soldTotal, v)}` : ''}${st.nisa.bought.length ? html`<p class="note">${T.nisaBought}</p>${nisaTable(st.nisa.bought)}${total(st.nisa.boughtTotal, v)}` : ''}<p class="note">${T.nisaNote}</p>`
      : none;

  const rates = st.rates.length
    ? html`<h3>${T.dmgRates}</h3><dl class="kv">${st.rates.map(
        (r) =>
          html`<dt>${currencyName(r.currency, lang)}</dt><dd>${r.rate !== undefined ? `${number(r.rate, lang)} ${currencyName('JPY', lang)}${lang === 'ja' ? '（' : ' ('}${r.source === 'record' ? T.rateFromRecord : T.rateFromHolder}${lang === 'ja' ? '）' : ')'}` : html`${blank(T)} ${T.rateMissing}`}</dd>`,
      )}</dl>`
    : '';

  return html`<section id="damage"><h2>${T.damage}</h2><p class="note">${T.damageNote}</p>${st.suspects ? html`<p class="note"><strong>${T.dmgSuspects(st.suspects)}</strong></p>` : ''}
<h3>${T.dmg1}</h3>${item1}
<h3>${T.dmg2}</h3>${item2}
<h3>${T.dmg3}</h3>${item3}
<h3>${T.dmg4}</h3>${item4}${item4notes}
<h3>${T.dmg5}</h3>${item5}
<h3>${T.dmg6}</h3>${item6}
<h3>${T.dmg7}</h3>${item7}
${rates}</section>`;
}
