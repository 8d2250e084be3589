// The after-the-fact page in plain words (issue 10 item 3): a victim who
// installs after the attack reads where the logins came from and what was
// traded the way they would say it themselves — 「iPhone のアプリ（楽天証券アプリ）：
// 2024年から 143回」, 「パソコンのブラウザ：3/29〜4/1 に 3回、深夜」 — not device
// keys and network blocks. Pure.

import { formatJst } from '../brokers/shared/dates';
import { currencyOf } from '../evidence/damage';
import { amount, countryName, number, type Lang } from '../evidence/words';
import type { OrderEvent } from '../records';
import type { Environment } from '../records/environment';

const DAY = 86_400_000;
/** A span shorter than this is told by its dates (3/29〜4/1); a longer one by the year it began. */
const SHORT_SPAN_DAYS = 60;
/** 0:00–4:59 JST: when the 2025 takeovers logged in, and when few people trade. */
const NIGHT_HOURS = [0, 1, 2, 3, 4];

function handset(os: string | undefined, lang: Lang): string {
  if (os && /ios|iphone|ipad/i.test(os)) return os.match(/ipad/i) ? 'iPad' : 'iPhone';
  if (os && /android/i.test(os)) return 'Android';
  return lang === 'ja' ? 'スマートフォン' : 'smartphone';
}

/** 「iPhone の」 but 「スマートフォンの」: a space only after a Latin name. */
const spaced = (name: string) => (/[A-Za-z]$/.test(name) ? `${name} ` : name);

/** 「iPhone のアプリ（楽天証券アプリ）」, 「パソコンのブラウザ（Windows・Chrome）」. */
export function deviceLine(e: Pick<Environment, 'device'>, lang: Lang): string {
  const d = e.device;
  const detail = [d.os, d.browser].filter(Boolean).join(lang === 'ja' ? '・' : ', ');
  const paren = (s: string) => (s ? (lang === 'ja' ? `（${s}）` : ` (${s})`) : '');
  switch (d.channel) {
    case 'app':
      return lang === 'ja'
        ? `${spaced(handset(d.os, lang))}のアプリ${paren(d.app ?? '')}`
        : `the ${d.app ? `${d.app} ` : ''}app on ${/^[aeiou]/i.test(handset(d.os, lang)) ? 'an' : 'a'} ${handset(d.os, lang)}`;
    case 'mobile':
      return lang === 'ja'
        ? `${spaced(handset(d.os, lang))}のブラウザ${paren(d.browser ?? '')}`
        : `the browser on ${/^[aeiou]/i.test(handset(d.os, lang)) ? 'an' : 'a'} ${handset(d.os, lang)}${paren(d.browser ?? '')}`;
    case 'pc':
      return lang === 'ja' ? `パソコンのブラウザ${paren(detail)}` : `a computer's browser${paren(detail)}`;
    case 'aggregator':
      return lang === 'ja' ? '他社サービス（家計簿・資産管理アプリ等の連携）' : 'a linked service (account aggregator)';
    default:
      return lang === 'ja' ? `不明な端末${paren(detail)}` : `an unknown device${paren(detail)}`;
  }
}

/** Where, only when it is worth saying: abroad, or a cloud / VPN network. Japan at home says nothing. */
export function placeLine(e: Pick<Environment, 'network'>, lang: Lang): string | undefined {
  const n = e.network;
  const where = n.country && n.country !== 'JP' ? countryName(n.country, lang) : undefined;
  if (n.provider) {
    const kind = lang === 'ja' ? 'クラウド・VPN など' : 'cloud / VPN';
    return lang === 'ja'
      ? `${n.provider}（${[kind, where].filter(Boolean).join('、')}）`
      : `${n.provider} (${[kind, where].filter(Boolean).join(', ')})`;
  }
  if (where) return lang === 'ja' ? `${where}から` : `from ${where}`;
  return undefined;
}

