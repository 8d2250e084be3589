import { describe, expect, it } from 'vitest';
import { CONTROL_CHARS, visible } from './visible';

describe('visible: broker text with its invisible controls shown (issue 11 defect 14)', () => {
  it.each([
    ['right-to-left override', 'invoice\u202egnp.exe', 'invoice[U+202E]gnp.exe'],
    ['isolates', '\u2066a\u2067b\u2068c\u2069', '[U+2066]a[U+2067]b[U+2068]c[U+2069]'],
    [
      'embeddings and marks',
      '\u202a\u202b\u202c\u202d\u200e\u200f\u061c',
      '[U+202A][U+202B][U+202C][U+202D][U+200E][U+200F][U+061C]',
    ],
    ['NUL', 'a\u0000b', 'a[U+0000]b'],
    ['other C0 and DEL', '\u0001\u001b[31m\u007f', '[U+0001][U+001B][31m[U+007F]'],
    ['C1', '\u0085\u009b', '[U+0085][U+009B]'],
    ['line and paragraph separators', 'a\u2028b\u2029', 'a[U+2028]b[U+2029]'],
    ['tab, newline, return stay', 'a\tb\nc\r', 'a\tb\nc\r'],
    ['Japanese and full-width text stay', '楽天証券 ＳＢＩ　ログイン履歴 ①', '楽天証券 ＳＢＩ　ログイン履歴 ①'],
    ['empty', '', ''],
  ])('%s', (_n, input, out) => {
    expect(visible(input)).toBe(out);
    expect(visible(input)).not.toMatch(CONTROL_CHARS);
  });
});
