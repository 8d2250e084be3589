// report.html / report.en.html: a printable A4 case file. Text only: every
// record value passes through `html` (one escape function, html.ts); no
// scripts, no external resources, and a CSP that forbids loading anything.
//
// Everything about what happened is derived from the case (case.ts): the 要点
// page, the tables of what was not the holder and what is still a suspect,
// the damage statement (damage.ts → report-damage.ts) and the access-log
// request. No internal code reaches the reader (words.ts).

import { formatJst } from '../brokers/shared/dates';
import type { LoginEvent, OrderEvent, Snapshot } from '../records';
import { whatToDo } from '../what-to-do';
import { caseEvents, caseOf, type EvidenceCase, type Standing } from './case';
import { caseRows } from './collect';
import { currencyOf, damageStatement, type DamageStatement } from './damage';
import { deriveEnvironments, storedEnvironments, type EnvironmentView } from './environments';
import { ms, str, whenOf, type Loose } from './fields';
import { html, trusted, type Html } from './html';
import { msgText } from './msg-text';
import { damageSection } from './report-damage';
import { REPORT_TEXT, type ReportLang, type ReportTexts } from './report-text';
import type { AlertView, EvidenceData, EventFlag } from './types';
import {
  accountWords,
  amount,
  brokerList,
  byCurrency,
  count,
  countryName,
  joinList,
  loginEnvironmentWords,
  number,
  severityWords,
  sourceWords,
  timeSpan,
} from './words';
import { brokerName } from '../brokers/labels';
import { countryOf, providerOf } from '../detect/geo';
import { parseIp } from '../detect/ip';
import { CATALOGUES } from './catalogues';
import { formatMessage } from '../i18n-format';

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
  /** What was not the holder's (case.ts; default `caseOf(data)`): everything about the attack is derived from it. */
  caseFile?: EvidenceCase;
  /** The damage statement of that case (the bundle passes the value it writes as data/damage.json). */
  damage?: DamageStatement;
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

/** Marks by the case: not mine / unanswered (with the alert's severity in words) / context / mine. */
function caseFlags(c: EvidenceCase, d: EvidenceData): Map<string, EventFlag & { standing?: Standing }> {
  const flags = new Map<string, EventFlag & { standing?: Standing }>();
  const put = (ids: string[], standing: Standing, alertIds: string[]) => {
    for (const id of ids)
      flags.set(id, {
        notMine: standing === 'not-mine',
        mine: false,
        alertIds: standing === 'suspect' && !alertIds.length ? ['case'] : alertIds,
        severity: d.flags.get(id)?.severity,
        standing,
      });
  };
  for (const x of c.logins) put([x.login.id], x.standing, x.alertIds);
  for (const x of c.orders) put(x.trade.ids, x.standing, x.alertIds);
  for (const x of c.accountChanges) put([str(x.change, 'id') ?? ''], x.standing, x.alertIds);
  for (const [id, f] of d.flags) if (f.mine && !flags.has(id)) flags.set(id, { ...f });
  return flags;
}

function markOf(flags: Map<string, EventFlag>, id: string, T: ReportTexts, lang: ReportLang) {
  const f = flags.get(id);
  if (f?.mine) return { text: T.markMine, cls: 'mine' };
  if (f?.notMine) return { text: T.markNotMine, cls: 'flag' };
  if (f?.alertIds.length)
    return { text: f.severity ? T.markSuspectSeverity(severityWords(f.severity, lang)) : T.markSuspect, cls: 'flag' };
  return { text: T.markContext, cls: '' };
}

function sourcesText(ids: readonly string[], snaps: ReadonlyMap<string, Snapshot>, lang: ReportLang): string {
  return ids
    .map((id) => snaps.get(id))
    .filter((s): s is Snapshot => !!s)
    .map((s) => sourceWords(s, lang))
    .join(' ／ ');
}

