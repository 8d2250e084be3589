// Issue 11 item 1: a capture or import with 100+ new rows was half-stored
// (PrematureCommitError: one await per row inside one Dexie transaction). The
// sizes are those of the reports: a 106-row domestic 取引履歴 page, order
// inquiries with 150+ order numbers, a 156-row CSV; 300 US rows always passed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../dom/parse-html';
import { importFile } from '../import/import-file';
import { inventedTradeHistoryJp } from '../import/fixtures/invented-trade-history';
import { verifyCaptureLog } from '../store/capture-log';
import { KabuGuardDB } from '../store/db';
import { ingestCapture } from './ingest';

const fixture = (p: string) => readFileSync(fileURLToPath(new URL(`../brokers/${p}`, import.meta.url)), 'utf8');
const newDb = () => new KabuGuardDB(`test-${Math.random()}`);
const day = (i: number) => new Date(Date.UTC(2020, 0, 6) + i * 86_400_000).toISOString().slice(0, 10);
const slash = (iso: string) => iso.replace(/-0?/g, '/');

/** The fixture page with its table body replaced by `n` generated rows (invented trades). */
function withRows(file: string, n: number, row: (i: number) => string): string {
  const html = fixture(file);
  const head = html.indexOf('<tr><td>');
  const tail = html.lastIndexOf('</tr>') + '</tr>'.length;
  return html.slice(0, head) + Array.from({ length: n }, (_, i) => row(i)).join('\n') + html.slice(tail);
}

const domesticRow = (i: number) =>
  `<tr><td>${slash(day(i))}</td><td>${slash(day(i + 2))}</td><td>国内小型株Ｃ（架空）<br>4599</td><td>東証</td><td>特定</td><td>現物</td><td>${i % 2 ? '売付' : '買付'}</td><td>${100 + i}</td><td>41.0</td><td>0</td><td>${(100 + i) * 41}</td></tr>`;
const orderRow = (i: number) =>
  `<tr><td>20250401-${String(i).padStart(6, '0')}</td><td>${slash(day(i))} 10:${String(i % 60).padStart(2, '0')}</td><td>トヨタ自動車<br>7203</td><td>東証</td><td>現物</td><td>${i % 2 ? '売付' : '買付'}</td><td>特定</td><td>100</td><td>100</td><td>成行</td><td>2,695.0</td><td>約定済</td></tr>`;
const usRow = (i: number) =>
  `<tr><td>${slash(day(i))}</td><td>${slash(day(i + 2))}</td><td>VOO<br>VANGUARD S&amp;P500 ETF</td><td>NISA成長投資枠</td><td>現物</td><td>買付</td><td>${1 + i}</td><td>538.12</td><td>${(1 + i) * 538.12}</td><td>158.20</td><td>${Math.round((1 + i) * 538.12 * 158.2)}</td></tr>`;

const pages: Array<[string, string, string, number]> = [
  [
    '106-row domestic 取引履歴 page',
    'rakuten/fixtures/trade-domestic.html',
    withRows('rakuten/fixtures/trade-domestic.html', 106, domesticRow),
    106,
  ],
  [
    '160-row order inquiry with order numbers',
    'rakuten/fixtures/orders-inquiry.html',
    withRows('rakuten/fixtures/orders-inquiry.html', 160, orderRow),
    160,
  ],
  [
    '300-row US 取引履歴 page',
    'rakuten/fixtures/trade-us.html',
    withRows('rakuten/fixtures/trade-us.html', 300, usRow),
    300,
  ],
];

async function expectConsistent(db: KabuGuardDB, snapshotId: string, records: number): Promise<void> {
  const snap = await db.snapshots.get(snapshotId);
  expect(snap?.parse).toMatchObject({ status: 'ok', records });
  expect(await db.orders.count()).toBe(records);
  const log = await db.captureLog.orderBy('seq').toArray();
  expect(log.filter((e) => e.type === 'parse').map((e) => e.detail)).toEqual([
    expect.objectContaining({ snapshotId, status: 'ok', orders: records, added: records }),
  ]);
  expect(await verifyCaptureLog(log)).toEqual({ ok: true });
}

describe('large captures and imports are stored whole (issue 11 item 1)', () => {
  it.each(pages)('%s', async (_name, file, html, n) => {
    const db = newDb();
    const url = `https://member.rakuten-sec.co.jp/app/${file.includes('orders') ? 'ord_jp_stk_inquiry.do' : file.includes('us') ? 'ass_trad_us_lst.do' : 'ass_trad_lst.do'}?eventType=init`;
    const r = await ingestCapture(db, { broker: 'rakuten', url, how: 'visit', charset: 'utf-8', html }, parseHtml);
    expect(r.reading.orders).toHaveLength(n);
    expect(r.added).toBe(n);
    expect(r.newEventIds).toHaveLength(n);
    await expectConsistent(db, r.snapshot.id, n);
  });

  it('imports a 156-row domestic trade-history CSV', async () => {
    const bytes = inventedTradeHistoryJp({
      rows: 156,
      code: '4599',
      name: '国内小型株Ｃ（架空）',
      firstDay: Date.UTC(2020, 0, 6),
    });
    const db = newDb();
    const r = await importFile(db, { name: 'tradehistory(JP)_20260101.csv', bytes });
    expect(r).toMatchObject({ status: 'imported', orders: 156, added: 156 });
    if (r.status !== 'imported') throw new Error('not imported');
    await expectConsistent(db, r.snapshot.id, 156);
  });
});
