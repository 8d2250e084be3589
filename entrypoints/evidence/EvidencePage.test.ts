// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseHtml } from '../../utils/dom/parse-html';
import { buildCaseStore } from '../../utils/evidence/fixture-store';
import { verifyZip } from '../../cli/verify-zip';
import { openDb } from '../../utils/store/db';
import { EvidencePage } from './EvidencePage';
import { until } from '../../tests/support/until';

describe('EvidencePage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('exports a verifiable bundle through a Blob URL and <a download>, masked when asked', async () => {
    await buildCaseStore(openDb(), parseHtml);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'Kabu Guard',
      version: '0.1.0',
    });
    const blobs: Blob[] = [];
    const downloads: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:evidence';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const root = document.createElement('div');
    document.body.append(root);
    render(h(EvidencePage, {}), root);
    expect(root.querySelector('h1')?.textContent).toBe('証拠資料を書き出す');
    (root.querySelector('[data-field="mask-accounts"]') as HTMLInputElement).click();
    await new Promise((r) => setTimeout(r, 20)); // Preact re-renders on the next tick
    (root.querySelector('[data-field="export"]') as HTMLButtonElement).click();
    const done = await until(() => root.querySelector('[data-field="done"], [data-field="failed"]'));
    expect(done.getAttribute('data-field'), done.textContent ?? '').toBe('done');
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatch(/^kabu-guard-evidence-\d{8}-\d{4}\.zip$/);
    expect(done.textContent).toContain(downloads[0]);
    const zip = new Uint8Array(await blobs[0]!.arrayBuffer());
    const r = await verifyZip(zip);
    expect(r.ok).toBe(true);
    // the receipt: the ZIP's SHA-256 and the chain head, and a mailto: link carrying both (no request made)
    const receipt = await until(() => root.querySelector('[data-field="receipt"]'));
    expect(receipt.querySelector('[data-field="zip-sha256"]')?.textContent).toBe(r.zipSha256);
    expect(receipt.querySelector('[data-field="chain-head"]')?.textContent).toBe(
      `#${r.chain.head!.seq} ${r.chain.head!.hash}`,
    );
    expect(receipt.querySelector('[data-field="fingerprint"]')?.textContent).toBe(r.fingerprint);
    const mail = receipt.querySelector('[data-field="mail-receipt"]')!.getAttribute('href')!;
    expect(mail).toMatch(/^mailto:\?subject=/);
    const body = decodeURIComponent(/[?&]body=([^&]*)/.exec(mail)![1]!);
    expect(body).toContain(r.zipSha256);
    expect(body).toContain(r.chain.head!.hash);
    expect(body).toContain(`--recorded ${r.zipSha256} ${downloads[0]}`);
    expect(receipt.querySelector('[data-field="verify-page"]')?.getAttribute('href')).toBe('/verify.html');
    expect((await verifyZip(zip, { recorded: [r.zipSha256, r.chain.head!.hash] })).ok).toBe(true);
    expect(done.textContent).toContain(r.fingerprint);
    // where the file is, and the three things to do with it
    expect(done.querySelector('[data-field="where"]')?.textContent).toContain('ダウンロード');
    expect(Array.from(done.querySelectorAll('[data-field="next"] li')).map((li) => li.textContent)).toEqual([
      expect.stringContaining('report.html'),
      expect.stringContaining('USB'),
      expect.stringContaining('指紋'),
    ]);
    expect(done.querySelector('[data-field="receipt"]')).not.toBeNull();
    expect(r.intact.some((p) => /^snapshots\/[0-9a-f]{64}\./.test(p))).toBe(false);
  });

  it('shows the open incident and exports it by default, named in words, every control labelled', async () => {
    // the store of the first test: detection opened incidents on the invented case
    const root = document.createElement('div');
    document.body.append(root);
    render(h(EvidencePage, {}), root);
    const box = await until(() => root.querySelector('[data-field="open-incident"]'));
    // the incident as the case tells it: one sentence, then a row per login / trade / change
    const story = await until(() => box.querySelector('[data-field="story"]'));
    expect(story.textContent).toMatch(/^2025\/03\/\d{2} .*ログインされ/);
    const rows = Array.from(box.querySelectorAll('tbody tr'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => ['not-mine', 'suspect'].includes(r.getAttribute('data-standing')!))).toBe(true);
    const select = root.querySelector('select[aria-label="書き出す警告のまとまり"]') as HTMLSelectElement;
    await until(() => select.value);
    const incidents = await openDb().incidents.toArray();
    expect(incidents.map((i) => i.id)).toContain(select.value);
    const radios = Array.from(root.querySelectorAll('input[type="radio"]')) as HTMLInputElement[];
    expect(radios.find((r) => r.checked)?.parentElement?.textContent).toContain('警告のまとまり');
    for (const o of Array.from(select.options)) expect(o.textContent).not.toMatch(/high|medium|inc_|·/);
    for (const c of Array.from(root.querySelectorAll('input, select'))) {
      const labelled = c.closest('label') || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby');
      expect(labelled, c.outerHTML).toBeTruthy();
    }
    root.remove();
  });
});
