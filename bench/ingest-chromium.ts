// The same ingest pattern in real Chromium IndexedDB, inside the extension's
// service worker (where the store runs), with a tiny raw-IndexedDB writer:
// the store's pattern (per page: one read-write transaction that reads the
// batch's ids, then puts the batch) next to one transaction per row. The rows
// are generated inside the worker first and are not timed; zod validation is
// not part of this figure (see the fake-indexeddb figures for it).

import type { Worker } from 'playwright-core';

export interface ChromiumIngest {
  rows: number;
  batch: number;
  storeMs: number;
  naiveRows: number;
  naiveMs: number;
}

export async function ingestInChromium(sw: Worker, rows: number, batch: number, naiveRows: number): Promise<ChromiumIngest> {
  return sw.evaluate(
    async ({ rows, batch, naiveRows }) => {
      // tsx (esbuild keepNames) wraps named inner functions in `__name(…)`, a helper that
      // does not exist in the worker this function is sent to
      (globalThis as { __name?: unknown }).__name ??= (f: unknown) => f;
      const name = `kabu-guard-bench-${Math.random()}`;
      // the shape of the extension's `logins` table (utils/store/db.ts)
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name, 1);
        req.onupgradeneeded = () => {
          for (const storeName of ['logins', 'naive']) {
            const s = req.result.createObjectStore(storeName, { keyPath: 'id' });
            s.createIndex('broker', 'broker');
            s.createIndex('at', 'at');
            s.createIndex('[broker+at]', ['broker', 'at']);
            s.createIndex('snapshotIds', 'snapshotIds', { multiEntry: true });
          }
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const make = (i: number) => ({
        v: 1,
        id: `login_rakuten_${i.toString(16).padStart(16, '0')}`,
        broker: 'rakuten',
        at: new Date(Date.UTC(2026, 10, 20, 23) - i * 37 * 60_000).toISOString().replace('Z', '+00:00'),
        result: i % 50 === 0 ? 'failure' : 'success',
        channel: ['PC', 'スマートフォン', '他社サービスからログイン'][i % 3],
        ip: `203.0.113.${(i * 7) % 254 + 1}`,
        userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
        raw: { ログイン日時: String(i), ログイン方法: 'PC' },
        snapshotIds: [`snap_bench_${Math.floor(i / batch)}`],
        firstSeenAt: '2026-11-21T08:00:00+09:00',
        lastSeenAt: '2026-11-21T08:00:00+09:00',
      });
      const all = Array.from({ length: rows }, (_, i) => make(i));
      const done = (tx: IDBTransaction) =>
        new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });

      const t0 = performance.now();
      for (let b = 0; b < rows; b += batch) {
        const tx = db.transaction('logins', 'readwrite');
        const store = tx.objectStore('logins');
        const chunk = all.slice(b, b + batch);
        // like upsertLogins: look the batch's ids up, then put the merged rows
        const existing = await Promise.all(
          chunk.map((r) => new Promise((resolve) => {
            const g = store.get(r.id);
            g.onsuccess = () => resolve(g.result);
          })),
        );
        chunk.forEach((r, i) => store.put(existing[i] ? { ...(existing[i] as object), lastSeenAt: r.lastSeenAt } : r));
        await done(tx);
      }
      const storeMs = performance.now() - t0;

      const t1 = performance.now();
      for (let i = 0; i < naiveRows; i++) {
        const tx = db.transaction('naive', 'readwrite');
        tx.objectStore('naive').put(all[i]);
        await done(tx);
      }
      const naiveMs = performance.now() - t1;

      const counted = await new Promise<number>((resolve) => {
        const c = db.transaction('logins').objectStore('logins').count();
        c.onsuccess = () => resolve(c.result);
      });
      db.close();
      await new Promise((resolve) => {
        const d = indexedDB.deleteDatabase(name);
        d.onsuccess = d.onerror = d.onblocked = () => resolve(undefined);
      });
      if (counted !== rows) throw new Error(`wrote ${counted} of ${rows}`);
      return { rows, batch, storeMs, naiveRows, naiveMs };
    },
    { rows, batch, naiveRows },
  );
}
