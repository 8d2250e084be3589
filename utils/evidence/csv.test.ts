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
    // numbers stay numbers (issue 11 defect 10): a spreadsheet must be able to sum a loss
    [-12345, '-12345'],
    [-0.5, '-0.5'],
    ['-12345', '-12345'],
    ['-1234.5', '-1234.5'],
    ['-1,234', '"-1,234"'],
    // text that would run as a formula, in every spelling a spreadsheet accepts
    ['-12345+1', "'-12345+1"],
    ['-A1', "'-A1"],
    ['＝1+1', "'＝1+1"],
    ['＋81', "'＋81"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    [' =1+1', "' =1+1"],
    ['\u3000=1+1', "'\u3000=1+1"],
    ['\u00a0@x', "'\u00a0@x"],
    ['\n=1+1', `"'\n=1+1"`],
    ['\t-3', "'\t-3"],
    ['- 3', "'- 3"],
  ])('%j -> %s', (input, out) => {
    expect(csvCell(input)).toBe(out);
  });

  it('rows round-trip through the reader (formula guard kept)', () => {
    const cells = ['a', 'b,"c"', '=1+1', '日本語\r\n改行', ''];
    const text = CSV_BOM + csvRow(cells) + csvRow(['x']);
    expect(parseCsv(text)).toEqual([['a', 'b,"c"', "'=1+1", '日本語\r\n改行', ''], ['x']]);
  });
});
