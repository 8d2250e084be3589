// Plain words for what the records hold as codes (issue 10: 「警告 (high)」,
// 「pc / Windows / Chrome / CN / 36.110.0.0/16」, 「JPY」, hash fragments as
// 記録元 and 「1 logins」 were all seen in the report). The report, data
// files and extension pages say things through these, in either language.

import { brokerName } from '../brokers/labels';
import { formatJst } from '../brokers/shared/dates';
import { deviceClassOf, type DeviceFields } from '../detect/device';
import { countryOf, providerOf } from '../detect/geo';
import { parseIp } from '../detect/ip';
import type { Snapshot } from '../records';
import type { Money } from './damage';

export type Lang = 'ja' | 'en';

const nf = (lang: Lang, max = 2) =>
  new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: max });

export function number(n: number, lang: Lang = 'ja', maxFractionDigits = 4): string {
  return nf(lang, maxFractionDigits).format(n);
}

/** 「楽天証券、SBI証券」 / "Rakuten Securities and SBI Securities". */
export function joinList(items: readonly string[], lang: Lang): string {
  try {
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(lang === 'ja' ? '、' : ', ');
  }
}

export function brokerList(ids: readonly string[], lang: Lang): string {
  return joinList(
    [...new Set(ids)].map((id) => brokerName(id, lang)),
    lang,
  );
}

/** 「ログイン 1 件」 / "1 login", "2 logins". Japanese has no plural. */
export function count(n: number, ja: string, en: { one: string; other: string }, lang: Lang): string {
  if (lang === 'ja') return `${ja} ${number(n, 'ja')} 件`;
  const form = new Intl.PluralRules('en').select(n) === 'one' ? en.one : en.other;
  return `${number(n, 'en')} ${form}`;
}

const CURRENCY: Record<string, { ja: string; en: string }> = {
  JPY: { ja: '円', en: 'yen' },
  HKD: { ja: '香港ドル', en: 'HKD' },
  USD: { ja: '米ドル', en: 'USD' },
  CNY: { ja: '人民元', en: 'CNY' },
  SGD: { ja: 'シンガポールドル', en: 'SGD' },
  KRW: { ja: '韓国ウォン', en: 'KRW' },
  EUR: { ja: 'ユーロ', en: 'EUR' },
  UNKNOWN: { ja: '（通貨不明）', en: '(currency unknown)' },
};

export function currencyName(code: string, lang: Lang): string {
  return CURRENCY[code]?.[lang] ?? code;
}

/** 「860,000 円」, 「46,800 香港ドル」 / "860,000 yen", "46,800 HKD". */
export function amount(n: number, currency: string, lang: Lang): string {
  return `${number(n, lang)} ${currencyName(currency, lang)}`;
}

/** 「46,800 香港ドル（898,560 円、1 香港ドル＝19.2 円）」: the original currency and the yen beside it. */
export function money(m: Money, lang: Lang, fillIn: string): string {
  // a zero (no fee) needs no rate beside it
  if (m.currency === 'JPY' || m.amount === 0) return amount(m.amount, m.currency, lang);
  const orig = amount(m.amount, m.currency, lang);
  if (m.jpy === undefined) return lang === 'ja' ? `${orig}（円換算 ${fillIn}）` : `${orig} (in yen: ${fillIn})`;
  const rate =
    lang === 'ja'
      ? `1 ${currencyName(m.currency, 'ja')}＝${number(m.rate!, 'ja')} 円${m.rateSource === 'holder' ? '、記入された為替' : ''}`
      : `at ${number(m.rate!, 'en')} yen per ${m.currency}${m.rateSource === 'holder' ? ', rate given by the holder' : ''}`;
  return lang === 'ja'
    ? `${orig}（${amount(m.jpy, 'JPY', 'ja')}、${rate}）`
    : `${orig} (${amount(m.jpy, 'JPY', 'en')}, ${rate})`;
}