interface Ctx {
  d: EvidenceData;
  T: ReportTexts;
  lang: ReportLang;
  flags: Map<string, EventFlag>;
  snaps: ReadonlyMap<string, Snapshot>;
}

function loginTable(rows: LoginEvent[], x: Ctx): Html {
  const { T, lang } = x;
  return html`<table class="rows"><thead><tr><th>${T.date}</th><th>${T.broker}</th><th>${T.result}</th><th>${T.where}</th><th>${T.ip}</th><th>${T.mark}</th><th>${T.source}</th></tr></thead><tbody>${rows.map(
    (r) => {
      const m = markOf(x.flags, r.id, T, lang);
      return html`<tr class="${m.cls}"><td class="t">${when(r.at)}</td><td class="s">${brokerName(r.broker, lang)}</td><td class="s">${r.result === 'success' ? T.success : T.failure}</td><td class="w">${loginEnvironmentWords(r, lang)}${shownByBroker(r, T)}</td><td class="mono">${r.ip ?? ''}</td><td class="mark">${m.text}</td><td class="w src">${sourcesText(r.snapshotIds, x.snaps, lang)}</td></tr>`;
    },
  )}</tbody></table>`;
}

/** What the broker's page itself said about the login (evidence, kept as shown), under the plain words. */
function shownByBroker(r: LoginEvent, T: ReportTexts): Html {
  const shown = [r.channel, r.device, r.os, r.browser, r.userAgent, r.location].filter(Boolean).join(' / ');
  return shown ? html`<br><span class="utc">${T.shownByBroker}: ${shown}</span>` : html``;
}

function marketWords(o: OrderEvent, lang: ReportLang): string {
  if (o.market) return o.market;
  if (!o.marketRegion) return '';
  return o.marketRegion === 'JP' ? (lang === 'ja' ? '国内' : 'Japan') : countryName(o.marketRegion, lang);
}

function orderTable(rows: OrderEvent[], x: Ctx): Html {
  const { T, lang } = x;
  return html`<table class="rows"><thead><tr><th>${T.date}</th><th>${T.side}</th><th>${T.market}</th><th>${T.name}</th><th class="n">${T.quantity}</th><th class="n">${T.price}</th><th class="n">${T.amount}</th><th>${T.account}</th><th>${T.status}</th><th>${T.mark}</th><th>${T.source}</th></tr></thead><tbody>${rows.map(
    (r) => {
      const m = markOf(x.flags, r.id, T, lang);
      const cur = currencyOf(r);
      const amt = r.amount ?? (r.quantity !== undefined && r.price !== undefined ? r.quantity * r.price : undefined);
      return html`<tr class="${m.cls}"><td class="t">${when(r.at, r.dateOnly, T)}</td><td class="s">${r.side === 'buy' ? T.buy : T.sell}</td><td class="s">${marketWords(r, lang)}</td><td class="w">${[r.symbol, r.name].filter(Boolean).join(' ')}</td><td class="n">${r.quantity !== undefined ? number(r.quantity, lang) : ''}</td><td class="n">${r.price !== undefined ? amount(r.price, cur, lang) : ''}</td><td class="n">${amt !== undefined ? amount(amt, cur, lang) : ''}</td><td class="w">${accountWords(r.account, lang)}</td><td class="s">${T[r.status]}</td><td class="mark">${m.text}</td><td class="w src">${sourcesText(r.snapshotIds, x.snaps, lang)}</td></tr>`;
    },
  )}</tbody></table>`;
}

