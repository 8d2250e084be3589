// A broker page seeded with a secret marker in every attribute and node type a
// page can carry (issue 11 item 8), for the redaction tests (redaction.test.ts,
// check.test.ts). The markers are invented, shaped like real session tokens
// (letters and digits, 20 characters); the page is modelled on Rakuten's login
// history (rakuten/fixtures/login-history.html). Test code, not shipped.

export const secret = (i: number) => `Zq${String(i).padStart(2, '0')}x7Kp9Lm2Wv4Rt8Ny`;
let n = 0;
export const placed: Array<[number, string]> = [];
/** Puts a fresh marker in, and remembers where. */
const m = (where: string) => {
  placed.push([++n, where]);
  return secret(n);
};
export const PAGE_URL = 'https://member.rakuten-sec.co.jp/app/acc_login_history_lst.do?eventType=init';

export const PAGE = `<!DOCTYPE html>
<html lang="ja" manifest="/app.appcache?sid=${m('html manifest')}">
<head>
<?xml-stylesheet href="${m('processing instruction')}"?>
<!-- ${m('head comment')} -->
<meta charset="EUC-JP">
<meta http-equiv="refresh" content="600;url=/app/home.do?sid=${m('meta refresh')}">
<meta name="csrf-token" content="${m('csrf meta')}">
<meta property="og:url" content="https://member.rakuten-sec.co.jp/app/home.do?session_id=${m('og:url meta')}">
<base href="https://member.rakuten-sec.co.jp/${m('base href')}/">
<link rel="stylesheet" href="/member/css/a.css;jsessionid=${m('link href')}">
<style>.bg { background: url(/img/bg.png?sid=${m('style element url()')}); }</style>
<title>ログイン履歴 | 楽天証券[PC]</title>
<script>var session = "${m('inline script')}";</script>
<script src="/member/js/app.js?token=${m('script src')}"></script>
<noscript><img src="/track.gif?sid=${m('noscript')}"></noscript>
</head>
<body onload="init('${m('body onload')}')" background="/img/body.gif?sid=${m('body background')}">
<div id="pcm-gl-header" class="pcm-gl-header ${m('class token')}" style="background:url('/h.png?session_id=${m('style attribute url()')}')">
  <p class="pcm-gl-header-status__name" title="${m('title attribute')}" aria-label="${m('aria-label')}">見本　太郎　様</p>
  <a id="logout" href="/app/logout.do;BV_SessionID=${m('matrix session in href')}">ログアウト</a>
  <a id="menu" href="#" onclick="memberPageJump('/app/ass_trad_lst.do;BV_SessionID=${m('onclick')}');return false;" onmouseover="hover('${m('onmouseover')}')" onfocus="f('${m('onfocus')}')">取引履歴</a>
  <a id="sid" href="/app/x.do?eventType=init&amp;sid=${m('?sid link')}">x</a>
  <a id="session" href="https://member.rakuten-sec.co.jp/app/x.do?session_id=${m('?session_id link')}">x</a>
  <a id="access" href="/app/x.do?access_token=${m('?access_token link')}&amp;view=1">x</a>
  <a id="js" href="javascript:go('${m('javascript: href')}')">x</a>
  <a id="frag" href="/app/x.do#${m('fragment')}">x</a>
  <a id="ping" href="/app/y.do" ping="/ping?${m('ping')}" data-token="${m('data-token')}" data-session="${m('data-session')}">y</a>
  <a id="stock" href="/ETGate/?_ControlID=WPLETsiR001Control&amp;i_stock_sec=6846&amp;sw_param1=${m('token-like query value')}">6846</a>
  <span id="${m('id token')}">z</span>
</div>
<form id="f" action="/app/Login.do;BV_SessionID=${m('form action')}" method="post" data-csrf="${m('form data-*')}">
  <input id="user" type="text" name="loginid" value="${m('text input value')}" placeholder="${m('placeholder')}">
  <input id="pw" type="password" name="passwd" value="${m('password value')}">
  <input id="otp" type="text" name="otp" autocomplete="one-time-code" value="${m('one-time code')}">
  <input type="hidden" name="_csrf" value="${m('hidden input')}">
  <input type="hidden" name="${m('hidden input name')}" value="1">
  <input id="img" type="image" src="/btn.gif?sid=${m('input type=image src')}" alt="送信">
  <input id="submit" type="submit" value="${m('submit value')}">
  <button id="btn" type="submit" name="go" value="${m('button value')}" formaction="/app/other.do?token=${m('formaction')}">送信</button>
  <select name="acct"><option value="${m('option value')}" selected>特定口座</option></select>
  <textarea id="memo">${m('textarea')}</textarea>
</form>
<template id="tpl"><input type="hidden" name="t" value="${m('input in template')}"><p>${m('template text')}</p></template>
<img id="pic" src="/img/a.gif?sid=${m('img src')}" srcset="/img/a.png?sid=${m('srcset')} 1x, /img/b.png 2x" alt="バナー" usemap="#map">
<map name="map"><area href="/app/z.do?sid=${m('area href')}" alt="z"></map>
<object data="/flash/a.swf?sid=${m('object data')}"><param name="movie" value="/a.swf?sid=${m('param value')}"></object>
<embed src="/embed?sid=${m('embed src')}">
<iframe src="/frame?sid=${m('iframe src')}" srcdoc="<p>${m('iframe srcdoc')}</p>"></iframe>
<video poster="/p.png?sid=${m('video poster')}"><source src="/v.mp4?sid=${m('source src')}"></video>
<h2 class="pcmm-ttl-lv2">ログイン履歴</h2>
<table class="pcmm-table" summary="${m('table summary')}">
  <!-- ${m('comment in table')} -->
  <tr><th>ログイン日時</th><th>ログイン方法</th></tr>
  <tr><td data-label="${m('data-label token')}">2025/03/29 02:41</td><td>PC</td></tr>
  <tr><td background="/td.gif?sid=${m('td background')}">2025/03/27 21:14</td><td>スマートフォン</td></tr>
</table>
<ul class="responsive-table"><li class="table-row"><div class="table-item" data-label="約定日" data-security-code="GOOG">2025/03/27</div></li></ul>
<custom-widget data-config="${m('custom element data-*')}">custom</custom-widget>
<!-- last: happy-dom's parser takes the rest of a page into an <svg> holding CDATA or a script -->
<svg><a xlink:href="/svg?sid=${m('svg xlink:href')}"><text>s</text></a><image href="/i.png?sid=${m('svg image href')}"/><![CDATA[${m('cdata')}]]><script>var s="${m('svg script')}"</script></svg>
</body></html>`;