const md = (iso: string) => {
  const j = formatJst(iso);
  return `${Number(j.slice(5, 7))}/${Number(j.slice(8, 10))}`;
};

/** 「2024年から 143回」, 「3/29〜4/1 に 3回、深夜」, 「4/1 に 1回」. */
export function periodLine(
  e: Pick<Environment, 'firstAt' | 'lastAt' | 'count' | 'hours' | 'thisBrowser'>,
  lang: Lang,
): string {
  const n = e.count;
  const times = lang === 'ja' ? `${number(n, lang)}回` : n === 1 ? 'once' : `${number(n, lang)} times`;
  const span = Date.parse(e.lastAt) - Date.parse(e.firstAt);
  let when: string;
  if (span >= SHORT_SPAN_DAYS * DAY)
    when =
      lang === 'ja'
        ? `${formatJst(e.firstAt).slice(0, 4)}年から ${times}`
        : `${times} since ${formatJst(e.firstAt).slice(0, 4)}`;
  else {
    const a = md(e.firstAt);
    const b = md(e.lastAt);
    const days = a === b ? a : `${a}${lang === 'ja' ? '〜' : '–'}${b}`;
    when = lang === 'ja' ? `${days} に ${times}` : `${times}, ${days}`;
  }
  // a page that shows only the channel names the user's PC and the attacker's alike: say how many were this browser
  if (e.thisBrowser > 0 && e.thisBrowser < n)
    when +=
      lang === 'ja'
        ? `（うちこのブラウザから ${number(e.thisBrowser, lang)}回）`
        : ` (${e.thisBrowser === 1 ? 'once' : `${number(e.thisBrowser, lang)} times`} from this browser)`;
  const total = e.hours.reduce((s, x) => s + x, 0);
  const night = NIGHT_HOURS.reduce((s, h) => s + (e.hours[h] ?? 0), 0);
  // most of its logins at night: said, since that is what makes a victim recognise it is not them
  return total && night * 2 > total ? `${when}${lang === 'ja' ? '、深夜' : ', late at night'}` : when;
}

/** One environment in one line: 「iPhone のアプリ（楽天証券アプリ）：2024年から 143回」. */
export function environmentLine(e: Environment, lang: Lang): string {
  const place = placeLine(e, lang);
  const device = deviceLine(e, lang);
  const who = place ? `${device}${lang === 'ja' ? '、' : ', '}${place}` : device;
  return `${who}${lang === 'ja' ? '：' : ': '}${periodLine(e, lang)}`;
}

/** 「11/29 10:18 売却 トヨタ自動車（7203）200株・特定、約 570,000 円」: the date alone where the page showed only that. */
export function orderLine(o: OrderEvent, lang: Lang): string {
  const when = o.dateOnly ? md(o.at) : `${md(o.at)} ${formatJst(o.at).slice(11)}`;
  const side = o.side === 'sell' ? (lang === 'ja' ? '売却' : 'sold') : lang === 'ja' ? '買付' : 'bought';
  const stock = o.name
    ? `${o.name}${o.symbol ? (lang === 'ja' ? `（${o.symbol}）` : ` (${o.symbol})`) : ''}`
    : (o.symbol ?? '');
  const qty =
    o.quantity !== undefined
      ? lang === 'ja'
        ? `${number(o.quantity, lang)}株`
        : `${number(o.quantity, lang)} shares`
      : '';
  const total = o.quantity !== undefined && o.price !== undefined ? o.quantity * o.price : o.amount;
  const money = total !== undefined ? amount(total, currencyOf(o), lang) : '';
  if (lang === 'ja')
    return `${when} ${side} ${stock}${qty ? ` ${qty}` : ''}${o.account ? `・${o.account}` : ''}${money ? `、${money}` : ''}`;
  return `${when} ${side} ${[qty, stock].filter(Boolean).join(' ')}${o.account ? ` (${o.account})` : ''}${money ? `, ${money}` : ''}`;
}
