// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../utils/import/import-file';
import { openDb } from '../../utils/store/db';
import { upsertOrders } from '../../utils/store/orders';
import { OrdersPage } from './OrdersPage';
import { until } from '../../tests/support/until';

// happy-dom gives import.meta an http URL: fixtures are found from the project root
const csv = join(process.cwd(), 'utils/import/fixtures/tradehistory(CH)_20250410.csv');

describe('OrdersPage', () => {
  it('lists stored orders as plain text cells, hostile names included', async () => {
    const db = openDb();
    await importFile(db, { name: 'tradehistory(CH)_20250410.csv', bytes: new Uint8Array(readFileSync(csv)) });
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await upsertOrders(
      db,
      'sbi',
      [
        {
          at: '2025-04-02T10:00:00+09:00',
          side: 'sell',
          status: 'executed',
          name: hostile,
          symbol: '7203',
          marketRegion: 'JP',
          quantity: 100,
          raw: {},
        },
      ],
      'snap_test',
      '2025-04-02T10:01:00+09:00',
    );
    const root = document.createElement('div');
    render(h(OrdersPage, {}), root);
    await until(() => root.querySelectorAll('tbody tr').length === 4);
    const rows = Array.from(root.querySelectorAll('tbody tr'));
    expect(rows).toHaveLength(4);
    expect(rows[0]!.textContent).toContain(hostile);
    expect(root.querySelector('img')).toBeNull();
    expect(rows.map((r) => r.getAttribute('data-region'))).toEqual(['JP', 'HK', 'HK', 'HK']);
    expect(rows[1]!.querySelectorAll('td')[3]!.textContent).toBe('01621');
  });
});
