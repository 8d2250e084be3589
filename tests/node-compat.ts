// Vitest 5's reporter calls Map.groupBy, which Node 20 lacks (Node 21+). This
// machine and CI run Node 20.20: without it, a failing test crashes the report.
const M = Map as unknown as { groupBy?: unknown };
if (typeof M.groupBy !== 'function') {
  M.groupBy = <K, V>(items: Iterable<V>, key: (item: V, i: number) => K): Map<K, V[]> => {
    const out = new Map<K, V[]>();
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      const list = out.get(k);
      if (list) list.push(item);
      else out.set(k, [item]);
    }
    return out;
  };
}
export {};
