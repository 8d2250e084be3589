import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeSavedFile } from '../analyze';
import { BROKERS, brokerById } from '../brokers';
import { serializePage } from '../capture/serialize';
import { parseHtml } from '../dom/parse-html';
import { orderFixtures } from '../brokers/shared/order-fixtures';
import { fixtureFiles } from '../brokers/shared/testing';
import { buildPageReport, personalMasker, readPageReportFile, type PageReportInput } from './page-report';

const deps = (broker: string) => ({ parseHtml, serializePage, adapter: brokerById(broker) });

import { PERSONAL, secret, SEEDED, SEEDED_URL as URL_, SECRETS } from '../../tests/support/seeded-report-page';
import * as allowList from '../capture/fixtures/secret-page';

const input = (html: string, url = URL_, broker = 'rakuten'): PageReportInput => ({
  snapshot: {
    id: 'snap-1',
    broker: broker as never,
    url: url.replace(/;BV_SessionID=[^?]*/, ''),
    capturedAt: '2025-04-01T09:00:00+09:00',
    charset: 'euc-jp',
    pageKind: 'login-history',
    parse: { status: 'unreadable', parserVersion: 'rakuten/x', warnings: ['row 1: no time'], records: 0, at: '' },
    redactions: ['scripts'],
  },
  html,
  createdAt: '2025-04-01T09:30:00+09:00',
  extensionVersion: '0.1.0',
});

describe('personalMasker', () => {
  it.each([
    ['見本　太郎　様', '＊＊＊＊　様'],
    ['ようこそ 山田 太郎 様', 'ようこそ ＊＊＊＊ 様'],
    ['山田太郎様 へのご連絡', '＊＊＊＊様 へのご連絡'],
    ['お客様情報', 'お客様情報'],
    ['お客さまへ', 'お客さまへ'],
    ['皆様', '皆様'],
    ['届出様式', '届出様式'],
    ['口座番号 123-4567890', '口座番号 ***-****890'],
    ['Z12-1234567', 'Z**-****567'],
    ['mihon@example.com', 'm***@example.com'],
    ['03-1234-5678', '**-****-5678'],
    ['2025/03/29 02:41:05', '2025/03/29 02:41:05'],
    ['7203 トヨタ自動車 1,000株 2,345円', '7203 トヨタ自動車 1,000株 2,345円'],
    ['203.0.113.7', '192.0.2.1'],
    ['2001:db8:85a3::8a2e:370:7334', '2001:db8::1'],
    ['fe80::1', '2001:db8::1'],
  ])('%s -> %s', (text, want) => {
    expect(personalMasker()(text)).toBe(want);
  });

  it('gives the same address the same placeholder, and names the user typed are hidden everywhere', () => {
    const mask = personalMasker(['見本 花子']);
    expect([mask('203.0.113.7'), mask('198.51.100.2'), mask('203.0.113.7')]).toEqual([
      '192.0.2.1',
      '192.0.2.2',
      '192.0.2.1',
    ]);
    expect(mask('家族: 見本花子')).not.toContain('花子');
  });
});

