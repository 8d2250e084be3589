import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '../records';
import type { Environment } from '../records/environment';
import { environmentLine, orderLine } from './plain-words';

const hours = (at: Record<number, number>) => Array.from({ length: 24 }, (_, h) => at[h] ?? 0);
const env = (over: Partial<Environment>): Environment => ({
  v: 1,
  id: 'env_rakuten_x',
  broker: 'rakuten',
  deviceKey: 'k',
  device: { channel: 'pc' },
  networkKey: 'none',
  network: {},
  firstAt: '2024-01-10T20:00:00+09:00',
  lastAt: '2025-11-20T21:00:00+09:00',
  count: 1,
  thisBrowser: 0,
  elsewhere: 0,
  hours: hours({}),
  alerted: 0,
  preInstall: 0,
  status: 'baseline',
  sampleEventIds: [],
  updatedAt: '2025-11-29T10:00:00+09:00',
  ...over,
});

describe('environments in plain words (issue 10 item 3)', () => {
  it.each([
    [
      'the app on an iPhone, used for years',
      env({ device: { channel: 'app', app: '楽天証券アプリ', os: 'iOS' }, count: 143, hours: hours({ 21: 143 }) }),
      'iPhone のアプリ（楽天証券アプリ）：2024年から 143回',
      'the 楽天証券アプリ app on an iPhone: 143 times since 2024',
    ],
    [
      "a computer's browser, three nights",
      env({
        firstAt: '2025-03-29T02:41:00+09:00',
        lastAt: '2025-04-01T03:10:00+09:00',
        count: 3,
        hours: hours({ 2: 2, 3: 1 }),
      }),
      'パソコンのブラウザ：3/29〜4/1 に 3回、深夜',
      "a computer's browser: 3 times, 3/29–4/1, late at night",
    ],
    [
      'a page that shows only the channel: how many were this browser',
      env({
        device: { channel: 'pc' },
        firstAt: '2025-03-29T02:41:00+09:00',
        lastAt: '2025-05-01T20:00:00+09:00',
        count: 16,
        thisBrowser: 13,
        hours: hours({ 20: 13 }),
      }),
      'パソコンのブラウザ：3/29〜5/1 に 16回（うちこのブラウザから 13回）',
      "a computer's browser: 16 times, 3/29–5/1 (13 times from this browser)",
    ],
    [
      'a smartphone app of no named handset',
      env({ device: { channel: 'app', app: 'iSPEED' }, count: 52, hours: hours({ 12: 52 }) }),
      'スマートフォンのアプリ（iSPEED）：2024年から 52回',
      'the iSPEED app on a smartphone: 52 times since 2024',
    ],
    [
      'abroad, said; one login',
      env({
        device: { channel: 'pc', os: 'Windows', browser: 'Chrome' },
        network: { country: 'CN' },
        firstAt: '2025-11-29T10:17:55+09:00',
        lastAt: '2025-11-29T10:17:55+09:00',
        hours: hours({ 10: 1 }),
      }),
      'パソコンのブラウザ（Windows・Chrome）、中国から：11/29 に 1回',
      "a computer's browser (Windows, Chrome), from China: once, 11/29",
    ],
    [
      'a cloud network',
      env({
        device: { channel: 'mobile', os: 'Android', browser: 'Chrome' },
        network: { provider: 'Amazon Web Services', providerKind: 'cloud', country: 'JP' },
        firstAt: '2025-11-20T12:00:00+09:00',
        lastAt: '2025-11-21T12:00:00+09:00',
        count: 2,
        hours: hours({ 12: 2 }),
      }),
      'Android のブラウザ（Chrome）、Amazon Web Services（クラウド・VPN など）：11/20〜11/21 に 2回',
      'the browser on an Android (Chrome), Amazon Web Services (cloud / VPN): 2 times, 11/20–11/21',
    ],
  ])('%s', (_name, e, ja, en) => {
    expect(environmentLine(e, 'ja')).toBe(ja);
    expect(environmentLine(e, 'en')).toBe(en);
  });

  const order = (over: Partial<OrderEvent>) =>
    ({
      v: 1,
      id: 'order_x',
      broker: 'rakuten',
      at: '2025-11-29T10:18:20+09:00',
      side: 'sell',
      status: 'executed',
      symbol: '7203',
      name: 'トヨタ自動車',
      quantity: 200,
      price: 2850,
      currency: '円',
      account: '特定',
      snapshotIds: [],
      ...over,
    }) as OrderEvent;

  it.each([
    [
      order({}),
      '11/29 10:18 売却 トヨタ自動車（7203） 200株・特定、570,000 円',
      '11/29 10:18 sold 200 shares トヨタ自動車 (7203) (特定), 570,000 yen',
    ],
    [
      order({
        at: '2025-11-29T00:00:00+09:00',
        dateOnly: true,
        side: 'buy',
        symbol: '08327',
        name: '香港小型株',
        quantity: 60000,
        price: 0.78,
        currency: 'HKドル',
        currencyCode: 'HKD',
      }),
      '11/29 買付 香港小型株（08327） 60,000株・特定、46,800 香港ドル',
      '11/29 bought 60,000 shares 香港小型株 (08327) (特定), 46,800 HKD',
    ],
  ])('order %#', (o, ja, en) => {
    expect(orderLine(o, 'ja')).toBe(ja);
    expect(orderLine(o, 'en')).toBe(en);
  });
});
