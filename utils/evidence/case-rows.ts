// The case as a short table in words: time, what, amount. For the incident
// card and the evidence page (issue 10: cards were walls of text with every
// trade inline in one paragraph); the report has its own fuller tables.

import { formatJst } from '../brokers/shared/dates';
import type { EvidenceCase, Standing } from './case';
import { currencyOf } from './damage';
import { str } from './fields';
import { amount, loginEnvironmentWords, number, type Lang } from './words';

export interface CaseRow {
  kind: 'login' | 'order' | 'account-change';
  at: string;
  /** `11/29 10:17:55`, or the date alone where the page showed no time. */
  when: string;
  what: string;
  amount?: string;
  standing: Standing;
  /** The records it stands for (a trade seen on two pages is two records): what an answer about the row covers. */
  ids: string[];
}

const SIDE = { buy: { ja: '買付', en: 'buy' }, sell: { ja: '売却', en: 'sell' } } as const;

export function caseRows(c: EvidenceCase, lang: Lang): CaseRow[] {
  const rows: CaseRow[] = [];
  const time = (iso: string, dateOnly = false) =>
    dateOnly ? formatJst(iso).slice(5, 10) : formatJst(iso, true).slice(5);
  for (const x of c.logins) {
    const l = x.login;
    const words = loginEnvironmentWords(l, lang);
    const what =
      lang === 'ja'
        ? `ログイン${l.result === 'success' ? '' : '（失敗）'}：${words}${l.ip ? ` ${l.ip}` : ''}`
        : `login${l.result === 'success' ? '' : ' (failed)'}: ${words}${l.ip ? ` ${l.ip}` : ''}`;
    rows.push({ kind: 'login', at: l.at, when: time(l.at), what, standing: x.standing, ids: [l.id] });
  }
  for (const x of c.orders) {
    const o = x.trade.order;
    const cur = currencyOf(o);
    const stock = [o.symbol, o.name].filter(Boolean).join(' ');
    const qty =
      o.quantity !== undefined
        ? lang === 'ja'
          ? `${number(o.quantity, lang)}株`
          : `${number(o.quantity, lang)} shares`
        : '';
    const what = [SIDE[o.side][lang], stock, qty, o.account].filter(Boolean).join(lang === 'ja' ? ' ' : ', ');
    const total = o.quantity !== undefined && o.price !== undefined ? o.quantity * o.price : o.amount;
    rows.push({
      kind: 'order',
      at: o.at,
      when: time(o.at, o.dateOnly),
      what,
      ...(total !== undefined ? { amount: amount(total, cur, lang) } : {}),
      standing: x.standing,
      ids: x.trade.ids,
    });
  }
  for (const x of c.accountChanges) {
    const item = [str(x.change, 'item'), str(x.change, 'detail')].filter(Boolean).join(lang === 'ja' ? '：' : ': ');
    rows.push({
      kind: 'account-change',
      at: x.at,
      when: time(x.at, x.change.dateOnly === true),
      what: `${lang === 'ja' ? '登録情報の変更' : 'account change'}${item ? (lang === 'ja' ? `：${item}` : `: ${item}`) : ''}`,
      standing: x.standing,
      ids: [str(x.change, 'id') ?? ''].filter(Boolean),
    });
  }
  return rows.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
