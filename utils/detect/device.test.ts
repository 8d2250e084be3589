// Device classes: versions stripped, full-width labels read, aggregators apart.
import { describe, expect, it } from 'vitest';
import { deviceClassOf, type DeviceFields } from './device';

describe('deviceClassOf', () => {
  it.each<[string, DeviceFields, string]>([
    ['SBI row', { os: 'Windows', browser: 'Chrome 134' }, 'pc|Chrome|Windows'],
    ['browser update', { os: 'Windows 11', browser: 'Chrome 137.0.1' }, 'pc|Chrome|Windows'],
    [
      'Edge says Chrome too',
      {
        userAgent:
          'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0 Safari/537.36 Edg/134.0',
      },
      'pc|Edge|Windows',
    ],
    [
      'iPhone Safari',
      {
        userAgent:
          'Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Mobile/15E148 Safari/604.1',
      },
      'mobile|Safari|iOS',
    ],
    [
      'Chrome on iOS',
      {
        userAgent:
          'Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/134.0 Mobile/15E148 Safari/604.1',
      },
      'mobile|Chrome|iOS',
    ],
    ['Rakuten PC', { channel: 'PC' }, 'pc|-|-'],
    ['full-width ＰＣ', { channel: 'ＰＣ' }, 'pc|-|-'],
    ['Rakuten smartphone', { channel: 'スマートフォン' }, 'mobile|-|-'],
    ['iSPEED', { channel: 'iSPEED' }, 'app:iSPEED|-|-'],
    ['full-width ｉＳＰＥＥＤ', { channel: 'ｉＳＰＥＥＤ' }, 'app:iSPEED|-|-'],
    ['aggregator', { channel: '他社サービスからログイン' }, 'aggregator|-|-'],
    [
      'aggregator with a browser shown',
      { channel: '他社サービスからログイン', os: 'Linux', browser: 'Chrome' },
      'aggregator|-|-',
    ],
    ['nothing shown', {}, 'unknown|-|-'],
  ])('%s', (_n, fields, key) => {
    expect(deviceClassOf(fields).key).toBe(key);
  });
});
