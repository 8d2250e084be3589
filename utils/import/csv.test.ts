import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it.each([
    [
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'a,b\rc,d\r',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['"203,200","x"', [['203,200', 'x']]],
    [
      '"2026/06/17","中央製作所",株式現物買,"--"," 一般 ",100',
      [['2026/06/17', '中央製作所', '株式現物買', '--', ' 一般 ', '100']],
    ],
    ['"say ""hi""",2', [['say "hi"', '2']]],
    ['"two\nlines",x', [['two\nlines', 'x']]],
    ['a,,c', [['a', '', 'c']]],
    ['\ufeffa,b', [['a', 'b']]],
    ['title\n\nh1,h2\n1,2\n\n\n', [['title'], [''], ['h1', 'h2'], ['1', '2']]],
    ['', []],
  ])('%j', (text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });
});
