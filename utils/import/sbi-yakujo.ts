// SBI証券 外国株式 約定履歴 CSV: `yakujo*.csv` (e.g. `SBI_yakujo20260707215330.csv`),
// Shift_JIS, a five-column preamble, 国内約定日 `YYYY年MM月DD日`, the ticker and
// exchange inside 銘柄名 as `ペプシコ PEP / NASDAQ` (brokers.md §2.4).

import type { CsvFormat } from './format';
import { readOrderCsv } from './format';

export const sbiYakujo: CsvFormat = {
  id: 'sbi-yakujo',
  label: { ja: 'SBI証券 外国株式 約定履歴 yakujo*.csv', en: 'SBI foreign executions yakujo*.csv' },
  fileName: /yakujo.*\.csv$/i,
  signature: [['国内約定日', '通貨', '銘柄名', '取引']],
  read: (rows) => readOrderCsv(rows, ['国内約定日', '通貨', '銘柄名', '取引'], { instrumentIs: 'name' }),
};
