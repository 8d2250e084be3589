// 岡三証券 (岡三オンライン) 株式約定履歴 CSV: downloaded from 資産状況 > 過去のお取引,
// cp932, the first line `株式約定履歴`, a preamble (search conditions, 明細数) of
// 7 lines, then the header
// `約定日,銘柄コード,銘柄名,市場,取引区分,預り,課税,約定数量,約定単価,手数料/諸経費等,税額,受渡日,受渡金額,決済損益`;
// every value quoted; 取引区分 現物買 / 現物売 / 信新買 / 信返売 / 信新売 / 信返買; a new margin
// position (信新買, 信新売) has no 受渡日 or 受渡金額. Real files (CC0):
// utils/import/fixtures/okasan/ (docs/brokers.md "Real samples", source O).

import type { CsvFormat } from './format';
import { readOrderCsv } from './format';

const SIGNATURE = ['約定日', '銘柄コード', '銘柄名', '取引区分', '預り', '課税', '約定数量'];

export const okasanYakujo: CsvFormat = {
  id: 'okasan-yakujo',
  label: { ja: '岡三証券 株式約定履歴.csv', en: 'Okasan 株式約定履歴.csv (stock executions)' },
  fileName: /株式約定履歴.*\.csv$/i,
  signature: [SIGNATURE],
  read: (rows) => readOrderCsv(rows, SIGNATURE, { pageRegion: 'JP' }),
};
