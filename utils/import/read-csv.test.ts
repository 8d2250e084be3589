import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FILES } from './fixtures/generate';
import { encodeShiftJis } from './fixtures/sjis';
import { detectFormat, readCsvFile } from './read-csv';
import { parseCsv } from './csv';

const dir = fileURLToPath(new URL('./fixtures', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.csv'))
  .sort();

describe('CSV fixtures', () => {
  it.each(files)('%s reads as its reviewed expected file', (name) => {
    const r = readCsvFile(new Uint8Array(readFileSync(`${dir}/${name}`)), name);
    const expected = JSON.parse(readFileSync(`${dir}/${name.replace(/\.csv$/, '.expected.json')}`, 'utf8'));
    expect({
      format: r.format?.id ?? null,
      status: r.status,
      charset: r.charset,
      orders: r.orders,
      warnings: r.warnings,
      ...(r.refusal ? { refusal: r.refusal } : {}),
    }).toEqual(expected);
  });

  it.each(files)('%s is committed as the Shift_JIS bytes its generator writes', (name) => {
    expect(new Uint8Array(readFileSync(`${dir}/${name}`))).toEqual(encodeShiftJis(FILES[name]!.join('\r\n') + '\r\n'));
  });
});

describe('format detection', () => {
  const rows = (name: string) => parseCsv(new TextDecoder('shift_jis').decode(readFileSync(`${dir}/${name}`)));
  it.each([
    ['tradehistory(JP)_20250410.csv', 'renamed.csv', 'rakuten-tradehistory'],
    ['SaveFile_000001_20260623.csv', 'export (1).csv', 'sbi-savefile'],
    ['SBI_yakujo20260707215330.csv', 'foreign.csv', 'sbi-yakujo'],
    ['monex_20250410.csv', 'x.csv', 'monex-tradehistory'],
  ])('%s renamed to %s is still %s (the header decides)', (file, renamed, id) => {
    expect(detectFormat(rows(file), renamed)?.id).toBe(id);
  });

  it('reads a UTF-8 file (with BOM) as well as Shift_JIS', () => {
    const text = '\ufeff' + FILES['SBI_yakujo20260707215330.csv']!.join('\n');
    const r = readCsvFile(new TextEncoder().encode(text), 'SBI_yakujo20260707215330.csv');
    expect(r.charset).toBe('utf-8');
    expect(r.orders).toHaveLength(4);
  });

  it('refuses an unknown CSV naming the formats it expects', () => {
    const r = readCsvFile(new TextEncoder().encode('日付,金額\n2025/1/1,100\n'), 'kakeibo.csv');
    expect(r.status).toBe('unreadable');
    expect(r.refusal?.ja).toMatch(/tradehistory.*SaveFile.*yakujo/);
    expect(r.refusal?.en).toMatch(/Expected: .*tradehistory/);
  });
});

describe('the analyzer reads CSV files with the same reader', () => {
  it('prints side, symbol, region, currency and quantity for a Rakuten CH export', async () => {
    const { analyzeCsv } = await import('../analyze/csv');
    const r = analyzeCsv({
      name: `${dir}/tradehistory(CH)_20250410.csv`,
      bytes: new Uint8Array(readFileSync(`${dir}/tradehistory(CH)_20250410.csv`)),
    });
    expect(r).toMatchObject({ broker: 'rakuten', pageKind: 'trade-history', status: 'ok' });
    expect(r.orders.map((o) => [o.side, o.symbol, o.marketRegion, o.currencyCode, o.quantity])).toEqual([
      ['buy', '02846', 'HK', 'HKD', 4000],
      ['buy', '08327', 'HK', 'HKD', 120000],
      ['buy', '01621', 'HK', 'HKD', 80000],
    ]);
  });
});
