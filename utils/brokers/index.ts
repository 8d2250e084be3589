// The broker adapters: each declaration (registry.ts) with its readers. Heavy
// (the record readers): pages that only show names use labels.ts instead.

import { adapterOf } from './shared/adapter';
import { DECLARATIONS } from './registry';
import type { BrokerAdapter, BrokerId } from './types';

export const BROKERS: readonly BrokerAdapter[] = DECLARATIONS.map(adapterOf);

export function brokerById(id: string): BrokerAdapter | undefined {
  return BROKERS.find((b) => b.id === id);
}

/** The adapter whose logged-in hosts include this URL's host (https only). */
export function brokerForUrl(url: string): BrokerAdapter | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:') return undefined;
  return BROKERS.find((b) => b.hosts.includes(u.hostname));
}

export type { BrokerAdapter, BrokerId };
