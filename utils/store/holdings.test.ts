import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestCapture } from '../capture/ingest';
import { decodeBytes } from '../capture/decode';
import { parseHtml } from '../dom/parse-html';
import { importFile } from '../import/import-file';
import { KabuGuardDB } from './db';
import { brokerSummaries } from './summary';

const fixtures = fileURLToPath(new URL('../brokers/rakuten/fixtures', import.meta.url));
const html = (name: string) => decodeBytes(new Uint8Array(readFileSync(`${fixtures}/${name}`))).text;
const SID = ';BV_SessionID=1C7E5B2D8046A1E3C5B7D9F0A2C43F9A.ee24ea7f';
const newDb = () => new KabuGuardDB(`test-${Math.random()}`);
const capture = (db: KabuGuardDB, name: string, path: string, at: string, page = html(name)) =>
  ingestCapture(
    db,
    {
      broker: 'rakuten',
      url: `https://member.rakuten-sec.co.jp/app/${path}${SID}?eventType=init`,
      how: 'visit',
      charset: 'utf-8',
      html: page,
      capturedAt: at,
    },
    parseHtml,
  );

describe('holdings and account events through the capture pipeline', () => {
  it('stores holdings; a re-capture adds nothing; a sold position keeps its last-seen time', async () => {
    const db = newDb();
    const first = await capture(db, 'holdings-all.html', 'ass_all_possess_lst.do', '2025-03-20T15:30:00+09:00');
    expect(first).toMatchObject({ added: 6, snapshot: { pageKind: 'holdings', parse: { status: 'ok', records: 6 } } });
    expect((await capture(db, 'holdings-all.html', 'ass_all_possess_lst.do', '2025-03-21T15:30:00+09:00')).added).toBe(
      0,
    );
    // after the sell-off the page no longer lists トヨタ自動車
    const after = html('holdings-all.html').replace(/<tr><td>国内株式<\/td><td>7203<\/td>.*?<\/tr>/s, '');
    expect(
      (await capture(db, 'holdings-all.html', 'ass_all_possess_lst.do', '2025-04-10T12:30:00+09:00', after)).added,
    ).toBe(0);
    const toyota = (await db.holdings.where('symbol').equals('7203').toArray())[0]!;
    expect(toyota).toMatchObject({
      quantity: 200,
      account: '特定',
      firstSeenAt: '2025-03-20T15:30:00+09:00',
      lastSeenAt: '2025-03-21T15:30:00+09:00',
    });
    expect((await db.holdings.where('symbol').equals('9432').first())?.lastSeenAt).toBe('2025-04-10T12:30:00+09:00');
  });

  it('stores account changes once, with what changed', async () => {
    const db = newDb();
    await capture(db, 'account-changes-list.html', 'acc_info_change_lst.do', '2025-04-10T12:31:00+09:00');
    await capture(db, 'account-changes-list.html', 'acc_info_change_lst.do', '2025-04-11T12:31:00+09:00');
    const events = await db.accountEvents.orderBy('at').toArray();
    expect(events.map((e) => e.kind)).toEqual([
      'address',
      'document-consent',
      'email',
      'notification-settings',
      'withdrawal-bank-account',
      'foreign-stock-account',
    ]);
    expect(events[5]!.snapshotIds).toHaveLength(2);
  });

  it('counts orders, foreign orders and the last order capture per broker', async () => {
    const db = newDb();
    await capture(db, 'trade-china.html', 'ass_trad_ch_lst.do', '2025-04-10T12:32:00+09:00');
    await importFile(db, {
      name: 'tradehistory(JP)_20250410.csv',
      bytes: new Uint8Array(
        readFileSync(fileURLToPath(new URL('../import/fixtures/tradehistory(JP)_20250410.csv', import.meta.url))),
      ),
      at: '2025-04-10T20:00:00+09:00',
    });
    const rakuten = (await brokerSummaries(db)).find((s) => s.broker === 'rakuten')!;
    expect(rakuten).toMatchObject({ orders: 10, foreignOrders: 3, lastOrderCaptureAt: '2025-04-10T20:00:00+09:00' });
    expect((await brokerSummaries(db)).find((s) => s.broker === 'sbi')).toMatchObject({
      orders: 0,
      foreignOrders: 0,
      lastOrderCaptureAt: undefined,
    });
  });
});
