import { beforeAll, describe, expect, it } from 'vitest';
import { parseHtml } from '../dom/parse-html';
import { KabuGuardDB } from '../store/db';
import { collectEvidence } from './collect';
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
    input = {
      data,
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
    expect(flagged.some((t) => t.includes('2025/03/29 02:41:00') && t.includes('本人ではない'))).toBe(true);
    expect(flagged.some((t) => t.includes('02846'))).toBe(true);
    const context = Array.from(doc.querySelectorAll('tr')).filter((tr) => tr.textContent?.includes('前後の記録'));
    expect(context.length).toBeGreaterThan(0);
  });

  it('computes the damage items from the records', () => {
    const doc = parseHtml(renderReport({ ...input, lang: 'en' }));
    const text = doc.body.textContent ?? '';
    // 200 x 2,695 + 1,000 x 152 + 100 x 3,310 sold; gains on 特定 only: (2695-2156)*200 + (3310-2032)*100
    expect(text).toContain('1,022,000 JPY');
    expect(text).toContain(`${(107_800 + 127_800).toLocaleString('en-US')} JPY`);
    expect(text).toContain(`${Math.round(235_600 * 0.20315).toLocaleString('en-US')} JPY`);
    expect(text).toContain('111,000 HKD');
  });
});
