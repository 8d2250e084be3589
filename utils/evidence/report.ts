// report.html / report.en.html: a printable A4 case file. Text only: every
// record value passes through `html` (one escape function, html.ts); no
// scripts, no external resources, and a CSP that forbids loading anything.

import { BROKERS } from '../brokers';
import { formatJst } from '../brokers/shared/dates';
import type { LoginEvent, OrderEvent } from '../records';
import { caseRows, isFlagged } from './collect';
import { damageStatement, amountOf, currencyOf, type BoughtItem, type SoldItem } from './damage';
import { deriveEnvironments, storedEnvironments, type EnvironmentView } from './environments';
import { ms, str, whenOf, type Loose } from './fields';
import { html, trusted, type Html } from './html';
import { msgText } from './msg-text';
import { REPORT_TEXT, type ReportLang, type ReportTexts } from './report-text';
import type { AlertView, EvidenceData, EventFlag } from './types';

/** An alert's title and what it saw, in the report's language. */
export function alertText(a: AlertView, lang: ReportLang): string {
  const title = a.titleMsg ? msgText(a.titleMsg, lang) : a.title;
  const reasons = Array.isArray(a.record.reasons)
    ? (a.record.reasons as Array<{ explanation?: { seen?: unknown } }>)
    : [];
  const seen = reasons.map((r) => msgText(r.explanation?.seen, lang)).filter(Boolean);
  return [title, ...seen].filter(Boolean).join(lang === 'ja' ? ' ／ ' : ' / ');
}

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface ReportInput {
  data: EvidenceData;
  lang: ReportLang;
  masked: boolean;
  snapshotsWithheld: boolean;
  logCheck: { ok: boolean; brokenAt?: number; count: number };
  storeCheck: { checked: number; mismatched: string[]; missing: string[] };
  /** Files of the bundle, for the file guide (paths only; hashes are in manifest.json). */
  files: string[];
  contextRows?: number;
}

const MAX_TIMELINE = 400;
const RECENT_WHEN_UNFLAGGED = 30;

const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const fmtNum = (n: number | undefined) => (n === undefined ? '' : nf.format(n));

function jst(iso: string | undefined, dateOnly = false): string {
  if (!iso || Number.isNaN(ms(iso))) return iso ?? '';
  return dateOnly ? formatJst(iso).slice(0, 10) : formatJst(iso, true);
}
function utc(iso: string | undefined, dateOnly = false): string {
  if (!iso || Number.isNaN(ms(iso)) || dateOnly) return '';
  return new Date(iso).toISOString().replace('T', ' ').replace('.000Z', 'Z');
}
function when(iso: string | undefined, dateOnly = false, T?: ReportTexts): Html {
  return html`<span class="jst">${jst(iso, dateOnly)}</span>${dateOnly ? html` <span class="utc">${T?.dateOnly}</span>` : utc(iso) ? html`<br><span class="utc">(${utc(iso)})</span>` : ''}`;
}

function brokerLabel(id: string | undefined, lang: ReportLang): string {
  return BROKERS.find((b) => b.id === id)?.label[lang] ?? id ?? '';
}

function markOf(flags: Map<string, EventFlag>, id: string, T: ReportTexts): { text: string; cls: string } {
  const f = flags.get(id);
  if (f?.mine) return { text: T.markMine, cls: 'mine' };
  if (f?.notMine) return { text: T.markNotMine + (f.alertIds.length ? ` / ${T.markAlert}` : ''), cls: 'flag' };
  if (f?.alertIds.length) return { text: `${T.markAlert} (${f.severity ?? ''})`, cls: 'flag' };
  return { text: T.markContext, cls: '' };
}

const shortId = (id: string) => id.replace(/^snap_/, '').slice(0, 8);

function moneyByCurrency(m: Record<string, number>): string {
  const parts = Object.entries(m).map(([c, v]) => `${fmtNum(v)} ${c}`);
  return parts.join(' / ');
}