function changeTable(rows: Loose[], x: Ctx): Html {
  const { T, lang } = x;
  return html`<table class="rows"><thead><tr><th>${T.date}</th><th>${T.broker}</th><th>${T.detail}</th><th>${T.mark}</th><th>${T.source}</th></tr></thead><tbody>${rows.map(
    (e) => {
      const m = markOf(x.flags, str(e, 'id') ?? '', T, lang);
      const snaps = Array.isArray(e.snapshotIds) ? (e.snapshotIds as string[]) : [];
      return html`<tr class="${m.cls}"><td class="t">${when(whenOf(e), e.dateOnly === true, T)}</td><td class="s">${brokerName(str(e, 'broker') ?? '', lang)}</td><td class="w">${accountEventText(e)}</td><td class="mark">${m.text}</td><td class="w src">${sourcesText(snaps, x.snaps, lang)}</td></tr>`;
    },
  )}</tbody></table>`;
}

function environmentsSection(x: Ctx): Html {
  const { d, T, lang } = x;
  const stored = storedEnvironments(d.environments);
  const envs: EnvironmentView[] = stored.length ? stored : deriveEnvironments(d.logins, x.flags);
  if (!envs.length) return html``;
  const label = { known: T.envKnown, new: T.envNew, 'not-mine': T.envNotMine };
  return html`<section><h2>${T.environmentsTitle}</h2>${stored.length ? '' : html`<p class="note">${T.envDerived}</p>`}<table class="rows"><thead><tr><th>${T.mark}</th><th>${T.broker}</th><th>${T.where}</th><th>${T.firstSeen}</th><th>${T.lastSeen}</th><th class="n">${T.times}</th></tr></thead><tbody>${envs.map(
    (e) =>
      html`<tr class="${e.status === 'known' ? '' : 'flag'}"><td class="mark">${label[e.status]}</td><td class="s">${brokerName(e.broker, lang)}</td><td class="w">${e.name ? html`<strong>${e.name}</strong><br>` : ''}${e.words[lang]}</td><td class="t">${when(e.firstSeenAt)}</td><td class="t">${when(e.lastSeenAt)}</td><td class="n">${e.count !== undefined ? number(e.count, lang) : ''}</td></tr>`,
  )}</tbody></table></section>`;
}

interface TimelineRow {
  at: string;
  dateOnly?: boolean;
  kind: string;
  text: string;
  cls: string;
}

