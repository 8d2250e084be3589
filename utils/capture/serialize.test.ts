import { afterEach, describe, expect, it } from 'vitest';
import { parseWith } from '../brokers/shared/testing';
import { parseHtml } from '../dom/parse-html';
import { serializePage } from './serialize';

const SID = 'BV_SessionID=97B0E2D4C1A8F3E6B5D7C9A0E1F2A3B4.ee24ea7f';
const PAGE = `<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">
<meta name="_csrf" content="0f1e2d3c-secret">
<title>ログイン履歴 | 楽天証券[PC]</title>
<script>var token = "tok-123";</script>
</head><body>
<a id="menu" href="#" onclick="memberPageJump('/app/ass_trad_lst.do;${SID}?eventType=init');return false;">取引履歴</a>
<a id="logout" href="/app/logout.do;${SID}">ログアウト</a>
<a id="q" href="https://site.sbisec.co.jp/x?view=1&amp;token=abc123&amp;jsessionid=XYZ">x</a>
<form id="f" action="https://member.rakuten-sec.co.jp/app/Login.do;${SID}" method="post">
  <input id="id" type="text" name="loginid" value="user0001">
  <input id="pw" type="password" name="passwd" value="hunter2">
  <input id="otp" type="text" name="otp" value="123456" autocomplete="one-time-code">
  <input id="hidden" type="hidden" name="_csrf" value="0f1e2d3c-secret">
  <textarea id="memo">暗証番号 1234</textarea>
</form>
<noscript><img src="/track.gif?sid=1"></noscript>
<table><tr><th>ログイン日時</th></tr><tr><td>2025/03/29 02:41</td></tr></table>
<script src="/member/js/app.js"></script>
</body></html>`;

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('serializePage', () => {
  it.each(['happy-dom', 'linkedom'] as const)('leaves no credential or token in the snapshot (%s)', async (dom) => {
    const parsed = await parseWith(dom, PAGE, 'https://member.rakuten-sec.co.jp/app/acc_login_history_lst.do');
    close = parsed.close;
    // a value typed by the user lives in the property, not the attribute; neither may leave
    (parsed.doc.querySelector('#pw') as HTMLInputElement).value = 'typed-secret';
    const out = serializePage(parsed.doc);
    for (const secret of [
      'hunter2',
      'typed-secret',
      'user0001',
      '123456',
      '0f1e2d3c-secret',
      'tok-123',
      '暗証番号',
      '97B0E2D4C1A8F3E6B5D7C9A0E1F2A3B4',
      'abc123',
      'XYZ',
    ]) {
      expect(out.html).not.toContain(secret);
    }
    expect(out.redactions).toEqual([
      'attributes',
      'embedded-content',
      'input-values',
      'scripts',
      'session-ids',
      'textarea-contents',
    ]);

    const back = parseHtml(out.html);
    expect(back.querySelectorAll('script,noscript').length).toBe(0);
    for (const id of ['id', 'pw', 'otp', 'hidden'])
      expect(back.querySelector(`#${id}`)!.hasAttribute('value')).toBe(false);
    expect(back.querySelector('#pw')!.getAttribute('type')).toBe('password');
    expect(back.querySelector('#memo')!.textContent).toBe('');
    expect(back.querySelector('#logout')!.getAttribute('href')).toBe('/app/logout.do');
    expect(back.querySelector('#f')!.getAttribute('action')).toBe('https://member.rakuten-sec.co.jp/app/Login.do');
    // allow-list (issue 11 item 8): handlers are not kept at all; session-named parameters leave links
    expect(back.querySelector('#menu')!.hasAttribute('onclick')).toBe(false);
    expect(back.querySelector('#q')!.getAttribute('href')).toBe('https://site.sbisec.co.jp/x?view=1');
  });

  it.each(['happy-dom', 'linkedom'] as const)(
    'rewrites the charset declaration to UTF-8 and keeps the page readable (%s)',
    async (dom) => {
      const parsed = await parseWith(dom, PAGE, 'https://member.rakuten-sec.co.jp/');
      close = parsed.close;
      const out = serializePage(parsed.doc);
      const metas = out.html.match(/<meta[^>]*charset[^>]*>/gi) ?? [];
      expect(metas).toHaveLength(1);
      expect(metas[0]).toMatch(/charset="?utf-8"?/i);
      expect(out.html).not.toMatch(/EUC-JP/i);
      expect(out.html.indexOf('charset')).toBeLessThan(out.html.indexOf('<title>'));
      expect(out.html.startsWith('<!DOCTYPE html>')).toBe(true);
      const back = parseHtml(out.html);
      expect(back.title).toBe('ログイン履歴 | 楽天証券[PC]');
      expect(back.querySelector('td')!.textContent).toBe('2025/03/29 02:41');
    },
  );

  it('does not change the live page', async () => {
    const parsed = await parseWith('happy-dom', PAGE, 'https://member.rakuten-sec.co.jp/');
    close = parsed.close;
    serializePage(parsed.doc);
    expect(parsed.doc.querySelector('#pw')!.getAttribute('value')).toBe('hunter2');
    expect(parsed.doc.querySelectorAll('script').length).toBe(2);
  });
});
