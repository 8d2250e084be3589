// THE registry: an explicit, sorted list of broker adapters. One line per broker.

import { rakuten } from './rakuten';
import { sbi } from './sbi';
import type { BrokerAdapter, BrokerId } from './types';

export const BROKERS: readonly BrokerAdapter[] = [rakuten, sbi];

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
