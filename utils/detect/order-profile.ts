// The user's own trading, read from the order history: symbols and markets
// traded, the largest buy, and the positions the orders imply (when the
// holdings page was never captured, the orders are all we know).

import type { MarketRegion } from '../brokers/shared/markets';
import type { OrderFacts, OrderProfile, Position } from './types';

/** Orders less than this apart are one trading session. */
export const SESSION_GAP_MS = 3 * 3600_000;

export function emptyOrderProfile(): OrderProfile {
  return {
    count: 0,
    symbols: new Set(),
    regions: new Map(),
    positions: new Map(),
    maxBuyJpy: 0,
    maxBuyQuantity: 0,
    offSite: 0,
    onSite: 0,
  };
}

/** Folds one order into a profile (mutates: callers fold a sorted history once). */
export function foldOrder(p: OrderProfile, o: OrderFacts): void {
  p.count++;
  p.symbols.add(o.symbolKey);
  p.regions.set(o.region, (p.regions.get(o.region) ?? 0) + 1);
  if (!o.preInstall && o.onSite === true) p.onSite++;
  if (!o.preInstall && o.onSite === false) p.offSite++;
  const e = o.event;
  if (e.status === 'cancelled') return;
  if (e.side === 'buy') {
    p.maxBuyJpy = Math.max(p.maxBuyJpy, o.amountJpy ?? 0);
    p.maxBuyQuantity = Math.max(p.maxBuyQuantity, e.quantity ?? 0);
  }
  if (e.status !== 'executed' || e.quantity === undefined) return;
  const pos = p.positions.get(o.symbolKey) ?? { symbolKey: o.symbolKey, quantity: 0, region: o.region };
  pos.quantity += e.side === 'buy' ? e.quantity : -e.quantity;
  if (e.price !== undefined) pos.lastPrice = e.price;
  if (o.currency) pos.currency = o.currency;
  if (e.name) pos.name = e.name;
  p.positions.set(o.symbolKey, pos);
}

export function cloneOrderProfile(p: OrderProfile): OrderProfile {
  return {
    ...p,
    symbols: new Set(p.symbols),
    regions: new Map(p.regions),
    positions: new Map([...p.positions].map(([k, v]) => [k, { ...v }])),
  };
}

/** An OrderProfile as the detection checkpoint keeps it: plain data, for IndexedDB and JSON alike. */
export interface StoredOrderProfile extends Omit<OrderProfile, 'symbols' | 'regions' | 'positions'> {
  symbols: string[];
  regions: Array<[MarketRegion, number]>;
  positions: Position[];
}

export function storeOrderProfile(p: OrderProfile): StoredOrderProfile {
  return {
    ...p,
    symbols: [...p.symbols],
    regions: [...p.regions],
    positions: [...p.positions.values()].map((v) => ({ ...v })),
  };
}

export function restoreOrderProfile(p: StoredOrderProfile): OrderProfile {
  return {
    ...p,
    symbols: new Set(p.symbols),
    regions: new Map(p.regions),
    positions: new Map(p.positions.map((v) => [v.symbolKey, { ...v }])),
  };
}

/** Sorted orders split into sessions. */
export function sessionsOf(sorted: OrderFacts[]): OrderFacts[][] {
  const out: OrderFacts[][] = [];
  for (const o of sorted) {
    const cur = out[out.length - 1];
    if (cur && o.ms - cur[cur.length - 1]!.ms <= SESSION_GAP_MS) cur.push(o);
    else out.push([o]);
  }
  return out;
}
