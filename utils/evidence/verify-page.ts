// verify.html: opened from the bundle (file://, offline) in any current
// browser, and served by the extension itself (the same page, its script as
// a file, because a verifier that travels inside the bundle it checks cannot
// be the only one: issue 11 defect 6). The user picks the ZIP or the unpacked
// folder; the checks are verify-core.ts, the same text the command line runs.
// Results are written with textContent only: file names inside a tampered ZIP
// are hostile too. CSP: the one inline script is allowed by its hash (no
// 'unsafe-inline' for scripts), nothing may be fetched, styles are inline.

import { sha256Hex } from '../crypto';
import { INFLATE_JS } from './inflate-inline';
import { VERIFY_CORE_JS } from './verify-core';
import { CONTROL_CHARS } from '../text/visible';

const SCRIPT = String.raw`
(function () {
'use strict';
/*INFLATE*/
/*CORE*/
function hex(buf) { return Array.prototype.map.call(new Uint8Array(buf), function (x) { return ('0' + x.toString(16)).slice(-2); }).join(''); }
function sha256(bytes) { return crypto.subtle.digest('SHA-256', bytes).then(hex); }
function concat(parts, len) { var out = new Uint8Array(len), at = 0; parts.forEach(function (c) { out.set(c, at); at += c.length; }); return out; }
// inflating stops as soon as an entry goes past its declared size (onChunk throws)
function inflate(data, declared, onChunk) {
  if (typeof DecompressionStream === 'function') {
    var ds;
    try { ds = new DecompressionStream('deflate-raw'); } catch (e) { ds = null; /* 'deflate-raw' not supported: fall back */ }
    if (ds) {
      var reader = new Blob([data]).stream().pipeThrough(ds).getReader();
      var step = function () {
        return reader.read().then(function (x) {
          if (x.done) return;
          try { onChunk(x.value); } catch (e) { reader.cancel(); throw e; }
          return step();
        });
      };
      return step();
    }
  }
  return Promise.resolve().then(function () { onChunk(inflateRaw(data, declared)); });
}
var core = kgVerifier({
  sha256: sha256,
  hasher: function () { var parts = [], len = 0; return { update: function (c) { parts.push(c.slice()); len += c.length; }, digest: function () { return sha256(concat(parts, len)); } }; },
  inflate: inflate
});
var out = document.getElementById('result');
// file names inside a ZIP are hostile: controls shown as [U+XXXX] (utils/text/visible.ts)
var CONTROL = new RegExp(/*CONTROL*/, 'g');
function shown(s) { return String(s).replace(CONTROL, function (c) { return '[U+' + ('000' + c.charCodeAt(0).toString(16).toUpperCase()).slice(-4) + ']'; }); }
function el(tag, text, attrs) { var e = document.createElement(tag); if (text !== undefined) e.textContent = shown(text); if (attrs) for (var k in attrs) e.setAttribute(k, attrs[k]); return e; }
function both(s) { return s.ja + ' / ' + s.en; }
function recordedValues() { return (document.getElementById('recorded').value.match(/[0-9a-fA-F]{64}/g) || []); }
function show(r, source) {
  out.textContent = '';
  var groups = [
    ['altered', '変更されたファイル / Altered files'],
    ['missing', 'なくなったファイル / Missing files'],
    ['extra', '追加されたファイル / Added files'],
    ['unreadable', '壊れていて読めないファイル / Damaged files'],
    ['manifestMismatch', 'manifest.json と SHA256SUMS が一致しないもの / manifest.json disagrees with SHA256SUMS'],
  ];
  out.setAttribute('data-status', r.ok ? 'ok' : 'bad');
  out.className = r.ok ? 'ok' : 'bad';
  out.appendChild(el('p', source, { class: 'source' }));
  if (r.ok) {
    out.appendChild(el('h2', 'すべてのファイル（' + r.intact.length + ' 件）に変更はありません。', { 'data-field': 'verdict' }));
    out.appendChild(el('p', 'All ' + r.intact.length + ' files intact, and the bundle agrees with itself.', { class: 'en' }));
  } else {
    out.appendChild(el('h2', '改ざん・破損の可能性があります。', { 'data-field': 'verdict' }));
    out.appendChild(el('p', 'This bundle does not match its checksums or does not agree with itself.', { class: 'en' }));
  }
  groups.forEach(function (g) {
    var list = r[g[0]];
    if (!list.length) return;
    out.appendChild(el('h3', g[1]));
    var ul = el('ul', undefined, { 'data-group': g[0] });
    list.forEach(function (p) { ul.appendChild(el('li', p, { 'data-path': p })); });
    out.appendChild(ul);
  });
  var problems = r.problems.slice();
  if (r.chain.problem) problems.push(r.chain.problem);
  if (problems.length) {
    out.appendChild(el('h3', '見つかった問題 / Problems found'));
    var pl = el('ul', undefined, { 'data-group': 'problems' });
    problems.forEach(function (p) { pl.appendChild(el('li', both(p))); });
    out.appendChild(pl);
  }
  r.recorded.forEach(function (x) {
    var what = x.matches === 'zip' ? 'このZIPのSHA-256と一致 / matches the SHA-256 of this ZIP'
      : x.matches === 'fingerprint' ? '指紋と一致 / matches the fingerprint'
      : x.matches === 'chain' ? '操作ログの記録 ' + x.seq + ' と一致：そこまでのログは記録した時から変わっていません / matches capture-log entry ' + x.seq + ': the log up to it is unchanged since you recorded it'
      : '一致しません / matches nothing in this bundle';
    out.appendChild(el('p', x.value + ': ' + what, { class: x.matches ? 'fp' : 'fp bad-value', 'data-field': 'recorded' }));
  });
  r.notes.forEach(function (n) { out.appendChild(el('p', both(n), { class: 'note' })); });
  if (r.zipSha256) out.appendChild(el('p', 'ZIPのSHA-256 / ZIP SHA-256: ' + r.zipSha256, { class: 'fp', 'data-field': 'zip-sha256' }));
  if (r.fingerprint) out.appendChild(el('p', '指紋 / Fingerprint (SHA-256 of SHA256SUMS): ' + r.fingerprint, { class: 'fp', 'data-field': 'fingerprint' }));
  if (r.chain.head) out.appendChild(el('p', '操作ログの最後 / Capture-log chain head: #' + r.chain.head.seq + ' ' + r.chain.head.hash, { class: 'fp', 'data-field': 'chain-head' }));
  if (r.ok && !r.recorded.some(function (x) { return x.matches; }))
    out.appendChild(el('p', 'ファイル同士は一致しています。ただし、これだけでは全体を作り直した偽物と区別できません。書き出した時に控えたZIPのSHA-256か操作ログの最後のハッシュ（自分宛てのメールなど）と比べてください。 / The files agree with each other. On its own this cannot tell a bundle rebuilt as a whole from the original: compare the ZIP SHA-256 or the chain head with the one recorded outside it at export (the e-mail to yourself).', { class: 'note', 'data-field': 'caveat' }));
  if (r.intact.length) {
    var d = el('details'); d.appendChild(el('summary', '一致したファイル / Intact files (' + r.intact.length + ')'));
    var ul2 = el('ul'); r.intact.forEach(function (p) { ul2.appendChild(el('li', p)); }); d.appendChild(ul2); out.appendChild(d);
  }
}
function fail(msg) { out.textContent = ''; out.setAttribute('data-status', 'error'); out.className = 'bad'; out.appendChild(el('h2', msg, { 'data-field': 'verdict' })); }
function busy() { out.textContent = ''; out.removeAttribute('data-status'); out.className = ''; out.appendChild(el('p', '確認しています… / Checking…')); }
function checkZip(f) {
  busy();
  f.arrayBuffer().then(function (buf) {
    return core.verifyZip(new Uint8Array(buf), { recorded: recordedValues() });
  }).then(function (r) { show(r, f.name); }, function (e) { fail('ZIPファイルとして確認できません / Cannot check this ZIP file: ' + (e && e.ja ? e.ja + ' / ' : '') + (e && e.message)); });
}
function checkDir(files) {
  busy();
  var by = new Map();
  files.forEach(function (f) { var p = (f.webkitRelativePath || f.name).split('/'); by.set(p.length > 1 ? p.slice(1).join('/') : p[0], f); });
  var read = function (n) { return by.get(n).arrayBuffer().then(function (b) { return new Uint8Array(b); }); };
  core.verifyBundle(Array.from(by.keys()), { read: read, hash: function (n) { return read(n).then(sha256); }, size: function (n) { return by.get(n).size; } }, { recorded: recordedValues() })
    .then(function (r) { show(r, files[0].webkitRelativePath.split('/')[0] + '/'); }, function (e) { fail(String(e && e.message)); });
}
document.getElementById('zip').addEventListener('change', function (ev) {
  var f = ev.target.files && ev.target.files[0];
  if (f) checkZip(f);
});
document.getElementById('dir').addEventListener('change', function (ev) {
  var files = Array.from(ev.target.files || []);
  if (files.length) checkDir(files);
});
if (!(window.crypto && crypto.subtle)) fail('このブラウザでは計算できません（WebCrypto がありません） / This browser has no WebCrypto');
})();
`
  .replace('/*INFLATE*/', () => INFLATE_JS)
  .replace('/*CORE*/', () => VERIFY_CORE_JS)
  .replace('/*CONTROL*/', () => JSON.stringify(CONTROL_CHARS.source));

