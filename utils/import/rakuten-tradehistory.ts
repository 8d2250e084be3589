// 楽天証券 取引履歴 CSV: `tradehistory(JP|US|CH|INVST)_YYYYMMDD.csv`, Shift_JIS,
// every field quoted, dates `YYYY/M/D` (brokers.md §1.5). The CH layout is
// known from a third-party mock only and the INVST layout from no source:
// both are matched by header meaning, not by position.

import type { CsvFormat } from './format';
import { readOrderCsv } from './format';

const NAME = /tradehistory\((JP|US|CH|INVST)\)_\d{8}.*\.csv$/i;

function variant(rows: string[][], fileName: string): 'JP' | 'US' | 'CH' | 'INVST' | undefined {
  const v = NAME.exec(fileName)?.[1]?.toUpperCase() as 'JP' | 'US' | 'CH' | 'INVST' | undefined;
  if (v) return v;
  const head = rows.slice(0, 5).map((r) => r.join(','));
  if (head.some((l) => l.includes('ティッカー'))) return 'US';
  if (head.some((l) => l.includes('市場名称'))) return 'JP';
  if (head.some((l) => l.includes('ファンド名'))) return 'INVST';
  if (head.some((l) => l.includes('為替レート'))) return 'CH';
  return undefined;
}

export const rakutenTradeHistory: CsvFormat = {
  id: 'rakuten-tradehistory',
  label: {
    ja: '楽天証券 取引履歴 tradehistory(JP|US|CH|INVST)_*.csv',
    en: 'Rakuten trade history tradehistory(JP|US|CH|INVST)_*.csv',
  },
  fileName: NAME,
  signature: [
    ['約定日', '受渡日', '数量［株］'],
    ['約定日', '受渡日', 'ファンド名'],
  ],
  read(rows, fileName) {
    switch (variant(rows, fileName)) {
      case 'JP':
        return readOrderCsv(rows, ['約定日', '受渡日', '銘柄コード', '売買区分'], { pageRegion: 'JP' });
      case 'US':
        // no market column: the file is the US one (brokers.md §1.5)
        return readOrderCsv(rows, ['約定日', '受渡日', 'ティッカー', '売買区分'], { pageRegion: 'US' });
      case 'CH':
        // 市場 (香港 / 上海 / 深セン) decides HK or CN per row
        return readOrderCsv(rows, ['約定日', '受渡日', '銘柄コード', '通貨']);
      case 'INVST':
        // 投資信託 sold in Japan, priced in yen per 口
        return readOrderCsv(rows, ['約定日', '受渡日', 'ファンド名'], { pageRegion: 'JP' });
      default:
        return {
          status: 'unreadable',
          orders: [],
          warnings: ['not one of tradehistory(JP|US|CH|INVST)'],
          headerRow: -1,
        };
    }
  },
};
