import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHtml } from '../dom/parse-html';
import { KabuGuardDB } from '../store/db';
import { caseOf } from './case';
import { collectEvidence } from './collect';
import { damageStatement } from './damage';
import { buildCaseStore, XSS_CORPUS } from './fixture-store';
import { escapeHtml, html } from './html';
import { ingestInputs } from './inputs';
import { REPORT_CSP, renderReport, type ReportInput } from './report';

describe('escapeHtml', () => {
  it.each(XSS_CORPUS)('%s becomes inert text', (s) => {
    const out = escapeHtml(s);
    expect(out).not.toMatch(/[<>"'`]/);
    expect(parseHtml(`<p>${out}</p>`).querySelector('p')!.textContent).toBe(s);
    expect(parseHtml(`<p title="${out}">x</p>`).querySelector('p')!.getAttribute('title')).toBe(s);
  });

  it('html`` escapes interpolations, including arrays, and keeps nested fragments', () => {
    expect(html`<b>${'<i>'}</b>${[html`<br>`, '<br>']}`.value).toBe('<b>&lt;i&gt;</b><br>&lt;br&gt;');
  });
});

describe('report.html', () => {
  let input: Omit<ReportInput, 'lang'>;
  beforeAll(async () => {
    const db = new KabuGuardDB(`report-${Math.random()}`);
    await buildCaseStore(db, parseHtml);
    const data = await collectEvidence(db);
    const caseFile = caseOf(data);
    input = {
      data,
      caseFile,
      damage: damageStatement({ case: caseFile, orders: data.orders, holdings: data.holdings }),
      masked: false,
      snapshotsWithheld: false,
      logCheck: { ok: true, count: data.captureLog.length },
      storeCheck: { checked: data.snapshots.length, mismatched: [], missing: [] },
      files: ['data/logins.csv'],
    };
  });

  it.each(['ja', 'en'] as const)('(%s) shows hostile broker text as text and runs nothing', (lang) => {
    const page = renderReport({ ...input, lang });
    const doc = parseHtml(page);
    const body = doc.body.textContent ?? '';
    for (const s of XSS_CORPUS) expect(body, s).toContain(s);
    expect(doc.querySelectorAll('script, svg, img, iframe, object, embed, a, link, base, form').length).toBe(0);
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        expect(a.name, `${el.tagName} ${a.name}`).not.toMatch(/^on|^href$|^src$|^srcdoc$|^style$|^action$/i);
      }
    }
    expect(doc.querySelectorAll('style').length).toBe(1);
    expect(doc.querySelector('style')!.textContent).not.toMatch(/url\(|@import|display:\s*none/);
    const metas = Array.from(doc.querySelectorAll('meta'));
    expect(metas.filter((m) => m.getAttribute('http-equiv')?.toLowerCase() === 'refresh')).toEqual([]);
    expect(metas.find((m) => m.getAttribute('http-equiv') === 'Content-Security-Policy')?.getAttribute('content')).toBe(
      REPORT_CSP,
    );
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(doc.querySelector('title')!.textContent).toBe(
      lang === 'ja' ? '不正アクセス被害の記録（証拠資料）' : 'Record of unauthorised access (evidence file)',
    );
  });

  it('marks the rows the holder answered "not me" and shows their neighbours', () => {
    const doc = parseHtml(renderReport({ ...input, lang: 'ja' }));
    const flagged = Array.from(doc.querySelectorAll('tr.flag')).map((tr) => tr.textContent ?? '');
    expect(flagged.some((t) => t.includes('2025/03/29 02:41:00') && t.includes('自分ではない'))).toBe(true);
    expect(flagged.some((t) => t.includes('02846'))).toBe(true);
    const context = Array.from(doc.querySelectorAll('tr')).filter((tr) => tr.textContent?.includes('前後の記録'));
    expect(context.length).toBeGreaterThan(0);
  });

  it('computes the damage items from the records (figures by hand)', () => {
    const en = parseHtml(renderReport({ ...input, lang: 'en' })).body.textContent ?? '';
    // sold at the sale price: 200 × 2,695 + 1,000 × 152 + 100 × 3,310 = 539,000 + 152,000 + 331,000
    expect(en).toContain('1,022,000 yen');
    // gains in 特定 (the same account's own buys): (2,695 − 2,156) × 200 + (3,310 − 2,032) × 100 = 107,800 + 127,800
    expect(en).toContain('235,600 yen');
    // tax: 235,600 × 0.15315 = 36,082.1 → 36,082; 235,600 × 0.05 = 11,780; together 47,862
    for (const f of ['36,082 yen', '11,780 yen', '47,862 yen']) expect(en).toContain(f);
    // NISA: 9432 bought at 122 in NISA, sold at 152: allowance 1,000 × 122 = 122,000, untaxed gain 30,000
    expect(en).toContain('122,000 yen');
    expect(en).toContain('30,000 yen');
    // Hong Kong buys: 40,000 × 2.1 + 20,000 × 1.35 = 84,000 + 27,000 HKD, never added to yen; no rate shown
    expect(en).toContain('111,000 HKD');
    const ja = parseHtml(renderReport({ ...input, lang: 'ja' })).body.textContent ?? '';
    expect(ja).toContain('1,022,000 円');
    expect(ja).toContain('111,000 香港ドル');
    expect(ja).not.toMatch(/\bJPY\b|\bHKD\b|\(high\)|\(medium\)/);
  });

  it('opens with the key points, derived from the case', () => {
    const doc = parseHtml(renderReport({ ...input, lang: 'ja' }));
    const first = doc.querySelector('section')!;
    expect(first.id).toBe('key-points');
    const story = first.querySelector('[data-field="story"]')!.textContent!;
    // 3 logins not mine + the unanswered dormant login = 4; 3 stocks sold; 2 bought; the e-mail change at 02:45,
    // in the sessions of the 02:41 logins answered "not me" (fixture-store.ts)
    expect(story).toBe(
      '2025/03/28 09:12:00〜2025/03/31 11:07:00、4 回ログインされ、保有 3 銘柄が売却され（売却額 1,022,000 円）、02846 アンバー・ヒル・フィナンシャル javascript:alert(4) 40,000株、08133 ' +
        XSS_CORPUS.slice(4).join(' ') +
        ' 20,000株が買い付けられ、登録情報が 1 件変更されました。',
    );
  });

  it('asks for the access log of every not-mine and suspect event, and says which is which', () => {
    const doc = parseHtml(renderReport({ ...input, lang: 'ja' }));
    const rows = Array.from(doc.querySelectorAll('table.access tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => td.textContent),
    );
    expect(rows.map((r) => `${r[0]} ${r[3]} ${r[4]}`)).toEqual([
      '2025/03/28 09:12:00 ログイン 未回答',
      '2025/03/29 02:41:00 ログイン 自分ではない',
      '2025/03/29 02:41:00 ログイン 自分ではない',
      '2025/03/29 02:45:00 登録情報の変更 自分ではない',
      '2025/03/31 10:38:00 ログイン 自分ではない',
      '2025/03/31 10:41:00 取引 自分ではない',
      '2025/03/31 10:42:00 取引 自分ではない',
      '2025/03/31 10:43:00 取引 自分ではない',
      '2025/03/31 11:05:00 取引 自分ではない',
      '2025/03/31 11:07:00 取引 自分ではない',
    ]);
  });

  it('writes English plurals and lists per language', () => {
    const en = parseHtml(renderReport({ ...input, lang: 'en' })).body.textContent ?? '';
    expect(en).not.toMatch(/\b1 logins\b|\b1 trades\b/);
    expect(en).not.toContain('、');
  });
});

describe('report.html of the staged attack (utils/evidence/fixtures/staged-attack-rakuten.json), figures by hand', () => {
  let ja: Document;
  let en: Document;
  beforeAll(async () => {
    const db = new KabuGuardDB(`staged-${Math.random()}`);
    const bytes = new Uint8Array(readFileSync(join(__dirname, 'fixtures', 'staged-attack-rakuten.json')));
    await ingestInputs(db, [{ name: 'staged-attack-rakuten.json', bytes }], {}, parseHtml);
    const data = await collectEvidence(db);
    const caseFile = caseOf(data);
    const base = {
      data,
      caseFile,
      damage: damageStatement({ case: caseFile, orders: data.orders, holdings: data.holdings }),
      masked: false,
      snapshotsWithheld: false,
      logCheck: { ok: true, count: data.captureLog.length },
      storeCheck: { checked: data.snapshots.length, mismatched: [], missing: [] },
      files: [],
    };
    ja = parseHtml(renderReport({ ...base, lang: 'ja' }));
    en = parseHtml(renderReport({ ...base, lang: 'en' }));
  });

  it('says in one sentence what happened, when, from where and what it cost', () => {
    expect(ja.querySelector('[data-field="story"]')!.textContent).toBe(
      // 5 stocks × accounts sold: 570,000 + 285,000 + 152,000 + 331,000 + 410,000 = 1,748,000; the 5999 buy at
      // 10:20:30 was not answered, but it lies only in the attacker's two sessions (the holder's own login is at
      // 10:20:50): the fixture's "two small caps bought", as damage.test.ts has it
      '2025/11/29 10:17:55〜10:20:30、中国、香港から 2 回ログインされ、保有 5 銘柄が売却され（売却額 1,748,000 円）、08327 香港小型株（架空） 60,000株、5999 架空小型株 2,000株が買い付けられました。',
    );
    expect(en.querySelector('[data-field="story"]')!.textContent).toBe(
      'From 2025/11/29 10:17:55 to 10:20:30: 2 logins from China and Hong Kong; 5 holdings sold (for 1,748,000 yen); 08327 香港小型株（架空） 60,000 shares and 5999 架空小型株 2,000 shares bought.',
    );
    const key = ja.querySelector('#key-points')!.textContent!;
    expect(key).toContain('パソコン（Windows・Chrome）、中国のネットワーク 36.110.123.45');
    // 60,000 × 0.78 = 46,800 HKD × 19.20 = 898,560 円, + 2,000 × 430 = 860,000 円 → 1,758,560 円 in yen;
    // fees 535 + 275 + 535 = 1,345 円; tax 47,900 円 (damage.test.ts)
    for (const s of [
      '46,800 香港ドル、860,000 円（円換算 1,758,560 円）',
      '手数料: 1,345 円',
      '税金（推定）: 47,900 円',
    ])
      expect(key).toContain(s);
  });

  it('keeps each account apart: トヨタ 特定 at 2,156 and NISA at 2,640', () => {
    const rows = Array.from(ja.querySelectorAll('#damage table.rows')[2]!.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => td.textContent),
    );
    expect(rows.map((r) => [r[1], r[2], r[7], r[9]])).toEqual([
      ['7203 トヨタ自動車', '特定', '2,156 円', '138,265 円'],
      ['7203 トヨタ自動車', 'NISA成長投資枠', '2,640 円', '21,000 円'],
      ['9432 日本電信電話', '特定', '182 円', '-30,000 円'],
      ['8058 三菱商事', '一般', '2,032 円', '127,525 円'],
      ['2914 ＪＴ', 'NISA成長投資枠', '3,456 円', '64,400 円'],
    ]);
  });

  it('asks for the access log of both logins and every trade, and shows no code', () => {
    expect(ja.querySelectorAll('table.access tbody tr').length).toBe(9);
    const text = ja.body.textContent!;
    expect(text).not.toMatch(/\bJPY\b|\bHKD\b|\(high\)|· high|pc \/ Windows|snap_/);
    expect(en.body.textContent).not.toMatch(/\b1 logins\b|、/);
  });
});
