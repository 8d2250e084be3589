// Match patterns derived from the registry, used by the manifest and the
// content scripts, so that hosts are declared once (in each adapter).

import { BROKERS } from './index';
import type { BrokerAdapter } from './types';

export function hostPatterns(adapter: Pick<BrokerAdapter, 'hosts'>): string[] {
  return adapter.hosts.map((h) => `https://${h}/*`);
}

export function brokerHostPatterns(): string[] {
  return BROKERS.flatMap(hostPatterns);
}
