// THE registry: one line per broker, sorted by id. Each entry is the broker's
// declaration (utils/brokers/<id>/broker.ts); everything else about a broker is
// derived from it. Light: declarations carry no reader, so the popup and the
// content scripts can import this.

import daiwa from './daiwa/broker';
import gmoclick from './gmoclick/broker';
import iwaicosmo from './iwaicosmo/broker';
import kabucom from './kabucom/broker';
import matsui from './matsui/broker';
import mizuho from './mizuho/broker';
import monex from './monex/broker';
import mumss from './mumss/broker';
import nomura from './nomura/broker';
import okasan from './okasan/broker';
import rakuten from './rakuten/broker';
import sbi from './sbi/broker';
import sbineotrade from './sbineotrade/broker';
import smbcnikko from './smbcnikko/broker';
import tachibana from './tachibana/broker';

export const DECLARATIONS = [
  daiwa,
  gmoclick,
  iwaicosmo,
  kabucom,
  matsui,
  mizuho,
  monex,
  mumss,
  nomura,
  okasan,
  rakuten,
  sbi,
  sbineotrade,
  smbcnikko,
  tachibana,
] as const;

export type BrokerDeclarationOf = (typeof DECLARATIONS)[number];
export type BrokerId = BrokerDeclarationOf['id'];

/** Every broker id, in registry order (a non-empty tuple, as z.enum needs). */
export const BROKER_IDS = /* @__PURE__ */ DECLARATIONS.map((d) => d.id) as unknown as readonly [
  BrokerId,
  ...BrokerId[],
];

export function declarationOf(id: string): BrokerDeclarationOf | undefined {
  return DECLARATIONS.find((d) => d.id === id);
}

/** The declared broker whose exports a CSV format reads (utils/import), or undefined (read only). */
export function brokerOfCsvFormat(formatId: string): BrokerId | undefined {
  return DECLARATIONS.find((d) => d.csvFormats.includes(formatId))?.id;
}
