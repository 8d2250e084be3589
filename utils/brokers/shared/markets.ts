// Markets, currencies and symbols as Japanese brokers print them, normalised
// so that rules can ask "was this a Hong Kong buy?" whatever the source:
// a page (市場 `香港`), a CSV (通貨 `HKドル`), or SBI's new site (`GOOG NASDAQ`).
// The 2025 takeovers bought HK/China small caps (brokers.md §4), so region and
// currency must be read even when a page shows only one of them.

import { cleanText, normalizeText } from './text';

export const MARKET_REGIONS = ['JP', 'US', 'HK', 'CN', 'SG', 'KR', 'VN', 'TH', 'ID', 'MY', 'UNKNOWN'] as const;
export type MarketRegion = (typeof MARKET_REGIONS)[number];

/** Market words, tried in order (longer and more specific first). Matched on NFKC text. */
const MARKET_WORDS: Array<{ re: RegExp; region: MarketRegion }> = [
  // Japan: 東証 (incl. 東証(外) = foreign stocks listed in Tokyo, brokers.md §2.4), 名証, 福証, 札証, PTS, ToSTNeT
  {
    re: /東証|東京|名証|名古屋|福証|福岡|札証|札幌|PTS|ToSTNeT|JNX|ジャパンネクスト|Cboe\s*Japan|^TSE$|^東$|^名$|^福$|^札$|国内/i,
    region: 'JP',
  },
  // 中国株(香港) names the HK market; check HK before the generic China words
  { re: /香港|HKEX|HKSE|^HK$|Hong\s*Kong|SEHK/i, region: 'HK' },
  { re: /上海|深セン|深せん|深圳|SSE|SZSE|中国/i, region: 'CN' },
  { re: /NASDAQ|ナスダック|NYSE|ニューヨーク|AMEX|BATS|Cboe|OTC|米国|アメリカ|^US$|^米$/i, region: 'US' },
  { re: /シンガポール|SGX|^SG$/i, region: 'SG' },
  { re: /KOSPI|KOSDAQ|韓国|KRX/i, region: 'KR' },
  { re: /ベトナム|ホーチミン|ハノイ|HOSE|HNX|^VN$/i, region: 'VN' },
  { re: /タイ|^SET$|^TH$/i, region: 'TH' },
  { re: /インドネシア|IDX|^ID$/i, region: 'ID' },
  { re: /マレーシア|Bursa|^MY$/i, region: 'MY' },
];

/** Currency words → ISO 4217. `ＵＳドル` (older Rakuten CSVs) becomes `USドル` under NFKC. */
const CURRENCY_WORDS: Array<{ re: RegExp; code: string }> = [
  { re: /^(円|日本円|JPY|¥)$/i, code: 'JPY' },
  { re: /^(米ドル|USドル|米国ドル|US\$|USD|\$|ドル)$/i, code: 'USD' },
  { re: /^(HKドル|香港ドル|HK\$|HKD)$/i, code: 'HKD' },
  { re: /^(人民元|中国人民元|元|CNY|RMB|CNH)$/i, code: 'CNY' },
  { re: /^(SGドル|シンガポールドル|SGD|S\$)$/i, code: 'SGD' },
  { re: /^(ウォン|韓国ウォン|KRW)$/i, code: 'KRW' },
  { re: /^(ドン|ベトナムドン|VND)$/i, code: 'VND' },
  { re: /^(バーツ|タイバーツ|THB)$/i, code: 'THB' },
  { re: /^(ルピア|インドネシアルピア|IDR)$/i, code: 'IDR' },
  { re: /^(リンギット|マレーシアリンギット|MYR)$/i, code: 'MYR' },
];

const REGION_OF_CURRENCY: Record<string, MarketRegion> = {
  USD: 'US',
  HKD: 'HK',
  CNY: 'CN',
  SGD: 'SG',
  KRW: 'KR',
  VND: 'VN',
  THB: 'TH',
  IDR: 'ID',
  MYR: 'MY',
};

/** `米ドル` → `USD`; undefined when the text names no currency we know. */
export function currencyCode(text: string | null | undefined): string | undefined {
  const t = normalizeText(text).replace(/\s+/g, '');
  if (!t || /^-+$/.test(t)) return undefined;
  for (const { re, code } of CURRENCY_WORDS) if (re.test(t)) return code;
  return undefined;
}

