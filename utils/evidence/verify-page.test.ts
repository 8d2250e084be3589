import { describe, expect, it } from 'vitest';
import { extensionVerifyPage, verifyPageHtml } from './verify-page';
import { VERIFY_CORE_JS } from './verify-core';

describe('verify.html', () => {
  it('carries the one verifier core, inline in the bundle and as verify.js in the extension', async () => {
    const inline = await verifyPageHtml();
    const ext = extensionVerifyPage();
    expect(inline).toContain(VERIFY_CORE_JS);
    expect(ext.script).toContain(VERIFY_CORE_JS);
    expect(inline).toContain(`<script>${ext.script}</script>`);
    expect(ext.html).toContain('<script src="verify.js"></script>');
    // a syntax error would leave the page dead in every browser (the e2e test runs it in Chromium)
    expect(() => new Function(ext.script)).not.toThrow();
  });

  it('says what the check proves and what it cannot, in both languages', async () => {
    const html = await verifyPageHtml();
    expect(html).toContain('わかること');
    expect(html).toContain('わからないこと');
    expect(html).toContain('Cannot prove');
  });
});
