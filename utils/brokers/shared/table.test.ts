import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { findTables, mapHeaderRow } from './columns';
import { LOGIN_VOCAB } from './login-history';
import { cellText, readGrids, type Grid } from './table';

const texts = (g: Grid) => g.rows.map((r) => r.map((c) => c.text));
const doc = (body: string) => parseHtml(`<!DOCTYPE html><html><body>${body}</body></html>`);

describe('readGrids: <table>', () => {
  it('expands row- and col-spans so every row is dense', () => {
    const [g] = readGrids(
      doc(`<table>
      <tr><th>日付</th><th>時刻</th><th colspan="2">接続元</th></tr>
      <tr><td rowspan="3">2025/03/01</td><td>12:07</td><td>203.0.113.1</td><td>東京都</td></tr>
      <tr><td>09:05</td><td colspan="2">不明</td></tr>
      <tr><td>00:12</td><td>198.51.100.2</td><td>大阪府</td></tr>
      <tr><td>2025/02/28</td><td>21:40</td><td>203.0.113.1</td><td>東京都</td></tr>
    </table>`),
    );
    expect(texts(g!)).toEqual([
      ['日付', '時刻', '接続元', '接続元'],
      ['2025/03/01', '12:07', '203.0.113.1', '東京都'],
      ['2025/03/01', '09:05', '不明', '不明'],
      ['2025/03/01', '00:12', '198.51.100.2', '大阪府'],
      ['2025/02/28', '21:40', '203.0.113.1', '東京都'],
    ]);
    expect(g!.rows[0]![0]!.isHeader).toBe(true);
    expect(g!.rows[1]![0]!.isHeader).toBe(false);
  });

  it('keeps a row-span inside its table body and survives absurd spans', () => {
    const [g] = readGrids(
      doc(`<table><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr><tr><td>d</td><td>e</td></tr></table>`),
    );
    expect(texts(g!)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['d', 'e'],
    ]);
    const big = readGrids(doc('<table><tr><td colspan="99999" rowspan="-3">x</td></tr></table>'))[0]!;
    expect(big.rows[0]!.length).toBe(100);
  });

  it('reads nested layout tables apart from one another', () => {
    const grids = readGrids(
      doc(`<table width="100%"><tr><td>メニュー</td><td>
        <table><tr><th>ログイン日時</th><th>IPアドレス</th></tr><tr><td>2025/03/01&nbsp;12:07:36</td><td>203.0.113.42</td></tr></table>
      </td></tr></table>`),
    );
    expect(grids).toHaveLength(2);
    const inner = grids.find((g) => g.rows[0]![0]!.text === 'ログイン日時')!;
    expect(texts(inner)).toEqual([
      ['ログイン日時', 'IPアドレス'],
      ['2025/03/01 12:07:36', '203.0.113.42'],
    ]);
    // the outer table has one row, holding the inner table's text in its second cell
    const outer = grids.find((g) => g !== inner)!;
    expect(outer.rows).toHaveLength(1);
    // and the header finder skips it: a cell that long is layout, not a header
    const found = findTables(grids, LOGIN_VOCAB, ['at'], 2);
    expect(found.map((t) => t.grid)).toEqual([inner]);
  });

  it('reads first-row <td> headers like <th> ones', () => {
    const grids = readGrids(
      doc(
        '<table><tr><td><b>ログイン日時</b></td><td><b>ログイン方法</b></td></tr><tr><td>2025/03/01 12:07</td><td>PC</td></tr></table>',
      ),
    );
    const [t] = findTables(grids, LOGIN_VOCAB, ['at'], 2);
    expect(t).toMatchObject({ headerRow: 0, columns: { at: 0, channel: 1 } });
    expect(t!.rows.map((r) => r.map((c) => c.text))).toEqual([['2025/03/01 12:07', 'PC']]);
  });

  it('drops repeated header rows and single-cell note rows from the data', () => {
    const grids = readGrids(
      doc(`<table><tr><th>日時</th><th>IPアドレス</th></tr>
      <tr><td>2025/03/01 12:07</td><td>203.0.113.1</td></tr>
      <tr><th>日時</th><th>IPアドレス</th></tr>
      <tr><td colspan="2">※ 直近30件を表示</td></tr>
      <tr><td>2025/02/01 12:07</td><td>203.0.113.2</td></tr></table>`),
    );
    const [t] = findTables(grids, LOGIN_VOCAB, [], 2);
    expect(t!.rows.map((r) => r[0]!.text)).toEqual(['2025/03/01 12:07', '2025/02/01 12:07']);
  });
});

describe('readGrids: data-label lists (SBI new site)', () => {
  it('groups cells by row and labels, full-width colons or not, missing cells blank', () => {
    const grids = readGrids(
      doc(`<ul class="responsive-table">
      <li class="table-header"><div class="table-item">ログイン日時</div><div class="table-item">IPアドレス</div></li>
      <li class="table-row"><div class="table-item" data-label="ログイン日時：">2025/04/01 08:23</div><div class="table-item" data-label="IPアドレス：">203.0.113.51</div><div class="table-item" data-label="結果"><span class="sticker">成功</span></div></li>
      <li class="table-row"><div class="table-item" data-label="ログイン日時:">2025/03/31 22:10</div><div class="table-item" data-label="結果">失敗</div></li>
    </ul>`),
    );
    expect(grids).toHaveLength(1);
    expect(grids[0]!.source).toBe('data-label');
    expect(grids[0]!.labels).toEqual(['ログイン日時', 'IPアドレス', '結果']);
    expect(texts(grids[0]!)).toEqual([
      ['ログイン日時', 'IPアドレス', '結果'],
      ['2025/04/01 08:23', '203.0.113.51', '成功'],
      ['2025/03/31 22:10', '', '失敗'],
    ]);
  });

  it('keeps two lists on one page apart', () => {
    const grids = readGrids(
      doc(
        `<ul><li><div data-label="銘柄">A</div></li></ul><ul><li><div data-label="日時">2025/01/01 00:00</div></li></ul>`,
      ),
    );
    expect(grids.map((g) => g.labels)).toEqual([['銘柄'], ['日時']]);
  });
});

describe('cellText', () => {
  it('turns <br> and blocks into spaces, skips scripts, keeps escaped markup as text', () => {
    const d = doc(
      '<table><tr><td id="c">2025/03/01<br>12:07<script>var x="<b>";</script><div>PC</div>&lt;img src=x onerror=alert(1)&gt;&nbsp;</td></tr></table>',
    );
    expect(cellText(d.querySelector('#c')!)).toBe('2025/03/01 12:07 PC <img src=x onerror=alert(1)>');
  });
});

describe('mapHeaderRow', () => {
  it('lets exact header words claim fields before "contains" fallbacks', () => {
    // 接続元IPアドレス contains 接続元 (a location word) but is exactly an IP header
    expect(mapHeaderRow(['ログイン日時', '接続元IPアドレス', 'ご利用環境'], LOGIN_VOCAB)).toEqual({
      at: 0,
      ip: 1,
      environment: 2,
    });
  });
  it('never takes 約定日時 or 前回ログイン日時 for a login time', () => {
    expect(mapHeaderRow(['約定日時', '前回ログイン日時', '区分'], LOGIN_VOCAB)).toEqual({ channel: 2 });
  });
});