function loginTable(rows: LoginEvent[], d: EvidenceData, T: ReportTexts, lang: ReportLang): Html {
  return html`<table class="rows"><thead><tr><th>${T.date}</th><th>${T.broker}</th><th>${T.result}</th><th>${T.channel}</th><th>${T.ip}</th><th>${T.env}</th><th>${T.mark}</th><th>${T.source}</th></tr></thead><tbody>${rows.map(
    (r) => {
      const m = markOf(d.flags, r.id, T);
      return html`<tr class="${m.cls}"><td class="t">${when(r.at)}</td><td class="s">${brokerLabel(r.broker, lang)}</td><td class="s">${r.result === 'success' ? T.success : T.failure}</td><td class="w">${r.channel ?? ''}</td><td class="mono">${r.ip ?? ''}</td><td class="w">${[r.os, r.browser, r.device, r.userAgent, r.location].filter(Boolean).join(' / ')}</td><td class="mark">${m.text}</td><td class="mono ids">${r.snapshotIds.map(shortId).join(' ')}</td></tr>`;
    },
  )}</tbody></table>`;
}

function orderTable(rows: OrderEvent[], d: EvidenceData, T: ReportTexts): Html {
  return html`<table class="rows"><thead><tr><th>${T.date}</th><th>${T.side}</th><th>${T.market}</th><th>${T.symbol}</th><th>${T.name}</th><th class="n">${T.quantity}</th><th class="n">${T.price}</th><th class="n">${T.amount}</th><th>${T.account}</th><th>${T.status}</th><th>${T.mark}</th></tr></thead><tbody>${rows.map(
    (r) => {
      const m = markOf(d.flags, r.id, T);
      return html`<tr class="${m.cls}"><td class="t">${when(r.at, r.dateOnly, T)}</td><td class="s">${r.side === 'buy' ? T.buy : T.sell}</td><td class="s">${r.market ?? r.marketRegion ?? ''}</td><td class="mono">${r.symbol ?? ''}</td><td class="w">${r.name ?? ''}</td><td class="n">${fmtNum(r.quantity)}</td><td class="n">${fmtNum(r.price)}</td><td class="n">${fmtNum(amountOf(r))} ${amountOf(r) !== undefined ? currencyOf(r) : ''}</td><td class="w">${r.account ?? ''}</td><td class="s">${T[r.status]}</td><td class="mark">${m.text}</td></tr>`;
    },
  )}</tbody></table>`;
}