/** Totals per currency, never summed across currencies: 「46,800 香港ドル、860,000 円」. */
export function byCurrency(m: Record<string, number>, lang: Lang): string {
  const entries = Object.entries(m);
  // 「810 円、0 香港ドル」: a currency that adds up to nothing is left out (unless all do)
  const shown = entries.some(([, v]) => v !== 0) ? entries.filter(([, v]) => v !== 0) : entries.slice(0, 1);
  return joinList(
    shown.map(([c, v]) => amount(v, c, lang)),
    lang,
  );
}

/** 「2025/11/29 10:17:55〜10:20:00」: the date once when both ends are on the same day. */
export function timeSpan(from: string, to: string, lang: Lang): string {
  const sep = lang === 'ja' ? '〜' : ' to ';
  if (from === to) return from;
  return from.slice(0, 10) === to.slice(0, 10) && to.length > 10
    ? `${from}${sep}${to.slice(11)}`
    : `${from}${sep}${to}`;
}

// ---------------------------------------------------------------- where a login came from

const COUNTRY: Record<string, { ja: string; en: string }> = {
  JP: { ja: '日本', en: 'Japan' },
  CN: { ja: '中国', en: 'China' },
  HK: { ja: '香港', en: 'Hong Kong' },
  TW: { ja: '台湾', en: 'Taiwan' },
  MO: { ja: 'マカオ', en: 'Macau' },
  KR: { ja: '韓国', en: 'South Korea' },
  US: { ja: 'アメリカ', en: 'the United States' },
  SG: { ja: 'シンガポール', en: 'Singapore' },
  VN: { ja: 'ベトナム', en: 'Vietnam' },
  RU: { ja: 'ロシア', en: 'Russia' },
};

export function countryName(cc: string, lang: Lang): string {
  const known = COUNTRY[cc]?.[lang];
  if (known) return known;
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(cc) ?? cc;
  } catch {
    return cc;
  }
}

export interface DeviceWords {
  channel: 'pc' | 'mobile' | 'app' | 'aggregator' | 'unknown';
  app?: string | undefined;
  os?: string | undefined;
  browser?: string | undefined;
}

/** 「パソコン（Windows・Chrome）」 / "a computer (Windows, Chrome)". */
export function deviceWords(d: DeviceWords, lang: Lang): string {
  const detail = [d.os, d.browser].filter(Boolean) as string[];
  const paren = (s: string) => (lang === 'ja' ? `（${s}）` : ` (${s})`);
  const inner = detail.length ? paren(detail.join(lang === 'ja' ? '・' : ', ')) : '';
  switch (d.channel) {
    case 'pc':
      return (lang === 'ja' ? 'パソコン' : 'a computer') + inner;
    case 'mobile':
      return (lang === 'ja' ? 'スマートフォン' : 'a smartphone') + inner;
    case 'app':
      return lang === 'ja'
        ? `アプリ（${d.app ?? '不明'}${d.os ? `・${d.os}` : ''}）`
        : `the ${d.app ?? ''} app${d.os ? ` (${d.os})` : ''}`;
    case 'aggregator':
      return lang === 'ja' ? '他社サービス（家計簿・資産管理アプリ等の連携）' : 'a linked service (account aggregator)';
    default:
      return (lang === 'ja' ? '不明な端末' : 'an unknown device') + inner;
  }
}

export interface NetworkWords {
  country?: string | undefined;
  provider?: string | undefined;
  /** The block, shown after the words (36.110.0.0/16). */
  block?: string | undefined;
}

/** 「中国のネットワーク（36.110.0.0/16）」, 「Amazon Web Services（クラウド、アメリカ）」. */
export function networkWords(n: NetworkWords, lang: Lang): string {
  const where = n.country ? countryName(n.country, lang) : undefined;
  if (n.provider) {
    const inner = [lang === 'ja' ? 'クラウド・VPNなど' : 'cloud / VPN', where].filter(Boolean);
    return lang === 'ja' ? `${n.provider}（${inner.join('、')}）` : `${n.provider} (${inner.join(', ')})`;
  }
  if (!where && !n.block)
    return lang === 'ja' ? 'ネットワーク不明（証券会社の表示なし）' : 'network not shown by the broker';
  const base = where
    ? lang === 'ja'
      ? `${where}のネットワーク`
      : `a network in ${where}`
    : lang === 'ja'
      ? '国不明のネットワーク'
      : 'a network of unknown country';
  return n.block ? (lang === 'ja' ? `${base}（${n.block}）` : `${base} (${n.block})`) : base;
}