/** The region a market name means, or undefined if the text names no market. */
export function regionOfMarket(market: string | null | undefined): MarketRegion | undefined {
  const t = normalizeText(market);
  if (!t || /^-+$/.test(t)) return undefined;
  for (const { re, region } of MARKET_WORDS) if (re.test(t)) return region;
  return undefined;
}

export interface RegionHints {
  market?: string | undefined;
  currency?: string | undefined;
  symbol?: string | undefined;
  /** Where the row came from, when the page itself says (Rakuten's 取引履歴（米国株式）). */
  pageRegion?: MarketRegion | undefined;
}

/**
 * Market first, then the page's own region, then the currency: a yen-settled
 * HK buy still says 香港 in 市場, and a Rakuten US CSV has no market column but
 * a 決済通貨. A 4–5 digit code with HKドル is HK (brokers.md §4).
 */
export function marketRegion(h: RegionHints): MarketRegion {
  const byMarket = regionOfMarket(h.market);
  if (byMarket) return byMarket;
  if (h.pageRegion) return h.pageRegion;
  const ccy = currencyCode(h.currency);
  if (ccy && REGION_OF_CURRENCY[ccy]) return REGION_OF_CURRENCY[ccy]!;
  const sym = normalizeText(h.symbol);
  // a domestic code is 4 characters, digits or digit-letter (130A) since 2024
  if (ccy === 'JPY' || (!ccy && /^\d{3}[0-9A-Z]$/.test(sym))) return 'JP';
  return 'UNKNOWN';
}

/**
 * Symbols as shown but comparable: half-width, no spaces, US tickers upper
 * case; HK codes keep their zero padding (`08327` ≠ `8327` as text, shown as
 * the broker shows them). `--`/`-` is no symbol.
 */
export function normaliseSymbol(symbol: string | null | undefined, region?: MarketRegion): string | undefined {
  let s = normalizeText(symbol).replace(/\s+/g, '');
  if (!s || /^-+$/.test(s)) return undefined;
  // SBI links carry `i_stock_sec=6846+` (a padded field), brokers.md §2.2
  s = s.replace(/\+$/, '');
  if (region === 'US' || /^[a-z.\-]+$/i.test(s)) s = s.toUpperCase();
  return s;
}

/** Exchanges that SBI's new site prints after the ticker (`GOOG NASDAQ`, brokers.md §2.3), one or two words. */
const EXCHANGES =
  /^(NYSE Arca|NYSE American|NYSE MKT|NYSE|NASDAQ|AMEX|OTC|TSE|HKEX|SEHK|SSE|SZSE|SGX|KOSPI|KOSDAQ|HOSE|HNX|SET|IDX|Bursa)$/i;
const TICKER = /^[A-Z0-9][A-Z0-9.\-]{0,9}$/;
const JP_OR_HK_CODE = /^(\d{3}[0-9A-Z]|\d{5})$/;

export interface Instrument {
  name?: string;
  symbol?: string;
  market?: string;
}

/**
 * An instrument written in one string: `アルファベット C GOOG NASDAQ` (SBI new
 * site), `ペプシコ PEP / NASDAQ` (SBI yakujo CSV, brokers.md §2.4),
 * `中央製作所 6846 名証` or `7203 トヨタ自動車` (legacy cells). Words are tested
 * half-width but the name is kept as shown (full-width included).
 */