function damageSection(d: EvidenceData, T: ReportTexts): Html {
  const st = damageStatement(d.orders, d.flags, d.holdings);
  const soldRows = (items: SoldItem[]) =>
    items.length
      ? html`<table class="rows"><thead><tr><th>${T.date}</th><th>${T.symbol}</th><th>${T.name}</th><th class="n">${T.quantity}</th><th class="n">${T.price}</th><th class="n">${T.amount}</th><th>${T.account}</th><th class="n">${T.costPrice}</th><th class="n">${T.gain}</th></tr></thead><tbody>${items.map(
          (i) =>
            html`<tr><td class="t">${when(i.order.at, i.order.dateOnly, T)}</td><td class="mono">${i.order.symbol ?? ''}</td><td class="w">${i.order.name ?? ''}</td><td class="n">${fmtNum(i.order.quantity)}</td><td class="n">${fmtNum(i.order.price)}</td><td class="n">${fmtNum(i.amount)} ${currencyOf(i.order)}</td><td class="w">${i.order.account ?? ''}</td><td class="n" title="${i.costSource === 'holdings' ? T.costSourceHoldings : i.costSource === 'orders' ? T.costSourceOrders : ''}">${i.costPrice !== undefined ? fmtNum(Math.round(i.costPrice * 100) / 100) : html`<span class="blank">${T.fillIn}</span>`}</td><td class="n">${fmtNum(i.gain)}</td></tr>`,
        )}</tbody></table>`
      : html`<p>${T.none}</p>`;
  const boughtRows = (items: BoughtItem[]) =>
    items.length
      ? html`<table class="rows"><thead><tr><th>${T.date}</th><th>${T.market}</th><th>${T.symbol}</th><th>${T.name}</th><th class="n">${T.quantity}</th><th class="n">${T.price}</th><th class="n">${T.amount}</th><th>${T.account}</th><th class="n">${T.currentValue}</th><th class="n">${T.loss}</th></tr></thead><tbody>${items.map(
          (i) =>
            html`<tr><td class="t">${when(i.order.at, i.order.dateOnly, T)}</td><td class="s">${i.order.market ?? i.order.marketRegion ?? ''}</td><td class="mono">${i.order.symbol ?? ''}</td><td class="w">${i.order.name ?? ''}</td><td class="n">${fmtNum(i.order.quantity)}</td><td class="n">${fmtNum(i.order.price)}</td><td class="n">${fmtNum(i.amount)} ${currencyOf(i.order)}</td><td class="w">${i.order.account ?? ''}</td><td class="n">${i.currentValue !== undefined ? fmtNum(i.currentValue) : html`<span class="blank">${T.fillIn}</span>`}</td><td class="n">${i.currentValue !== undefined && i.amount !== undefined ? fmtNum(i.amount - i.currentValue) : html`<span class="blank"></span>`}</td></tr>`,
        )}</tbody></table>`
      : html`<p>${T.none}</p>`;
  const fill = html`<span class="blank wide">${T.fillIn}</span>`;
  return html`<section><h2>${T.damage}</h2><p class="note">${T.damageNote}</p>
<h3>${T.d1}</h3>${soldRows(st.sold)}${Object.keys(st.soldTotal).length ? html`<p class="total">${T.total}: ${moneyByCurrency(st.soldTotal)}</p>` : ''}
<h3>${T.d2}</h3>${boughtRows(st.bought)}${Object.keys(st.boughtTotal).length ? html`<p class="total">${T.total}: ${moneyByCurrency(st.boughtTotal)}</p>` : ''}
<h3>${T.d3}</h3><p>${T.feesKnown}: ${Object.keys(st.fees).length ? moneyByCurrency(st.fees) : T.none}${st.feesUnknown ? html`<br>${T.feesUnknown(st.feesUnknown)}` : ''}</p><p>${T.total}: ${fill}</p>
<h3>${T.d4}</h3><dl class="kv"><dt>${T.taxable}</dt><dd>${st.taxableGain !== undefined ? `${fmtNum(st.taxableGain)} JPY` : fill}</dd><dt>${T.taxEstimate}</dt><dd>${st.taxEstimate !== undefined ? `${fmtNum(st.taxEstimate)} JPY` : fill}</dd></dl>${st.gainsUnknown ? html`<p class="note">${T.gainsUnknown(st.gainsUnknown)}</p>` : ''}
<h3>${T.d5}</h3><p class="note">${T.dividendsHelp}</p><p>${T.amount}: ${fill}</p>
<h3>${T.d6}</h3><p class="note">${T.benefitsHelp}</p><p>${T.detail}: ${fill}</p>
<h3>${T.d7}</h3>${st.nisaSold.length || st.nisaBought.length ? html`${st.nisaSold.length ? html`<p class="note">${T.nisaSoldHelp}</p>${soldRows(st.nisaSold)}` : ''}${st.nisaBought.length ? html`<p class="note">${T.nisaBoughtHelp}</p>${boughtRows(st.nisaBought)}` : ''}` : html`<p>${T.none}</p>`}
</section>`;
}