/** A login's environment in words, from the row itself: device class and the address's country. */
export function loginEnvironmentWords(l: DeviceFields & { ip?: string | undefined }, lang: Lang): string {
  const d = deviceClassOf(l);
  const ip = parseIp(l.ip);
  const provider = ip ? providerOf(ip) : undefined;
  const net: NetworkWords = {
    country: ip ? countryOf(ip) : undefined,
    provider: provider?.label,
  };
  const device = deviceWords(d, lang);
  return ip || provider ? `${device}${lang === 'ja' ? '、' : ', '}${networkWords(net, lang)}` : device;
}

// ---------------------------------------------------------------- where a record was read

const PAGE: Record<string, { ja: string; en: string }> = {
  'login-history': { ja: 'ログイン履歴', en: 'login history' },
  'order-inquiry': { ja: '注文照会', en: 'order inquiry' },
  executions: { ja: '約定一覧', en: 'executions' },
  'trade-history': { ja: '取引履歴', en: 'trade history' },
  holdings: { ja: '保有商品一覧', en: 'holdings' },
  'account-changes': { ja: 'お客様情報変更履歴', en: 'account change history' },
  other: { ja: 'ページ', en: 'page' },
};

export function pageKindWords(kind: string | null | undefined, lang: Lang): string {
  return PAGE[kind ?? 'other']?.[lang] ?? PAGE.other![lang];
}

/** 「楽天証券 取引履歴 11/29 10:21 に保存」, 「CSVファイル tradehistory(JP)_20251129.csv 11/29 10:30 に取り込み」. */
export function sourceWords(
  s: { broker: string; pageKind: Snapshot['pageKind']; capturedAt: string; how: Snapshot['how']; fileName?: string },
  lang: Lang,
): string {
  const when = formatJst(s.capturedAt).slice(5);
  const broker = brokerName(s.broker, lang);
  if (s.how === 'import') {
    const file = s.fileName ?? '';
    const csv = /\.csv$/i.test(file);
    if (lang === 'ja')
      return `${broker} ${csv ? 'CSVファイル' : '保存されたファイル'} ${file} ${when} に取り込み`.replace(/\s+/g, ' ');
    return `${broker} ${csv ? 'CSV file' : 'saved file'} ${file}, imported ${when}`.replace(/\s+/g, ' ');
  }
  const page = pageKindWords(s.pageKind, lang);
  const how = s.how === 'background' ? (lang === 'ja' ? '（自動確認）' : ' (background check)') : '';
  return lang === 'ja' ? `${broker} ${page} ${when} に保存${how}` : `${broker} ${page}, saved ${when}${how}`;
}

// ---------------------------------------------------------------- accounts and severities

export function accountWords(label: string | undefined, lang: Lang): string {
  if (!label) return lang === 'ja' ? '口座区分不明' : 'account not shown';
  if (lang === 'ja') return label;
  if (/NISA/i.test(label)) return `NISA (${label})`;
  if (/特定/.test(label)) return 'tokutei (specified) account';
  if (/一般/.test(label)) return 'ippan (general) account';
  return label;
}

const SEVERITY: Record<string, { ja: string; en: string }> = {
  high: { ja: '緊急', en: 'urgent' },
  medium: { ja: '要確認', en: 'check this' },
  low: { ja: '確認をおすすめ', en: 'worth a look' },
  info: { ja: '記録のみ', en: 'logged' },
};

/** The same words as the extension's badges (severityHigh ...): never `high`. */
export function severityWords(s: string | undefined, lang: Lang): string {
  return SEVERITY[s ?? 'info']?.[lang] ?? SEVERITY.info![lang];
}