describe('buildPageReport', () => {
  const report = buildPageReport(input(SEEDED), deps('rakuten'));

  it('says what the reader saw: kind, URL hint, status, warnings, tables with headers and rows, records', () => {
    expect(report.content.reading).toMatchObject({
      pageKind: 'login-history',
      status: 'unreadable',
      loggedIn: true,
      records: { logins: 0, orders: 0, holdings: 0, accountEvents: 0 },
    });
    expect(report.content.reading.warnings.length).toBeGreaterThan(0);
    expect(report.content.reading.tables).toContainEqual({
      source: 'table',
      rows: 3,
      header: ['ログイン日時', 'ログイン方法', 'IPアドレス'],
    });
    expect(report.content.atCapture).toEqual({
      status: 'unreadable',
      parserVersion: 'rakuten/x',
      warnings: ['row 1: no time'],
      records: 0,
    });
  });

  it('holds no secret marker, no name, account number, e-mail, phone or IP of the seeded page', () => {
    for (let i = 1; i <= SECRETS; i++) expect(report.text, secret(i)).not.toContain(secret(i));
    for (const personal of PERSONAL) expect(report.text, personal).not.toContain(personal);
    expect(report.content.html).toContain('ログイン日時');
    expect(report.content.html).toContain('2025/03/31');
    expect(report.content.redactions).toContain('personal-text');
  });

  it("holds none of the 67 markers of the allow-list redaction's seeded page, made unreadable (utils/capture/fixtures/secret-page.ts)", () => {
    const unreadable = allowList.PAGE.replace('2025/03/29 02:41', '2025/03/29').replace(
      '2025/03/27 21:14',
      '2025/03/27',
    );
    const r = buildPageReport(input(unreadable, allowList.PAGE_URL), deps('rakuten'));
    expect(r.content.reading).toMatchObject({ pageKind: 'login-history', status: 'unreadable' });
    expect(allowList.placed.length).toBeGreaterThan(60);
    const left = allowList.placed.filter(([i]) => r.text.includes(allowList.secret(i))).map(([, where]) => where);
    expect(left).toEqual([]);
  });

  it('keeps the address without its session, and names the file by broker and time', () => {
    expect(report.content.url).toBe('https://member.rakuten-sec.co.jp/app/acc_login_history_lst.do?eventType=init');
    expect(report.fileName).toBe('kabu-guard-page-report-rakuten-20250401-0930.json');
  });

  it('is the exact text of the file: JSON that reads back, and npm run analyze reads its page', () => {
    expect(JSON.parse(report.text)).toEqual(report.content);
    expect(readPageReportFile(report.text)).toMatchObject({ broker: 'rakuten' });
    const analyzed = analyzeSavedFile({ name: report.fileName, bytes: new TextEncoder().encode(report.text) });
    expect(analyzed).toMatchObject({ broker: 'rakuten', pageKind: 'login-history', status: 'unreadable' });
  });

  it('reads junk without throwing', () => {
    for (const junk of ['', '<<<', '<table><tr><td>', '\u0000'.repeat(10)]) {
      const r = buildPageReport(input(junk), deps('rakuten'));
      expect(JSON.parse(r.text).kind).toBe('kabu-guard-page-report');
    }
    expect(buildPageReport(input(SEEDED), { parseHtml, serializePage }).content.reading.status).toBe('no-reader');
    expect(readPageReportFile('{"kind":"other"}')).toBeUndefined();
    expect(readPageReportFile('not json')).toBeUndefined();
  });
});

// every unreadable page in the adapters' fixtures: the report reads it as the adapter does
const unreadable = BROKERS.flatMap((b) => {
  const dir = fileURLToPath(new URL(`../brokers/${b.id}/fixtures`, import.meta.url));
  const urls = new Map(orderFixtures(dir).map((f) => [f.name, f.expected.url]));
  return fixtureFiles(dir)
    .map((f) => ({ broker: b.id, name: f.name, text: f.text, ...JSON.parse(readFileSync(f.expectedPath, 'utf8')) }))
    .filter((f) => f.status === 'unreadable')
    .map((f) => ({ ...f, url: (urls.get(f.name) ?? f.url) as string }));
});

describe.each(unreadable)('report of $broker $name', (f) => {
  it('says the status and kind the adapter reads', () => {
    const r = buildPageReport(input(f.text, f.url, f.broker), deps(f.broker));
    const reading = brokerById(f.broker)!.readPage(parseHtml(f.text), f.url);
    expect(r.content.reading).toMatchObject({ status: 'unreadable', pageKind: reading.pageKind });
    expect(r.content.reading.warnings).toHaveLength(Math.min(50, reading.warnings.length));
  });
});