function environmentsSection(d: EvidenceData, T: ReportTexts, lang: ReportLang): Html {
  const stored = storedEnvironments(d.environments);
  const envs: EnvironmentView[] = stored.length ? stored : deriveEnvironments(d.logins, d.flags);
  if (!envs.length) return html``;
  const label = { known: T.envKnown, new: T.envNew, 'not-mine': T.envNotMine };
  return html`<section><h2>${T.environmentsTitle}</h2>${stored.length ? '' : html`<p class="note">${T.envDerived}</p>`}<table class="rows"><thead><tr><th>${T.mark}</th><th>${T.broker}</th><th>${T.env}</th><th>${T.firstSeen}</th><th>${T.lastSeen}</th><th class="n">${T.times}</th></tr></thead><tbody>${envs.map(
    (e) =>
      html`<tr class="${e.status === 'known' ? '' : 'flag'}"><td class="mark">${label[e.status]}</td><td class="s">${brokerLabel(e.broker, lang)}</td><td class="w">${e.label}</td><td class="t">${when(e.firstSeenAt)}</td><td class="t">${when(e.lastSeenAt)}</td><td class="n">${fmtNum(e.count)}</td></tr>`,
  )}</tbody></table></section>`;
}

interface TimelineRow {
  at: string;
  dateOnly?: boolean;
  kind: string;
  text: string;
  cls: string;
}

function timelineSection(
  d: EvidenceData,
  logins: LoginEvent[],
  orders: OrderEvent[],
  T: ReportTexts,
  lang: ReportLang,
): Html {
  const rows: TimelineRow[] = [];
  for (const l of logins)
    rows.push({
      at: l.at,
      kind: T.loginKind,
      text: [
        brokerLabel(l.broker, lang),
        l.result === 'success' ? T.success : T.failure,
        l.channel,
        l.ip,
        l.device,
        l.os,
        l.browser,
        l.userAgent,
        l.location,
      ]
        .filter(Boolean)
        .join(' · '),
      cls: markOf(d.flags, l.id, T).cls,
    });
  for (const o of orders)
    rows.push({
      at: o.at,
      dateOnly: o.dateOnly,
      kind: T.orderKind,
      text: [
        brokerLabel(o.broker, lang),
        o.side === 'buy' ? T.buy : T.sell,
        o.market,
        o.symbol,
        o.name,
        o.quantity !== undefined ? `${fmtNum(o.quantity)}` : '',
        o.price !== undefined ? `@${fmtNum(o.price)}` : '',
        o.account,
        T[o.status],
      ]
        .filter(Boolean)
        .join(' · '),
      cls: markOf(d.flags, o.id, T).cls,
    });
  const times = rows.map((r) => ms(r.at));
  const lo = Math.min(...times, Infinity),
    hi = Math.max(...times, -Infinity);
  for (const v of d.visits)
    if (ms(v.at) >= lo && ms(v.at) <= hi)
      rows.push({ at: v.at, kind: T.visit, text: brokerLabel(v.broker, lang), cls: 'visit' });
  for (const a of d.alerts)
    if (a.at) rows.push({ at: a.at, kind: T.alertKind, text: `[${a.severity}] ${alertText(a, lang)}`, cls: 'flag' });
  for (const e of d.accountEvents) {
    const at = whenOf(e);
    if (at)
      rows.push({
        at,
        kind: T.changeKind,
        text: accountEventText(e),
        cls: isFlagged(d.flags, str(e, 'id') ?? '') ? 'flag' : '',
      });
  }
  rows.sort((a, b) => ms(a.at) - ms(b.at));
  const shown = rows.slice(0, MAX_TIMELINE);
  return html`<section class="break"><h2>${T.timeline}</h2>${rows.length > shown.length ? html`<p class="note">${T.truncated(shown.length, rows.length, 'data/')}</p>` : ''}<table class="rows"><thead><tr><th>${T.date}</th><th>${T.kind}</th><th>${T.detail}</th></tr></thead><tbody>${shown.map(
    (r) =>
      html`<tr class="${r.cls}"><td class="t">${when(r.at, r.dateOnly, T)}</td><td class="s">${r.kind}</td><td class="w">${r.text}</td></tr>`,
  )}</tbody></table></section>`;
}

