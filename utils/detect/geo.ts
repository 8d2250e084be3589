// Offline country and hosting-network lookups over the bundled tables
// (utils/detect/data, built by scripts/build-geo.ts). Country is the
// registry's (whois/ASN) country: good for "this address is abroad", not for
// cities, and a cloud region may be registered elsewhere (AWS Tokyo → US).

import countryJson from './data/geo-country.json';
import hostingJson from './data/hosting.json';
import { isSpecialUse, type ParsedIp } from './ip';
import { RangeTable, type RangeTableJson } from './ip-table';

const countries = new RangeTable(countryJson as RangeTableJson);
const hosting = new RangeTable(hostingJson as RangeTableJson);

export type ProviderKind = 'cloud' | 'vpn' | 'proxy';

export interface Provider {
  label: string;
  kind: ProviderKind;
}

/** ISO 3166 alpha-2, or undefined for special-use and unlisted addresses. */
export function countryOf(ip: ParsedIp): string | undefined {
  if (isSpecialUse(ip)) return undefined;
  return countries.lookup(ip);
}

/** The hosting / VPN / relay network an address belongs to, if it is one we list. */
export function providerOf(ip: ParsedIp): Provider | undefined {
  if (isSpecialUse(ip)) return undefined;
  const label = hosting.lookup(ip);
  if (!label) return undefined;
  const i = label.indexOf(':');
  return { kind: label.slice(0, i) as ProviderKind, label: label.slice(i + 1) };
}

export const GEO_SOURCES = { country: countries.source, hosting: hosting.source };
