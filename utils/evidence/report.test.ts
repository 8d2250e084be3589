import { beforeAll, describe, expect, it } from 'vitest';
import { parseHtml } from '../dom/parse-html';
import { KabuGuardDB } from '../store/db';
import { caseOf } from './case';
import { collectEvidence } from './collect';
import { damageStatement } from './damage';
import { buildCaseStore, XSS_CORPUS } from './fixture-store';
import { escapeHtml, html } from './html';
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
    // 3 logins not mine + the unanswered dormant login = 4; 3 stocks sold; 2 bought; 0 account changes answered
    expect(story).toBe(
      '2025/03/28 09:12:00〜2025/03/31 11:07:00、4 回ログインされ、保有 3 銘柄が売却され（売却額 1,022,000 円）、02846 アンバー・ヒル・フィナンシャル javascript:alert(4) 40,000株、08133 ' +
        XSS_CORPUS.slice(4).join(' ') +
        ' 20,000株が買い付けられました。',
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
