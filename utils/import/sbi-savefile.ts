// SBI証券 約定履歴照会 CSV (domestic): `SaveFile_*.csv`, Shift_JIS. A preamble
// of varying length (title, search conditions, blank lines) precedes the
// header, so the header is found by its words (brokers.md §2.4). `" 特定 "`
// is padded, `--` is empty; 市場 includes 東証, 名証, PTS（X）, 東証（外）.

import type { CsvFormat } from './format';
import { readOrderCsv } from './format';

export const sbiSaveFile: CsvFormat = {
  id: 'sbi-savefile',
  label: { ja: 'SBI証券 約定履歴照会 SaveFile_*.csv', en: 'SBI domestic executions SaveFile_*.csv' },
  fileName: /SaveFile.*\.csv$/i,
  signature: [['約定日', '銘柄', '銘柄コード', '取引', '約定数量']],
  // 国内: a fund row (分配金再投資) has no code or market but is still a domestic, yen trade
  read: (rows) => readOrderCsv(rows, ['約定日', '銘柄', '銘柄コード', '取引', '約定数量'], { pageRegion: 'JP' }),
};