export function splitInstrument(text: string | null | undefined): Instrument {
  const shown = cleanText(text);
  if (!shown) return {};
  const words = shown.split(' ');
  const norm = words.map((w) => w.normalize('NFKC'));
  const name = (from: number, to: number) => (to > from ? words.slice(from, to).join(' ') : undefined);
  const out = (n: string | undefined, symbol: string | undefined, market: string | undefined): Instrument => ({
    ...(n ? { name: n } : {}),
    ...(symbol ? { symbol } : {}),
    ...(market ? { market } : {}),
  });
  // a bare domestic or HK code (a 銘柄 column holding the code, its name in the next column)
  if (words.length === 1 && JP_OR_HK_CODE.test(norm[0]!)) return out(undefined, norm[0], undefined);
  // `<TICKER> / <name> [<market>]` (Rakuten's US 注文照会: `AAPL / アップル 米国市場`, docs/brokers.md "Real samples")
  if (norm[1] === '/' && norm.length > 2 && TICKER.test(norm[0]!) && /[A-Z]/.test(norm[0]!)) {
    const last = words[words.length - 1]!;
    const market = words.length > 3 && regionOfMarket(last) && last.length <= 8 ? last : undefined;
    return out(name(2, market ? words.length - 1 : words.length), norm[0], market);
  }
  // `<name> [東]9399` (松井) and `<name> (1343)` (kabu.com): the code last, its market in brackets
  const tail = /^(?:\[([^\]]{1,6})\])?\(?(\d{3}[0-9A-Z]|\d{5})\)?$/.exec(norm[norm.length - 1]!);
  if (words.length > 1 && tail && (tail[1] || /^\(.*\)$/.test(norm[norm.length - 1]!)))
    return out(name(0, words.length - 1), tail[2], tail[1]);
  // `<name> <TICKER> / <exchange>`
  const slash = norm.lastIndexOf('/');
  if (slash >= 1 && slash < norm.length - 1 && TICKER.test(norm[slash - 1]!)) {
    return out(name(0, slash - 1), norm[slash - 1], norm.slice(slash + 1).join(' '));
  }
  // `<name> <TICKER> <EXCHANGE>` with one- or two-word exchanges
  for (const n of [2, 1]) {
    if (norm.length < n) continue;
    const ex = norm.slice(-n).join(' ');
    if (!EXCHANGES.test(ex)) continue;
    const at = norm.length - n - 1;
    if (at >= 0 && TICKER.test(norm[at]!) && /[A-Z]/.test(norm[at]!)) return out(name(0, at), norm[at], ex);
    return out(name(0, norm.length - n), undefined, ex);
  }
  // `<code> <name> [<market>]`
  if (JP_OR_HK_CODE.test(norm[0]!) && words.length > 1) {
    const last = norm[norm.length - 1]!;
    if (words.length > 2 && regionOfMarket(last) && last.length <= 8)
      return out(name(1, words.length - 1), norm[0], words[words.length - 1]);
    return out(name(1, words.length), norm[0], undefined);
  }
  // `<name> <code> [<market>]`
  for (let i = words.length - 1; i >= 1; i--) {
    if (!JP_OR_HK_CODE.test(norm[i]!)) continue;
    const tail = words.slice(i + 1).join(' ');
    if (!tail || regionOfMarket(tail)) return out(name(0, i), norm[i], tail || undefined);
  }
  // `<name><code><market>` run together: name, code and market in adjacent spans with no space between
  // (GMOクリック証券's order list, `大成建設1801東証`: docs/brokers.md "Real samples"). Only with a known
  // market after the code: a name may end in a year (`第1回債券2025`)
  const glued = /^(.*\D)(\d{3}[0-9A-Z])(\D{1,8})$/.exec(norm[norm.length - 1]!);
  if (glued && regionOfMarket(glued[3]!)) {
    const last = words[words.length - 1]!;
    const cut = last.length - (glued[2]!.length + glued[3]!.length);
    const glueName = [...words.slice(0, -1), last.slice(0, cut)].join(' ');
    return out(glueName, glued[2], glued[3]);
  }
  return { name: shown };
}

/** 国内株式 / 米国株式 / 中国株式 ... (Rakuten's 種別, SBI's section rows, Monex's 商品). */
export function regionOfAssetClass(text: string | undefined, symbol: string | undefined): MarketRegion | undefined {
  const t = normalizeText(text);
  if (!t) return undefined;
  if (/国内株|日本株|現物株式|株式\(現物/.test(t)) return 'JP';
  if (/米国株/.test(t)) return 'US';
  // Rakuten's 中国株式 covers Hong Kong and mainland listings: the code decides
  if (/中国株|香港株/.test(t)) return /^\d{6}$/.test(symbol ?? '') ? 'CN' : 'HK';
  // 投資信託 sold in Japan are yen products whatever they invest in
  if (/投資信託|投信/.test(t)) return 'JP';
  if (/シンガポール/.test(t)) return 'SG';
  if (/韓国/.test(t)) return 'KR';
  return undefined;
}