function timelineSection(logins: LoginEvent[], orders: OrderEvent[], x: Ctx): Html {
  const { d, T, lang } = x;
  const rows: TimelineRow[] = [];
  const sep = lang === 'ja' ? '、' : ', ';
  for (const l of logins)
    rows.push({
      at: l.at,
      kind: T.loginKind,
      text: [
        brokerName(l.broker, lang),
        l.result === 'success' ? T.success : T.failure,
        loginEnvironmentWords(l, lang),
        l.ip,
      ]
        .filter(Boolean)
        .join(sep),
      cls: markOf(x.flags, l.id, T, lang).cls,
    });
  for (const o of orders)
    rows.push({
      at: o.at,
      dateOnly: o.dateOnly,
      kind: T.orderKind,
      text: [
        brokerName(o.broker, lang),
        o.side === 'buy' ? T.buy : T.sell,
        marketWords(o, lang),
        [o.symbol, o.name].filter(Boolean).join(' '),
        o.quantity !== undefined ? T.shares(number(o.quantity, lang)) : '',
        o.price !== undefined ? `@${amount(o.price, currencyOf(o), lang)}` : '',
        o.account ? accountWords(o.account, lang) : '',
        T[o.status],
      ]
        .filter(Boolean)
        .join(sep),
      cls: markOf(x.flags, o.id, T, lang).cls,
    });
  const times = rows.map((r) => ms(r.at));
  const lo = Math.min(...times, Infinity),
    hi = Math.max(...times, -Infinity);
  for (const v of d.visits)
    if (ms(v.at) >= lo && ms(v.at) <= hi)
      rows.push({ at: v.at, kind: T.visit, text: brokerName(v.broker, lang), cls: 'visit' });
  for (const a of d.alerts)
    if (a.at)
      rows.push({
        at: a.at,
        kind: T.alertKind,
        text: `${severityWords(a.severity, lang)}${lang === 'ja' ? '：' : ': '}${alertText(a, lang)}`,
        cls: 'flag',
      });
  for (const e of d.accountEvents) {
    const at = whenOf(e);
    if (at)
      rows.push({
        at,
        kind: T.changeKind,
        text: accountEventText(e),
        cls: markOf(x.flags, str(e, 'id') ?? '', T, lang).cls,
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

/** 「中国」「香港」: the countries (or hosting networks) the case's logins came from. */
function placesOf(c: EvidenceCase, lang: ReportLang): string[] {
  const out: string[] = [];
  for (const x of c.logins) {
    const ip = parseIp(x.login.ip);
    if (!ip) continue;
    const p = providerOf(ip)?.label ?? (countryOf(ip) ? countryName(countryOf(ip)!, lang) : undefined);
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}

/** The one sentence of the 要点: what happened, when, from where, what it cost. */
export function storySentence(c: EvidenceCase, st: DamageStatement, lang: ReportLang): string | undefined {
  const T = REPORT_TEXT[lang];
  const events = caseEvents(c);
  if (!events.length) return undefined;
  const parts: string[] = [];
  const logins = c.logins.filter((x) => x.login.result === 'success').length;
  const places = placesOf(c, lang);
  if (logins) parts.push(places.length ? T.storyLogins(logins, joinList(places, lang)) : T.storyLoginsNoWhere(logins));
  const soldStocks = new Set(st.sold.rows.map((r) => `${r.trade.symbol ?? r.trade.name}|${r.trade.account.label}`))
    .size;
  if (st.sold.rows.length) parts.push(T.storySold(soldStocks, byCurrency(st.sold.total.byCurrency, lang)));
  const buys = st.buyLoss.rows;
  if (buys.length) {
    const named = buys
      .slice(0, 3)
      .map(
        (r) =>
          [r.trade.symbol, r.trade.name].filter(Boolean).join(' ') +
          (r.trade.quantity !== undefined ? ` ${T.shares(number(r.trade.quantity, lang))}` : ''),
      );
    if (buys.length > 3) named.push(T.andMore(buys.length - 3));
    parts.push(T.storyBought(joinList(named, lang)));
  }
  if (c.accountChanges.length) parts.push(T.storyChanges(c.accountChanges.length));
  const first = events[0]!;
  const last = events[events.length - 1]!;
  const [a, b] = timeSpan(jst(first.at, first.dateOnly), jst(last.at, last.dateOnly), lang).split(
    lang === 'ja' ? '〜' : ' to ',
  );
  return b ? T.storyJoin(a!, b, parts) : T.storyJoinAt(a!, parts);
}

function keyPoints(input: ReportInput & { caseFile: EvidenceCase; damage: DamageStatement }, x: Ctx): Html {
  const { T, lang } = x;
  const c = input.caseFile;
  const st = input.damage;
  const events = caseEvents(c);
  const story = storySentence(c, st, lang);
  if (!story) return html`<section class="keypoints"><h2>${T.keyPoints}</h2><p>${T.keyNone}</p></section>`;
  const byStanding = (list: Array<{ standing: Standing }>, s: Standing) => list.filter((y) => y.standing === s).length;
  const what = [
    count(
      byStanding(c.logins, 'not-mine'),
      T.notMineLogins,
      { one: 'login not the holder', other: 'logins not the holder' },
      lang,
    ),
    count(
      byStanding(c.orders, 'not-mine'),
      T.notMineOrders,
      { one: 'trade not the holder', other: 'trades not the holder' },
      lang,
    ),
    count(
      byStanding(c.accountChanges, 'not-mine'),
      T.notMineChanges,
      { one: 'account change not the holder', other: 'account changes not the holder' },
      lang,
    ),
  ];
  const suspects = [
    [
      byStanding(c.logins, 'suspect'),
      T.suspectLogins,
      { one: 'login with an unanswered alert', other: 'logins with an unanswered alert' },
    ],
    [
      byStanding(c.orders, 'suspect'),
      T.suspectOrders,
      { one: 'trade with an unanswered alert', other: 'trades with an unanswered alert' },
    ],
    [
      byStanding(c.accountChanges, 'suspect'),
      T.suspectChanges,
      { one: 'account change with an unanswered alert', other: 'account changes with an unanswered alert' },
    ],
  ] as const;
  const envs = [
    ...new Set(c.logins.map((y) => `${loginEnvironmentWords(y.login, lang)}${y.login.ip ? ` ${y.login.ip}` : ''}`)),
  ];
  const cost: Array<[string, string]> = [];
  if (st.sold.rows.length) cost.push([T.costSold, byCurrency(st.sold.total.byCurrency, lang)]);
  if (st.buyLoss.rows.length) {
    const t = sumBuys(st);
    const foreign = Object.keys(t).some((k) => k !== 'JPY');
    cost.push([
      T.costBought,
      byCurrency(t, lang) +
        (foreign
          ? lang === 'ja'
            ? `（${T.yenTotal(amount(buysJpy(st).jpy, 'JPY', lang), buysJpy(st).unconverted)}）`
            : ` (${T.yenTotal(amount(buysJpy(st).jpy, 'JPY', lang), buysJpy(st).unconverted)})`
          : ''),
    ]);
  }
  if (st.fees.total.jpy || Object.keys(st.fees.total.byCurrency).length)
    cost.push([T.costFees, byCurrency(st.fees.total.byCurrency, lang)]);
  if (st.tax.perAccount.length) cost.push([T.costTax, amount(st.tax.combined.totalJpy, 'JPY', lang)]);
  const sep = lang === 'ja' ? '、' : ', ';
  return html`<section class="keypoints" id="key-points"><h2>${T.keyPoints}</h2>
<p class="summary" data-field="story">${story}</p>
<dl class="kv">
<dt>${T.keyWhen}</dt><dd>${timeSpan(jst(events[0]!.at, events[0]!.dateOnly), jst(events[events.length - 1]!.at, events[events.length - 1]!.dateOnly), lang)} (JST)</dd>
<dt>${T.keyFrom}</dt><dd>${envs.length ? envs.map((e) => html`${e}<br>`) : T.unknown}</dd>
<dt>${T.keyWhat}</dt><dd>${what.filter((w, i) => [c.logins, c.orders, c.accountChanges][i]!.some((y) => y.standing === 'not-mine')).join(sep)}${
    suspects.some(([n]) => n)
      ? html`<br>${suspects
          .filter(([n]) => n)
          .map(([n, ja, en]) => count(n, ja, en, lang))
          .join(sep)}`
      : ''
  }</dd>
<dt>${T.keyCost}</dt><dd>${cost.length ? cost.map(([k, v]) => html`${k}: <strong>${v}</strong><br>`) : T.none}</dd>
<dt>${T.keyAsk}</dt><dd>${T.keyAskText(events.length)}</dd>
<dt>${T.keyStanding}</dt><dd class="note">${T.keyBasis[c.basis] ?? ''}</dd>
</dl></section>`;
}

function sumBuys(st: DamageStatement): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of st.buyLoss.rows) if (r.cost) out[r.cost.currency] = (out[r.cost.currency] ?? 0) + r.cost.amount;
  return out;
}
function buysJpy(st: DamageStatement): { jpy: number; unconverted: number } {
  let jpy = 0,
    unconverted = 0;
  for (const r of st.buyLoss.rows)
    if (r.cost?.jpy !== undefined) jpy += r.cost.jpy;
    else unconverted++;
  return { jpy, unconverted };
}

function todoSection(brokers: string[], x: Ctx): Html {
  const { T, lang } = x;
  const cat = CATALOGUES[lang];
  return html`${brokers.map(
    (b) =>
      html`<h3>${lang === 'ja' ? `${T.todoTitle}（${brokerName(b, lang)}）` : `${T.todoTitle} (${brokerName(b, lang)})`}</h3><ol>${whatToDo(b).map((s) => html`<li>${formatMessage(cat, s.key)}${s.url ? html` <span class="mono">${s.url}</span>` : ''}</li>`)}</ol>`,
  )}`;
}

/** The report's stylesheet (tests/meta/contrast.test.ts checks its colours). */
export const REPORT_CSS_TEXT = `
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
.blank { display: inline-block; min-width: 22mm; border-bottom: 1px solid #555; color: #4d4d4d; font-size: 8pt; }
.blank.wide { min-width: 50mm; }
.total { font-weight: bold; text-align: right; }
.keypoints { border: 2px solid #b3261e; padding: 1mm 4mm 3mm; margin: 3mm 0; break-after: page; }
.keypoints h2 { margin-top: 2mm; }
.keypoints .summary { border: 0; padding: 0; font-size: 12pt; }
.keypoints .kv { grid-template-columns: 30mm 1fr; }
.suspect { font-size: 7.5pt; color: #7a4a00; font-weight: bold; }
tr.sum td { font-weight: bold; background: #f3f4f6; }
td.src { font-size: 7pt; }
h4 { font-size: 9.5pt; margin: 2mm 0 1mm; }
ol, ul { margin: 1mm 0 2mm 5mm; padding-left: 4mm; }
li { margin: 0.8mm 0; }
.files td:last-child { white-space: normal; }
.files td:first-child { white-space: nowrap; font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; }
footer { margin-top: 8mm; font-size: 8pt; color: #555; border-top: 1px solid #999; padding-top: 2mm; }
@media print { body { padding: 0; max-width: none; } h2 { -webkit-print-color-adjust: exact; print-color-adjust: exact; } tr.flag td, table.rows th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } .break { break-before: page; } }
`;
const CSS = trusted(REPORT_CSS_TEXT);

/** The earliest and latest time among the rows: one pass (a sort of every time grew faster than the rows). */
function timeSpanOf(lists: ReadonlyArray<ReadonlyArray<{ at: string }>>): { first: string; last: string } | undefined {
  let first: { at: string; t: number } | undefined;
  let last: { at: string; t: number } | undefined;
  for (const rows of lists)
    for (const e of rows) {
      const t = ms(e.at);
      if (Number.isNaN(t)) continue;
      if (!first || t < first.t) first = { at: e.at, t };
      if (!last || t >= last.t) last = { at: e.at, t };
    }
  return first && last ? { first: first.at, last: last.at } : undefined;
}

function brokersOf(lists: ReadonlyArray<ReadonlyArray<{ broker: string }>>): string[] {
  const out = new Set<string>();
  for (const rows of lists) for (const e of rows) out.add(e.broker);
  return [...out];
}

export function renderReport(given: ReportInput): string {
  const caseFile = given.caseFile ?? caseOf(given.data);
  const damage =
    given.damage ??
    damageStatement({
      case: caseFile,
      orders: given.data.lotOrders ?? given.data.orders,
      holdings: given.data.holdings,
    });
  const input = { ...given, caseFile, damage };
  const { data: d, lang } = input;
  const T = REPORT_TEXT[lang];
  const context = input.contextRows ?? 3;
  const c = input.caseFile;
  const flags = caseFlags(c, d);
  const x: Ctx = { d, T, lang, flags, snaps: new Map(d.snapshots.map((s) => [s.id, s])) };
  const events = caseEvents(c);
  const anyCase = events.length > 0;
  const logins = anyCase ? caseRows(d.logins, flags, context) : d.logins.slice(-RECENT_WHEN_UNFLAGGED);
  const orders = anyCase ? caseRows(d.orders, flags, context) : d.orders.slice(-RECENT_WHEN_UNFLAGGED);
  const span = timeSpanOf([d.logins, d.orders]);
  const brokers = brokersOf([d.logins, d.orders, d.snapshots]);
  const scopeText = [
    d.scope.broker ? `${T.broker}: ${brokerName(d.scope.broker, lang)}` : `${T.broker}: ${T.allBrokers}`,
    d.scope.from || d.scope.to ? `${T.period}: ${jst(d.scope.from)} 〜 ${jst(d.scope.to)}` : '',
    d.scope.incidentId ? T.incident : '',
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
  const byStanding = <E extends { standing: Standing }>(list: E[], s: Standing) => list.filter((y) => y.standing === s);
  const caseTable = (title: string, body: Html | false) =>
    body ? html`<section><h2>${title}</h2>${body}</section>` : '';
  const loginsOf = (s: Standing) => byStanding(c.logins, s).map((y) => y.login);
  const ordersOf = (s: Standing) => byStanding(c.orders, s).map((y) => y.trade.order);
  const changesOf = (s: Standing) => byStanding(c.accountChanges, s).map((y) => y.change);
  const cnt = (n: number, ja: string, one: string, other: string) => count(n, ja, { one, other }, lang);

  const body = html`
<header><p class="lang">${T.otherLanguage}</p><h1>${T.title}</h1>
<p>${T.intro}</p><p><strong>${T.forWhom}</strong></p>
<dl class="fill"><dt>${T.holder}</dt><dd></dd><dt>${T.contact}</dt><dd></dd><dt>${T.policeNo}</dt><dd></dd><dt>${T.brokerNo}</dt><dd></dd></dl>
</header>
${keyPoints(input, x)}
<section><h2>${T.recordsAbout}</h2><dl class="meta"><dt>${T.broker}</dt><dd>${brokerList(brokers, lang) || '—'}</dd><dt>${T.scope}</dt><dd>${scopeText}</dd>
<dt>${T.dataSpan}</dt><dd>${span ? `${jst(span.first)} 〜 ${jst(span.last)}` : '—'}</dd>
<dt>${T.counts}</dt><dd>${[
    cnt(d.logins.length, T.logins, 'login', 'logins'),
    cnt(d.orders.length, T.orders, 'order or execution', 'orders and executions'),
    cnt(d.visits.length, T.visits, 'visit from this browser', 'visits from this browser'),
    cnt(d.alerts.length, T.alerts, 'alert', 'alerts'),
    cnt(d.accountEvents.length, T.accountEvents, 'account change', 'account changes'),
    cnt(d.snapshots.length, T.snapshots, 'saved page', 'saved pages'),
  ].join(lang === 'ja' ? '、' : ', ')}${input.snapshotsWithheld ? ` ${T.snapshotsWithheld}` : ''}</dd>
<dt>${T.logChain}</dt><dd>${input.logCheck.ok ? T.logOk(input.logCheck.count) : T.logBroken(input.logCheck.brokenAt ?? 0)}</dd>
<dt>${T.storeCheck}</dt><dd>${input.storeCheck.mismatched.length ? T.storeBad(input.storeCheck.mismatched.join(', ')) : T.storeOk(input.storeCheck.checked)}${input.storeCheck.missing.length ? ` · ${T.missingBodies(input.storeCheck.missing.length)}` : ''}</dd></dl>
<p class="note">${T.timeNote} ${T.exportTimeNote}</p></section>
${damageSection({ st: input.damage, T, lang, snapshots: x.snaps })}
${caseTable(T.notMineLogins, loginsOf('not-mine').length > 0 && loginTable(loginsOf('not-mine'), x))}
${caseTable(T.suspectLogins, loginsOf('suspect').length > 0 && loginTable(loginsOf('suspect'), x))}
${caseTable(T.notMineOrders, ordersOf('not-mine').length > 0 && orderTable(ordersOf('not-mine'), x))}
${caseTable(T.suspectOrders, ordersOf('suspect').length > 0 && orderTable(ordersOf('suspect'), x))}
${caseTable(T.notMineChanges, changesOf('not-mine').length > 0 && changeTable(changesOf('not-mine'), x))}
${caseTable(T.suspectChanges, changesOf('suspect').length > 0 && changeTable(changesOf('suspect'), x))}
<section class="break"><h2>${anyCase ? T.contextTitle : T.flaggedLogins}</h2>${anyCase ? html`<p class="note">${T.contextNote}</p>` : ''}${logins.length ? loginTable(logins, x) : html`<p>${T.none}</p>`}${d.logins.length > logins.length ? html`<p class="note">${T.truncated(logins.length, d.logins.length, 'data/logins.csv')}</p>` : ''}
${orders.length ? orderTable(orders, x) : ''}${d.orders.length > orders.length ? html`<p class="note">${T.truncated(orders.length, d.orders.length, 'data/orders.csv')}</p>` : ''}</section>
${d.accountEvents.length ? html`<section><h2>${T.accountEventsTitle}</h2>${changeTable(d.accountEvents, x)}</section>` : ''}
${d.alerts.length ? html`<section><h2>${T.alertsTitle}</h2><table class="rows"><thead><tr><th>${T.date}</th><th>${T.broker}</th><th>${T.severity}</th><th>${T.about}</th><th>${T.verdict}</th></tr></thead><tbody>${d.alerts.map((a) => html`<tr class="flag"><td class="t">${when(a.at)}</td><td class="s">${brokerName(a.broker ?? '', lang)}</td><td class="s">${severityWords(a.severity, lang)}</td><td class="w">${alertText(a, lang)}</td><td>${a.verdict === 'not-mine' ? T.markNotMine : a.verdict === 'mine' ? T.markMine : T.markSuspect}</td></tr>`)}</tbody></table></section>` : ''}
${environmentsSection(x)}
${timelineSection(logins, orders, x)}
<section class="break" id="hand-over">${anyCase ? html`<h2>${T.todoTitle}</h2>${todoSection([...new Set(events.map((e) => e.broker))], x)}` : ''}
<h2>${T.police}</h2><ol>${T.policeItems.map((i) => html`<li>${i}</li>`)}</ol>
<h2>${T.brokerAsk}</h2><ol>${T.brokerItems.map((i) => html`<li>${i}</li>`)}</ol>
${events.length ? html`<h3 id="access-log">${T.brokerTimes}</h3><p class="note">${T.accessLogNote}</p><table class="rows access"><thead><tr><th>${T.date} (JST)</th><th>${T.utc}</th><th>${T.broker}</th><th>${T.kind}</th><th>${T.standing}</th></tr></thead><tbody>${events.map((a) => html`<tr><td class="t">${jst(a.at, a.dateOnly)}${a.dateOnly ? html` <span class="utc">${T.dateOnly}</span>` : ''}</td><td class="t">${utc(a.at, a.dateOnly)}</td><td>${brokerName(a.broker, lang)}</td><td>${a.kind === 'login' ? T.loginKind : a.kind === 'order' ? T.orderKind : T.changeKind}</td><td>${a.standing === 'not-mine' ? T.markNotMine : T.markSuspect}</td></tr>`)}</tbody></table>` : ''}</section>
<section><h2>${T.files}</h2><table class="rows files"><thead><tr><th>${T.file}</th><th>${T.holds}</th></tr></thead><tbody>${guide.map(([p, what]) => html`<tr><td>${p}</td><td>${what}</td></tr>`)}</tbody></table>
<h3>${T.verifyTitle}</h3><ul>${T.verifyItems.map((i) => html`<li>${i}</li>`)}</ul>
<p class="note">${T.csvNote}</p>${input.masked ? html`<p class="note"><strong>${T.maskNote}</strong></p>` : ''}</section>
<footer>${T.title} · ${lang === 'ja' ? '株ガード' : 'Kabu Guard'}</footer>`;

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
