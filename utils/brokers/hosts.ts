// Match patterns derived from the declarations, used by the manifest and the
// content script, so that hosts are declared once (in each broker.ts).

import { DECLARATIONS } from './registry';

export function hostPatterns(broker: { hosts: readonly string[] }): string[] {
  return broker.hosts.map((h) => `https://${h}/*`);
}

export function brokerHostPatterns(): string[] {
  return DECLARATIONS.flatMap(hostPatterns);
}
