// マネックス証券 取引履歴 CSV (`monex*.csv`, Shift_JIS, one preamble line). The
// columns come from a secondary description only (brokers.md §3): matched by
// header meaning. The monex broker declares this format (utils/brokers/monex/broker.ts),
// so the extension's import stores its rows, as the CLI reads them.

import type { CsvFormat } from './format';
import { readOrderCsv } from './format';

export const monex: CsvFormat = {
  id: 'monex-tradehistory',
  label: { ja: 'マネックス証券 取引履歴 monex*.csv', en: 'Monex trade history monex*.csv' },
  fileName: /monex.*\.csv$/i,
  signature: [['約定日', '受渡日', '口座', '取引', '銘柄コード', '銘柄名']],
  read: (rows) => readOrderCsv(rows, ['約定日', '受渡日', '口座', '取引', '銘柄コード', '銘柄名']),
};