const STYLE = `
:root { color-scheme: light; }
body { font-family: "IPAGothic", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.6; }
h1 { font-size: 1.4rem; border-bottom: 2px solid #111; }
label { display: block; margin: 0.8rem 0; padding: 0.8rem; border: 1px solid #888; border-radius: 6px; }
.en, .note, .source { color: #444; font-size: 0.9rem; }
#result { margin-top: 1rem; padding: 0.8rem 1rem; border-radius: 6px; }
#result.ok { border: 3px solid #1b7f3b; background: #eaf6ee; }
#result.bad { border: 3px solid #b3261e; background: #fdecea; }
li[data-path] { font-family: monospace; font-weight: bold; }
.fp { font-family: monospace; font-size: 0.8rem; overflow-wrap: anywhere; }
`;

function page(head: string, script: string): string {
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
${head}
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>証拠資料の改ざん検査 / Evidence bundle check</title>
<style>${STYLE}</style>
</head>
<body>
<h1>証拠資料の改ざん検査 <span class="en">/ Evidence bundle check</span></h1>
<p>このページはインターネットに接続せず、このパソコンの中だけで計算します。証拠資料のZIPファイル（または展開したフォルダ）を選ぶと、すべてのファイルのSHA-256を計算し直し、SHA256SUMS・manifest.json・操作ログの連鎖と比べます。</p>
<p class="en">This page works offline, on this computer only. Pick the evidence ZIP (or its unpacked folder): every file's SHA-256 is recomputed and checked against SHA256SUMS, manifest.json and the capture log's hash chain.</p>
<label>控えておいた値（任意） / Value you recorded (optional): <input type="text" id="recorded" size="66" spellcheck="false" placeholder="ZIPのSHA-256 または 操作ログの最後のハッシュ / ZIP SHA-256 or chain head"></label>
<label>ZIPファイルを選ぶ / Pick the ZIP file: <input type="file" id="zip" accept=".zip,application/zip"></label>
<label>展開したフォルダを選ぶ / Or pick the unpacked folder: <input type="file" id="dir" webkitdirectory multiple></label>
<div id="result" aria-live="polite"></div>
<h2>この検査でわかること・わからないこと <span class="en">/ What this check proves, and what it cannot</span></h2>
<p class="note">わかること：ファイルが欠けたり、追加されたり、1バイトでも変わったりしていないこと（SHA256SUMS の作成後に）、manifest.json・datapackage.json・操作ログ・スナップショットが互いに一致していること。書き出した時に控えたZIPのSHA-256（拡張機能からの自分宛てメールなど）と一致すれば、そのとき書き出したものと同じです。操作ログの最後のハッシュが後の証拠資料のログに含まれていれば、そこまでのログはその後変わっていません。<br>
わからないこと：控えがなければ、全体を作り直して計算し直した偽物とは区別できません。証券会社の画面が本物であったこと、パソコンの時計が正しかったこと、拡張機能が改造されていなかったことは、この検査では証明できません。</p>
<p class="note en">Proves: no file is missing, added or changed by a single byte since SHA256SUMS was written, and manifest.json, datapackage.json, the capture log and the snapshots agree with each other. If the ZIP's SHA-256 matches the one recorded outside it at export (the e-mail the extension offers), it is the bundle exported then; if a recorded chain head appears in a later bundle's log, the log up to it has not changed since.<br>
Cannot prove: without an outside record, a bundle rebuilt and rehashed as a whole looks the same. It cannot prove that the broker's pages were genuine, that the computer's clock was right, or that the extension was unmodified.</p>
${script}
</body>
</html>
`;
}

/** The page as it travels inside the bundle: one file, its script inline and allowed by hash. */
export async function verifyPageHtml(): Promise<string> {
  const scriptHash = toBase64(await sha256Bytes(SCRIPT));
  const csp = `default-src 'none'; script-src 'sha256-${scriptHash}'; style-src 'unsafe-inline'; img-src data:`;
  return page(`<meta http-equiv="Content-Security-Policy" content="${csp}">`, `<script>${SCRIPT}</script>`);
}

/** The same page served by the extension (its pages allow no inline script): verify.html + verify.js. */
export function extensionVerifyPage(): { html: string; script: string } {
  const csp = `default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src data:`;
  return {
    html: page(`<meta http-equiv="Content-Security-Policy" content="${csp}">`, '<script src="verify.js"></script>'),
    script: SCRIPT,
  };
}

async function sha256Bytes(text: string): Promise<Uint8Array> {
  const hex = await sha256Hex(text);
  return Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16));
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
