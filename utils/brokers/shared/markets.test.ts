import { describe, expect, it } from 'vitest';
import { currencyCode, marketRegion, normaliseSymbol, regionOfMarket, splitInstrument } from './markets';

describe('regionOfMarket', () => {
  it.each([
    ['東証', 'JP'],
    ['名証', 'JP'],
    ['福証', 'JP'],
    ['札証', 'JP'],
    ['PTS（X）', 'JP'],
    ['ToSTNeT', 'JP'],
    ['東証（外）', 'JP'],
    ['東証(外)', 'JP'],
    ['NASDAQ', 'US'],
    ['NYSE', 'US'],
    ['NYSE Arca', 'US'],
    ['NYSE American', 'US'],
    ['米国', 'US'],
    ['香港', 'HK'],
    ['中国株(香港)', 'HK'],
    ['中国株（香港）', 'HK'],
    ['HKEX', 'HK'],
    ['上海', 'CN'],
    ['深セン', 'CN'],
    ['深圳', 'CN'],
    ['シンガポール', 'SG'],
    ['SGX', 'SG'],
    ['KOSPI', 'KR'],
    ['KOSDAQ', 'KR'],
    ['韓国', 'KR'],
    ['ベトナム', 'VN'],
    ['タイ', 'TH'],
    ['インドネシア', 'ID'],
    ['マレーシア', 'MY'],
  ])('%s -> %s', (market, region) => {
    expect(regionOfMarket(market)).toBe(region);
  });
  it.each(['', '-', '--', '投資信託'])('%j names no market', (m) => {
    expect(regionOfMarket(m)).toBeUndefined();
  });
});

describe('currencyCode', () => {
  it.each([
    ['円', 'JPY'],
    ['日本円', 'JPY'],
    ['米ドル', 'USD'],
    ['ＵＳドル', 'USD'],
    ['USドル', 'USD'],
    ['米国ドル', 'USD'],
    ['HKドル', 'HKD'],
    ['ＨＫドル', 'HKD'],
    ['香港ドル', 'HKD'],
    ['人民元', 'CNY'],
    ['SGドル', 'SGD'],
    ['ウォン', 'KRW'],
  ])('%s -> %s', (text, code) => {
    expect(currencyCode(text)).toBe(code);
  });
  it.each(['', '-', '外貨', '円貨'])('%j is no currency', (text) => {
    expect(currencyCode(text)).toBeUndefined();
  });
});

describe('marketRegion', () => {
  it.each([
    [{ market: '香港', currency: 'HKドル', symbol: '08327' }, 'HK'],
    [{ currency: 'HKドル', symbol: '01621' }, 'HK'],
    [{ currency: '人民元', symbol: '600519' }, 'CN'],
    [{ currency: 'ＵＳドル', symbol: 'IYR' }, 'US'],
    [{ symbol: '7203' }, 'JP'],
    [{ symbol: '130A' }, 'JP'],
    [{ currency: '円', symbol: '7203' }, 'JP'],
    // the market wins over the currency: a yen-settled HK trade is still HK
    [{ market: '香港', currency: '円' }, 'HK'],
    [{ pageRegion: 'US' as const, currency: '円', symbol: 'TSLA' }, 'US'],
    [{ symbol: 'ABCDE' }, 'UNKNOWN'],
    [{}, 'UNKNOWN'],
  ])('%j -> %s', (hints, region) => {
    expect(marketRegion(hints)).toBe(region);
  });
});

describe('normaliseSymbol', () => {
  it.each([
    ['０８３２７', undefined, '08327'],
    ['08327', 'HK', '08327'],
    ['７２０３', 'JP', '7203'],
    ['goog', 'US', 'GOOG'],
    ['brk.b', undefined, 'BRK.B'],
    ['6846+', 'JP', '6846'],
    [' 130A ', 'JP', '130A'],
    ['--', 'JP', undefined],
    ['', undefined, undefined],
  ] as const)('%j (%s) -> %j', (input, region, out) => {
    expect(normaliseSymbol(input, region)).toBe(out);
  });
});

describe('splitInstrument', () => {
  it.each([
    ['アルファベット C GOOG NASDAQ', { name: 'アルファベット C', symbol: 'GOOG', market: 'NASDAQ' }],
    ['GOOG NASDAQ', { symbol: 'GOOG', market: 'NASDAQ' }],
    ['ペプシコ PEP / NASDAQ', { name: 'ペプシコ', symbol: 'PEP', market: 'NASDAQ' }],
    ['バンガード S&P 500 ETF VOO / NYSE Arca', { name: 'バンガード S&P 500 ETF', symbol: 'VOO', market: 'NYSE Arca' }],
    ['中国小型株Ｄ（架空） 08131 / 香港', { name: '中国小型株Ｄ（架空）', symbol: '08131', market: '香港' }],
    ['中央製作所 6846 名証', { name: '中央製作所', symbol: '6846', market: '名証' }],
    ['7203 トヨタ自動車', { name: 'トヨタ自動車', symbol: '7203' }],
    ['7203 トヨタ自動車 東証', { name: 'トヨタ自動車', symbol: '7203', market: '東証' }],
    // names are kept as shown, full-width included; only whitespace is collapsed
    ['ＳＰＤＲ　Ｓ＆Ｐ５００　ＥＴＦ', { name: 'ＳＰＤＲ Ｓ＆Ｐ５００ ＥＴＦ' }],
    ['iShares CSI300 ETF', { name: 'iShares CSI300 ETF' }],
    // name, code and market in adjacent spans (GMOクリック証券's order list)
    ['大成建設1801東証', { name: '大成建設', symbol: '1801', market: '東証' }],
    ['トヨタ自動車7203', { name: 'トヨタ自動車7203' }],
    ['ＮＥＸＴ ＦＵＮＤＳ 日経平均1357東証', { name: 'ＮＥＸＴ ＦＵＮＤＳ 日経平均', symbol: '1357', market: '東証' }],
    ['第1回債券2025', { name: '第1回債券2025' }],
    ['Apple Watch 2024ABC', { name: 'Apple Watch 2024ABC' }],
    ['', {}],
  ])('%j', (text, parts) => {
    expect(splitInstrument(text)).toEqual(parts);
  });
});