export function accountEventText(e: Loose): string {
  const what = str(e, 'item', 'field', 'label', 'kind', 'type') ?? '';
  const before = str(e, 'before', 'oldValue', 'from');
  const after = str(e, 'after', 'newValue', 'to');
  const detail = str(e, 'detail', 'description', 'text');
  return [what, before !== undefined || after !== undefined ? `${before ?? ''} → ${after ?? ''}` : '', detail]
    .filter(Boolean)
    .join(' · ');
}

const CSS = trusted(`
@page { size: A4; margin: 14mm 12mm 16mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "IPAPGothic", "IPAexGothic", "IPAGothic", "Hiragino Sans", "Yu Gothic", "Meiryo", "Noto Sans CJK JP", sans-serif; color: #111; background: #fff; margin: 0 auto; max-width: 190mm; padding: 8mm 4mm; font-size: 10.5pt; line-height: 1.55; }
h1 { font-size: 18pt; margin: 0 0 2mm; border-bottom: 2.5px solid #111; padding-bottom: 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; padding: 1mm 2mm; background: #eef1f5; border-left: 5px solid #1f3a5f; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; }
p { margin: 1.5mm 0; }
.lang { float: right; font-size: 9pt; color: #444; }
.note { font-size: 9pt; color: #333; }
.meta, .kv { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 5mm; margin: 2mm 0; }
.meta dt, .kv dt { font-weight: bold; }
.meta dd, .kv dd { margin: 0; }
.fill { display: grid; grid-template-columns: max-content 1fr; gap: 0 5mm; border: 1px solid #555; padding: 2mm 3mm; margin: 3mm 0; }
.fill dt { font-weight: bold; padding: 1.8mm 0; }
.fill dd { margin: 0; border-bottom: 1px dotted #777; }
.summary { border: 2px solid #b3261e; padding: 2mm 3mm; font-weight: bold; margin: 3mm 0; }
table.rows { width: 100%; border-collapse: collapse; font-size: 8pt; margin: 1.5mm 0 3mm; }
table.rows th, table.rows td { border: 1px solid #999; padding: 0.8mm 1.2mm; vertical-align: top; }
table.rows th, table.rows td.t, table.rows td.n, table.rows td.mark, table.rows td.mono, table.rows td.s { white-space: nowrap; }
table.rows td.w { overflow-wrap: anywhere; min-width: 22mm; }
table.rows td.ids { white-space: normal; word-break: keep-all; font-size: 7pt; }
table.rows th { background: #e4e8ee; text-align: left; }
table.rows tr { break-inside: avoid; }
tr.flag td { background: #fde8e6; }
tr.flag td.mark { font-weight: bold; color: #8c1d18; }
tr.mine td { color: #555; }
tr.visit td { color: #1f3a5f; }
.t { white-space: nowrap; }
.utc { color: #555; font-size: 7.5pt; }
.n { text-align: right; white-space: nowrap; }
.mono { font-family: "DejaVu Sans Mono", "Consolas", monospace; font-size: 8pt; }
.blank { display: inline-block; min-width: 22mm; border-bottom: 1px solid #555; color: #888; font-size: 8pt; }
.blank.wide { min-width: 50mm; }
.total { font-weight: bold; text-align: right; }
ol, ul { margin: 1mm 0 2mm 5mm; padding-left: 4mm; }
li { margin: 0.8mm 0; }
.files td:last-child { white-space: normal; }
.files td:first-child { white-space: nowrap; font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; }
footer { margin-top: 8mm; font-size: 8pt; color: #555; border-top: 1px solid #999; padding-top: 2mm; }
@media print { body { padding: 0; max-width: none; } h2 { -webkit-print-color-adjust: exact; print-color-adjust: exact; } tr.flag td, table.rows th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } .break { break-before: page; } }
`);

