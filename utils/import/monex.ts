// マネックス証券 取引履歴 CSV (`monex*.csv`, Shift_JIS, one preamble line). The
// columns come from a secondary description only (brokers.md §3): matched by
// header meaning. There is no Monex adapter yet, so these files are read
// (CLI) but not stored by the extension.

import type { CsvFormat } from './format';
import { readOrderCsv } from './format';

export const monex: CsvFormat = {
  id: 'monex',
  label: { ja: 'マネックス証券 取引履歴 monex*.csv（読み取りのみ）', en: 'Monex trade history monex*.csv (read only)' },
  fileName: /monex.*\.csv$/i,
  signature: [['約定日', '受渡日', '口座', '取引', '銘柄コード', '銘柄名']],
  read: (rows) => readOrderCsv(rows, ['約定日', '受渡日', '口座', '取引', '銘柄コード', '銘柄名']),
};
