import { describe, expect, it } from 'vitest';
import { amount, brokerList, byCurrency, count, loginEnvironmentWords, money, sourceWords, timeSpan } from './words';

describe('plain words instead of codes', () => {
  it.each([
    // a login row as a broker shows it → words, in both languages
    [
      { channel: 'PC', ip: '36.110.123.45', os: 'Windows 10', browser: 'Chrome 120' },
      'パソコン（Windows・Chrome）、中国のネットワーク',
      'a computer (Windows, Chrome), a network in China',
    ],
    [
      { channel: 'スマートフォン', ip: '203.198.21.7', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari' },
      'スマートフォン（iOS・Safari）、香港のネットワーク',
      'a smartphone (iOS, Safari), a network in Hong Kong',
    ],
    [{ channel: 'iSPEED' }, 'アプリ（iSPEED）', 'the iSPEED app'],
    [
      { channel: 'PC', ip: '198.51.100.7' },
      'パソコン、ネットワーク不明（証券会社の表示なし）',
      'a computer, network not shown by the broker',
    ],
  ])('%j', (login, ja, en) => {
    expect(loginEnvironmentWords(login, 'ja')).toBe(ja);
    expect(loginEnvironmentWords(login, 'en')).toBe(en);
  });

  it.each([
    [1, 'ログイン 1 件', '1 login'],
    [2, 'ログイン 2 件', '2 logins'],
    [0, 'ログイン 0 件', '0 logins'],
  ])('counts %d', (n, ja, en) => {
    expect(count(n, 'ログイン', { one: 'login', other: 'logins' }, 'ja')).toBe(ja);
    expect(count(n, 'ログイン', { one: 'login', other: 'logins' }, 'en')).toBe(en);
  });

  it('joins brokers per language', () => {
    expect(brokerList(['rakuten', 'sbi'], 'ja')).toBe('楽天証券、SBI証券');
    expect(brokerList(['rakuten', 'sbi'], 'en')).toBe('Rakuten Securities and SBI Securities');
  });

  it('names currencies, keeps them apart, and shows the yen with the rate', () => {
    expect(amount(860_000, 'JPY', 'ja')).toBe('860,000 円');
    expect(byCurrency({ HKD: 46_800, JPY: 860_000 }, 'ja')).toBe('46,800 香港ドル、860,000 円');
    expect(byCurrency({ JPY: 810, HKD: 0 }, 'ja')).toBe('810 円');
    // 46,800 × 19.2 = 898,560
    expect(
      money({ currency: 'HKD', amount: 46_800, jpy: 898_560, rate: 19.2, rateSource: 'record' }, 'ja', '（記入）'),
    ).toBe('46,800 香港ドル（898,560 円、1 香港ドル＝19.2 円）');
    expect(money({ currency: 'HKD', amount: 46_800 }, 'ja', '（記入してください）')).toBe(
      '46,800 香港ドル（円換算 （記入してください））',
    );
  });

  it('says where a record was read, not its hash', () => {
    const s = {
      broker: 'rakuten',
      pageKind: 'trade-history' as const,
      capturedAt: '2025-11-29T10:21:07+09:00',
      how: 'visit' as const,
    };
    expect(sourceWords(s, 'ja')).toBe('楽天証券 取引履歴 11/29 10:21 に保存');
    expect(sourceWords(s, 'en')).toBe('Rakuten Securities trade history, saved 11/29 10:21');
    expect(sourceWords({ ...s, how: 'import', fileName: 'tradehistory(JP)_20251129.csv' }, 'ja')).toBe(
      '楽天証券 CSVファイル tradehistory(JP)_20251129.csv 11/29 10:21 に取り込み',
    );
  });

  it('writes a same-day span with the date once', () => {
    expect(timeSpan('2025/11/29 10:17:55', '2025/11/29 10:20:00', 'ja')).toBe('2025/11/29 10:17:55〜10:20:00');
    expect(timeSpan('2025/11/28 23:59:00', '2025/11/29 00:01:00', 'en')).toBe(
      '2025/11/28 23:59:00 to 2025/11/29 00:01:00',
    );
  });
});