export function renderReport(input: ReportInput): string {
  const { data: d, lang } = input;
  const T = REPORT_TEXT[lang];
  const context = input.contextRows ?? 3;
  const flaggedLogins = d.logins.filter((l) => isFlagged(d.flags, l.id));
  const flaggedOrders = d.orders.filter((o) => isFlagged(d.flags, o.id));
  const anyFlag = flaggedLogins.length + flaggedOrders.length > 0 || d.alerts.length > 0;
  const logins = anyFlag ? caseRows(d.logins, d.flags, context) : d.logins.slice(-RECENT_WHEN_UNFLAGGED);
  const orders = anyFlag ? caseRows(d.orders, d.flags, context) : d.orders.slice(-RECENT_WHEN_UNFLAGGED);
  const flaggedTimes = [...flaggedLogins, ...flaggedOrders].map((e) => e.at).sort((a, b) => ms(a) - ms(b));
  const allTimes = [...d.logins, ...d.orders].map((e) => e.at).sort((a, b) => ms(a) - ms(b));
  const brokers = [...new Set([...d.logins, ...d.orders, ...d.snapshots].map((e) => e.broker))];
  const scopeText = [
    d.scope.broker ? `${T.broker}: ${brokerLabel(d.scope.broker, lang)}` : `${T.broker}: ${T.allBrokers}`,
    d.scope.from || d.scope.to ? `${T.period}: ${jst(d.scope.from)} 〜 ${jst(d.scope.to)}` : '',
    d.scope.incidentId ? `${T.incident}: ${d.scope.incidentId}` : '',
    !d.scope.from && !d.scope.to && !d.scope.incidentId ? T.whole : '',
  ]
    .filter(Boolean)
    .join(' / ');
  const guide = Object.entries(T.fileRows).filter(
    ([p]) =>
      input.files.some((f) => f === p || f.startsWith(p)) ||
      p === 'manifest.json' ||
      p === 'SHA256SUMS' ||
      p === 'datapackage.json',
  );
  const accessTimes = [
    ...flaggedLogins.map((l) => ({ at: l.at, broker: l.broker, what: T.loginKind })),
    ...flaggedOrders.map((o) => ({ at: o.at, broker: o.broker, what: T.orderKind })),
  ].sort((a, b) => ms(a.at) - ms(b.at));

  const body = html`
<header><p class="lang">${T.otherLanguage}</p><h1>${T.title}</h1>
<p>${T.intro}</p><p><strong>${T.forWhom}</strong></p>
<dl class="fill"><dt>${T.holder}</dt><dd></dd><dt>${T.contact}</dt><dd></dd><dt>${T.policeNo}</dt><dd></dd><dt>${T.brokerNo}</dt><dd></dd></dl>
<dl class="meta"><dt>${T.broker}</dt><dd>${brokers.map((b) => brokerLabel(b, lang)).join('、 ') || '—'}</dd><dt>${T.scope}</dt><dd>${scopeText}</dd>
<dt>${T.dataSpan}</dt><dd>${allTimes.length ? `${jst(allTimes[0])} 〜 ${jst(allTimes[allTimes.length - 1])}` : '—'}</dd>
<dt>${T.counts}</dt><dd>${T.logins} ${d.logins.length} · ${T.orders} ${d.orders.length} · ${T.visits} ${d.visits.length} · ${T.alerts} ${d.alerts.length} · ${T.accountEvents} ${d.accountEvents.length} · ${T.snapshots} ${d.snapshots.length}${input.snapshotsWithheld ? ` ${T.snapshotsWithheld}` : ''}</dd>
<dt>${T.logChain}</dt><dd>${input.logCheck.ok ? T.logOk(input.logCheck.count) : T.logBroken(input.logCheck.brokenAt ?? 0)}</dd>
<dt>${T.storeCheck}</dt><dd>${input.storeCheck.mismatched.length ? T.storeBad(input.storeCheck.mismatched.join(', ')) : T.storeOk(input.storeCheck.checked)}${input.storeCheck.missing.length ? ` · ${T.missingBodies(input.storeCheck.missing.length)}` : ''}</dd></dl>
<p class="note">${T.timeNote} ${T.exportTimeNote}</p>
</header>
<section><h2>${T.summary}</h2>${anyFlag && flaggedTimes.length ? html`<p class="summary">${T.summaryLine(flaggedLogins.length, flaggedOrders.length, jst(flaggedTimes[0]), jst(flaggedTimes[flaggedTimes.length - 1]))}</p>` : html`<p>${T.noFlags}</p>`}</section>
${damageSection(d, T)}
<section class="break"><h2>${T.flaggedLogins}</h2>${logins.length ? loginTable(logins, d, T, lang) : html`<p>${T.none}</p>`}${d.logins.length > logins.length ? html`<p class="note">${T.truncated(logins.length, d.logins.length, 'data/logins.csv')}</p>` : ''}</section>
<section><h2>${T.flaggedOrders}</h2>${orders.length ? orderTable(orders, d, T) : html`<p>${T.none}</p>`}${d.orders.length > orders.length ? html`<p class="note">${T.truncated(orders.length, d.orders.length, 'data/orders.csv')}</p>` : ''}</section>
${
  d.accountEvents.length
    ? html`<section><h2>${T.accountEventsTitle}</h2><table class="rows"><thead><tr><th>${T.date}</th><th>${T.broker}</th><th>${T.detail}</th><th>${T.mark}</th></tr></thead><tbody>${d.accountEvents.map(
        (e) => {
          const m = markOf(d.flags, str(e, 'id') ?? '', T);
          return html`<tr class="${m.cls}"><td class="t">${when(whenOf(e))}</td><td class="s">${brokerLabel(str(e, 'broker'), lang)}</td><td class="w">${accountEventText(e)}</td><td class="mark">${m.text}</td></tr>`;
        },
      )}</tbody></table></section>`
    : ''
}
${d.alerts.length ? html`<section><h2>${T.alertsTitle}</h2><table class="rows"><thead><tr><th>${T.date}</th><th>${T.broker}</th><th>${T.severity}</th><th>${T.about}</th><th>${T.verdict}</th></tr></thead><tbody>${d.alerts.map((a) => html`<tr class="flag"><td class="t">${when(a.at)}</td><td class="s">${brokerLabel(a.broker, lang)}</td><td class="s">${a.severity}</td><td class="w">${alertText(a, lang)}</td><td>${a.verdict === 'not-mine' ? T.markNotMine : a.verdict === 'mine' ? T.markMine : ''}</td></tr>`)}</tbody></table></section>` : ''}
${environmentsSection(d, T, lang)}
${timelineSection(d, logins, orders, T, lang)}
<section class="break"><h2>${T.police}</h2><ol>${T.policeItems.map((i) => html`<li>${i}</li>`)}</ol>
<h2>${T.brokerAsk}</h2><ol>${T.brokerItems.map((i) => html`<li>${i}</li>`)}</ol>
${accessTimes.length ? html`<h3>${T.brokerTimes}</h3><table class="rows"><thead><tr><th>${T.date} (JST)</th><th>${T.utc}</th><th>${T.broker}</th><th>${T.kind}</th></tr></thead><tbody>${accessTimes.map((a) => html`<tr><td class="t">${jst(a.at)}</td><td class="t">${utc(a.at)}</td><td>${brokerLabel(a.broker, lang)}</td><td>${a.what}</td></tr>`)}</tbody></table>` : ''}</section>
<section><h2>${T.files}</h2><table class="rows files"><thead><tr><th>${T.file}</th><th>${T.holds}</th></tr></thead><tbody>${guide.map(([p, what]) => html`<tr><td>${p}</td><td>${what}</td></tr>`)}</tbody></table>
<h3>${T.verifyTitle}</h3><ul>${T.verifyItems.map((i) => html`<li>${i}</li>`)}</ul>
<p class="note">${T.csvNote}</p>${input.masked ? html`<p class="note"><strong>${T.maskNote}</strong></p>` : ''}</section>
<footer>${T.title} · Kabu Guard</footer>`;

  return `<!DOCTYPE html>
<html lang="${T.htmlLang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${T.title}</title>
<style>${CSS.value}</style>
</head>
<body>${body.value}</body>
</html>
`;
}
