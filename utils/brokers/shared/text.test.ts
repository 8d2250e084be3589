import { describe, expect, it } from 'vitest';
import { cleanText, headerKey, normalizeText, parseNumber, stableHash } from './text';

describe('normalizeText', () => {
  it.each([
    ['２０２５年３月２９日', '2025年3月29日'],
    ['ＰＣ　スマートフォン', 'PC スマートフォン'],
    ['\u00a0 a \u3000\n\t b\u00a0', 'a b'],
    ['ｱｸｾｽ', 'アクセス'], // half-width katakana
    ['１２３．４５．６７．８９', '123.45.67.89'],
    ['（土）', '(土)'],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%j -> %j', (input, out) => {
    expect(normalizeText(input)).toBe(out);
  });
});

describe('cleanText', () => {
  it('collapses spaces but keeps characters as shown', () => {
    expect(cleanText('\u00a0ＰＣ\u3000 ( Windows )\n')).toBe('ＰＣ ( Windows )');
  });

  // clean text is returned as it is (a fast path): every other whitespace still collapses
  it.each([
    ['a b', 'a b'],
    ['a  b', 'a b'],
    [' a', 'a'],
    ['a ', 'a'],
    ['a\tb', 'a b'],
    ['a\u3000b', 'a b'],
    ['a\u00a0b', 'a b'],
    ['a\u2003b', 'a b'],
    ['a\ufeffb', 'a b'],
    ['a\r\nb', 'a b'],
    ['ａ\u200bｂ', 'ａ\u200bｂ'],
  ])('%j -> %j', (input, out) => {
    expect(cleanText(input)).toBe(out);
  });
});

describe('headerKey', () => {
  it.each([
    ['ログイン日時：', 'ログイン日時'],
    ['ログイン　日時', 'ログイン日時'],
    ['IPアドレス※', 'ipアドレス'],
    ['ＩＰアドレス:', 'ipアドレス'],
    ['OS', 'os'],
  ])('%s -> %s', (input, key) => {
    expect(headerKey(input)).toBe(key);
  });
});

describe('parseNumber', () => {
  it.each([
    ['1,234', 1234],
    ['１，２３４', 1234],
    ['-12.5', -12.5],
    ['+3', 3],
    ['100株', 100],
    ['1,500,000円', 1500000],
    [' 42 ', 42],
  ])('%s -> %s', (input, n) => {
    expect(parseNumber(input)).toBe(n);
  });
  it.each([['-'], ['--'], [''], ['abc'], ['1.2.3'], [null]])('%j is not a number', (input) => {
    expect(parseNumber(input)).toBeUndefined();
  });
});

describe('stableHash', () => {
  it('is stable, 16 hex digits, and tells near texts apart', () => {
    expect(stableHash('2025-03-29T02:41:00+09:00|PC')).toBe(stableHash('2025-03-29T02:41:00+09:00|PC'));
    expect(stableHash('abc')).toMatch(/^[0-9a-f]{16}$/);
    expect(stableHash('2025-03-29T02:41:00+09:00|PC')).not.toBe(stableHash('2025-03-29T02:42:00+09:00|PC'));
    expect(stableHash('')).not.toBe(stableHash(' '));
  });
});
