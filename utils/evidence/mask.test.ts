import { describe, expect, it } from 'vitest';
import { maskRecord, maskText, NO_MASK } from './mask';

const both = { accountNumbers: true, names: true, extraNames: ['山田 太郎'] };

describe('masking', () => {
  it.each([
    ['口座番号 123-4567890 のお客様', '口座番号 ***-****890 のお客様'],
    ['連絡先 taro.yamada@example.jp', '連絡先 t***@example.jp'],
    ['電話 03-1234-5678', '電話 **-****-5678'],
    ['山田 太郎 様', '山＊＊＊ 様'],
    ['山田太郎様', '山＊＊＊様'],
    ['IP 203.0.113.7 から 2025/03/29 02:41', 'IP 203.0.113.7 から 2025/03/29 02:41'],
    ['トヨタ自動車 7203 200株 2,695円', 'トヨタ自動車 7203 200株 2,695円'],
  ])('text %s', (input, out) => {
    expect(maskText(input, both)).toBe(out);
  });

  it('masks by field name and keeps the evidence fields', () => {
    const rec = {
      id: 'login_rakuten_123-4567890',
      at: '2025-03-29T02:41:00+09:00',
      ip: '203.0.113.7',
      name: 'トヨタ自動車',
      raw: {
        口座番号: '4567890',
        氏名: '山田 太郎',
        メールアドレス: 'taro@example.jp',
        住所: '東京都千代田区1-1',
        IPアドレス: '198.51.100.2',
      },
    };
    expect(maskRecord(rec, both)).toEqual({
      id: 'login_rakuten_123-4567890',
      at: '2025-03-29T02:41:00+09:00',
      ip: '203.0.113.7',
      name: 'トヨタ自動車',
      raw: {
        口座番号: '****890',
        氏名: '山＊＊＊',
        メールアドレス: 't***@example.jp',
        住所: '東京都＊＊＊',
        IPアドレス: '198.51.100.2',
      },
    });
  });

  it('is the identity when masking is off', () => {
    const rec = { raw: { 口座番号: '123-4567890' } };
    expect(maskRecord(rec, NO_MASK)).toBe(rec);
  });
});
