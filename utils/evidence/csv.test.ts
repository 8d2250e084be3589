import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, parseCsv, CSV_BOM } from './csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['楽天証券', '楽天証券'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+81 3', "'+81 3"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    [' padded ', '" padded "'],
    [12.5, '12.5'],
    [undefined, ''],
  ])('%j -> %s', (input, out) => {
    expect(csvCell(input)).toBe(out);
  });

  it('rows round-trip through the reader (formula guard kept)', () => {
    const cells = ['a', 'b,"c"', '=1+1', '日本語\r\n改行', ''];
    const text = CSV_BOM + csvRow(cells) + csvRow(['x']);
    expect(parseCsv(text)).toEqual([['a', 'b,"c"', "'=1+1", '日本語\r\n改行', ''], ['x']]);
  });
});
