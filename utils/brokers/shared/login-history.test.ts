import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../dom/parse-html';
import { extractIp, readLoginHistory } from './login-history';

const page = (table: string, title = 'ログイン履歴', extra = '') =>
  parseHtml(
    `<!DOCTYPE html><html><head><title>${title}</title></head><body><a href="/logout">ログアウト</a>${extra}${table}</body></html>`,
  );
const table = (headers: string[], rows: string[][]) =>
  `<table><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;

describe('extractIp', () => {
  it.each([
    ['203.0.113.42', '203.0.113.42', ''],
    ['２０３．０．１１３．４２', '203.0.113.42', ''],
    ['203.0.113.5 (東京都)', '203.0.113.5', '東京都'],
    ['日本 / 198.51.100.7', '198.51.100.7', '日本'],
    ['203.000.113.042', '203.000.113.042', ''],
    ['2001:db8::1', '2001:db8::1', ''],
    ['2001:DB8::1', '2001:db8::1', ''],
    ['2001:db8:85a3::8a2e:370:7334', '2001:db8:85a3::8a2e:370:7334', ''],
    ['2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:0db8:0000:0000:0000:ff00:0042:8329', ''],
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1', ''],
    ['fe80::1 (LAN)', 'fe80::1', 'LAN'],
    ['2025/03/01 12:07:36 203.0.113.9', '203.0.113.9', '2025/03/01 12:07:36'],
  ])('%s -> %s', (text, ip, rest) => {
    expect(extractIp(text)).toEqual({ ip, rest });
  });

  it.each([
    ['256.1.1.1'],
    ['1.2.3'],
    ['1.2.3.4.5'],
    ['12:07:36'],
    ['2001:db8:::1'],
    ['gggg::1'],
    ['-'],
    ['不明'],
    [''],
  ])('%j holds no address', (text) => {
    expect(extractIp(text)).toBeUndefined();
  });
});

describe('readLoginHistory: result words', () => {
  it.each([
    ['成功', 'success'],
    ['ログイン成功', 'success'],
    ['正常', 'success'],
    ['○', 'success'],
    ['OK', 'success'],
    ['', 'success'], // no result shown: a listed login is a login
    ['失敗', 'failure'],
    ['失敗（パスワード誤り）', 'failure'],
    ['ログイン失敗', 'failure'],
    ['認証エラー', 'failure'],
    ['×', 'failure'],
    ['ＮＧ', 'failure'],
    ['アカウントロック', 'failure'],
    ['不正端末ログイン検知', 'failure'],
  ])('%j -> %s', (word, result) => {
    const r = readLoginHistory(page(table(['ログイン日時', '結果'], [['2025/03/01 12:07', word]])));
    expect(r.status).toBe('ok');
    expect(r.logins[0]!.result).toBe(result);
  });

  it('warns about a result word it does not know (and counts the row as a login)', () => {
    const r = readLoginHistory(page(table(['ログイン日時', '結果'], [['2025/03/01 12:07', '保留']])));
    expect(r.logins[0]!.result).toBe('success');
    expect(r.warnings).toEqual(['result-unknown: 保留']);
  });
});

describe('readLoginHistory: environment cells', () => {
  it.each([
    ['PC', { channel: 'PC' }],
    ['他社サービスからログイン', { channel: '他社サービスからログイン' }],
    ['iSPEED', { channel: 'iSPEED' }],
    ['Windows / Chrome 132', { os: 'Windows', browser: 'Chrome 132' }],
    ['iOS／Safari', { os: 'iOS', browser: 'Safari' }],
    ['macOS 14.4 / Firefox 124', { os: 'macOS 14.4', browser: 'Firefox 124' }],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36',
      { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36' },
    ],
    ['iPhone', { device: 'iPhone' }],
    ['<script>alert(1)</script>', { device: '<script>alert(1)</script>' }],
  ])('%s', (cell, fields) => {
    const escaped = cell.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const r = readLoginHistory(page(table(['ログイン日時', 'ご利用環境'], [['2025/03/01 12:07', escaped]])));
    const { at: _a, result: _r, raw: _w, ...rest } = r.logins[0]!;
    expect(rest).toEqual(fields);
  });
});

describe('readLoginHistory: what is a login history', () => {
  it('reads a 日時 + 区分 table only when the page says it is a login history', () => {
    const t = table(['日時', '区分'], [['2025/03/01 12:07', 'PC']]);
    expect(readLoginHistory(page(t, 'ログイン履歴')).status).toBe('ok');
    expect(readLoginHistory(page(t, '入出金履歴'))).toMatchObject({ recognised: false, status: 'absent' });
  });

  it('reads a table with unmistakable columns (IP address) whatever the page title', () => {
    const r = readLoginHistory(
      page(table(['日時', 'IPアドレス'], [['2025/03/01 12:07', '203.0.113.1']]), '会員メニュー'),
    );
    expect(r).toMatchObject({ recognised: true, status: 'ok', logins: [{ ip: '203.0.113.1' }] });
  });

  it('does not read the previous-login box as a history', () => {
    const box = table(['前回ログイン日時', 'ログイン方法'], [['2025/03/31 07:45', 'スマートフォン']]);
    expect(readLoginHistory(page(box, 'ホーム'))).toMatchObject({ recognised: false, status: 'absent' });
  });

  it('is empty when the page says there is nothing, with or without a header-only table', () => {
    expect(readLoginHistory(page('<p>ログイン履歴はありません。</p>')).status).toBe('empty');
    expect(readLoginHistory(page(table(['ログイン日時', 'IPアドレス'], [])))).toMatchObject({
      status: 'empty',
      logins: [],
    });
  });

  it('keeps the rows it could read and names the one without a usable time, with its content', () => {
    const r = readLoginHistory(
      page(
        table(
          ['ログイン日時', 'IPアドレス'],
          [
            ['2025/03/01 12:07', '203.0.113.1'],
            ['2025/03/01', '203.0.113.2'],
          ],
        ),
      ),
    );
    expect(r).toMatchObject({ recognised: true, status: 'ok', logins: [{ ip: '203.0.113.1' }] });
    expect(r.logins).toHaveLength(1);
    expect(r.warnings).toEqual(['row 2 not read (no login time in "2025/03/01"): 2025/03/01 | 203.0.113.2']);
  });

  it('is unreadable when no row has a usable time', () => {
    const r = readLoginHistory(page(table(['ログイン日時', 'IPアドレス'], [['2025/03/01', '203.0.113.2']])));
    expect(r).toMatchObject({ recognised: true, status: 'unreadable', logins: [] });
  });

  it('is unreadable when the heading says login history but no table has a time', () => {
    const r = readLoginHistory(page(table(['ログイン方法', 'IPアドレス'], [['PC', '203.0.113.1']])));
    expect(r).toMatchObject({ recognised: true, status: 'unreadable' });
  });

  it('joins separate 日付 and 時刻 columns', () => {
    const r = readLoginHistory(page(table(['日付', '時刻', 'IPアドレス'], [['2025/03/01', '9:05', '203.0.113.1']])));
    expect(r.logins[0]!.at).toBe('2025-03-01T09:05:00+09:00');
  });

  it('warns about an IP cell that holds no address and leaves ip unset', () => {
    const r = readLoginHistory(
      page(
        table(
          ['ログイン日時', 'IPアドレス'],
          [
            ['2025/03/01 12:07', '非表示'],
            ['2025/03/01 12:06', '-'],
          ],
        ),
      ),
    );
    expect(r.logins.map((l) => l.ip)).toEqual([undefined, undefined]);
    expect(r.warnings).toEqual(['row 1: not an IP address: "非表示"']);
  });
});
