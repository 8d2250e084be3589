import { describe, expect, it } from 'vitest';
import type { LoginEvent, OrderEvent } from '../records';
import type { EvidenceCase } from './case';
import { caseRows } from './case-rows';
import { mergeSameTrades } from './same-trade';

const at = '2025-11-29T10:17:55+09:00';
const c: EvidenceCase = {
  basis: 'answers-and-alerts',
  logins: [
    {
      login: {
        id: 'l',
        broker: 'rakuten',
        at,
        result: 'success',
        channel: 'PC',
        ip: '36.110.123.45',
        os: 'Windows',
        browser: 'Chrome',
      } as LoginEvent,
      standing: 'not-mine',
      alertIds: [],
      sources: [],
    },
  ],
  orders: mergeSameTrades([
    {
      v: 1,
      id: 'o',
      broker: 'rakuten',
      at: '2025-11-29T10:20:00+09:00',
      side: 'buy',
      symbol: '08327',
      name: '香港小型株（架空）',
      quantity: 60000,
      price: 0.78,
      currencyCode: 'HKD',
      account: '特定',
      status: 'executed',
      raw: {},
      snapshotIds: ['s'],
      firstSeenAt: at,
      lastSeenAt: at,
    } as OrderEvent,
  ]).map((trade) => ({ trade, standing: 'suspect' as const, alertIds: [], sources: [] })),
  accountChanges: [
    {
      change: { item: '登録メールアドレス', detail: '変更後: ta***@example.jp' },
      at: '2025-11-29T10:19:00+09:00',
      standing: 'not-mine',
      alertIds: [],
      sources: [],
    },
  ],
};

describe('the case as a short table in words', () => {
  it.each([
    [
      'ja' as const,
      [
        [
          '11/29 10:17:55',
          'ログイン：パソコン（Windows・Chrome）、中国のネットワーク 36.110.123.45',
          undefined,
          'not-mine',
        ],
        ['11/29 10:19:00', '登録情報の変更：登録メールアドレス：変更後: ta***@example.jp', undefined, 'not-mine'],
        // 60,000 × 0.78 = 46,800
        ['11/29 10:20:00', '買付 08327 香港小型株（架空） 60,000株 特定', '46,800 香港ドル', 'suspect'],
      ],
    ],
    [
      'en' as const,
      [
        [
          '11/29 10:17:55',
          'login: a computer (Windows, Chrome), a network in China 36.110.123.45',
          undefined,
          'not-mine',
        ],
        ['11/29 10:19:00', 'account change: 登録メールアドレス: 変更後: ta***@example.jp', undefined, 'not-mine'],
        ['11/29 10:20:00', 'buy, 08327 香港小型株（架空）, 60,000 shares, 特定', '46,800 HKD', 'suspect'],
      ],
    ],
  ])('%s', (lang, expected) => {
    expect(caseRows(c, lang).map((r) => [r.when, r.what, r.amount, r.standing])).toEqual(expected);
  });
});
