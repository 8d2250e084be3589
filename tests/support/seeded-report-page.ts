// A page the extension recognises but cannot read, seeded with secret markers
// wherever a page carries what must never leave it (utils/report/page-report.test.ts,
// tests/e2e/page-report.e2e.test.ts). Test data, not shipped.
// An unreadable Rakuten login history (rakuten/fixtures/login-history-unreadable.html: dates without
// times) seeded with secret markers wherever a page carries what must not leave it. Invented: every marker.
export const secret = (i: number) => `Qx${String(i).padStart(2, '0')}SecretMarker9f`;
export const SEEDED_URL = `https://member.rakuten-sec.co.jp/app/acc_login_history_lst.do;BV_SessionID=${secret(1)}?eventType=init`;
export const SEEDED = `<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><meta name="csrf-token" content="${secret(2)}">
<title>ログイン履歴 | お客様情報 | 楽天証券[PC]</title>
<script>var session = "${secret(3)}";</script><noscript><img src="/t.gif?sid=${secret(4)}"></noscript></head>
<body>
<p class="pcm-gl-header-status__name">見本　太郎　様</p>
<p>口座番号 123-4567890 / mihon@example.com / 03-1234-5678</p>
<a href="/app/logout.do;BV_SessionID=${secret(5)}">ログアウト</a>
<a href="/app/home.do?eventType=init&amp;jsessionid=${secret(6)}">ホーム</a>
<form action="/app/x.do;BV_SessionID=${secret(7)}"><input type="password" name="passwd" value="${secret(8)}">
<input type="text" name="loginid" value="${secret(9)}"><input type="hidden" name="_csrf" value="${secret(10)}">
<textarea>${secret(11)}</textarea></form>
<h1>ログイン履歴</h1>
<table><thead><tr><th>ログイン日時</th><th>ログイン方法</th><th>IPアドレス</th></tr></thead><tbody>
<tr><td>2025/03/31</td><td>PC</td><td>203.0.113.7</td></tr>
<tr><td>2025/03/30</td><td>スマートフォン</td><td>2001:db8:85a3::8a2e:370:7334</td></tr>
</tbody></table></body></html>`;

/** Markers 1..SECRETS are placed above. */
export const SECRETS = 11;
/** The holder's personal text in the page: masked in a report. */
export const PERSONAL = ['見本', '太郎', '4567890', 'mihon@', '1234-5678', '203.0.113.7', '8a2e:370:7334'];
