// verify.html: opened from the bundle (file://, offline) in any current
// browser; the user picks the ZIP or the unpacked folder and the page
// recomputes every SHA-256 with WebCrypto. The same rules as verify.ts, in
// plain ES2017 because the page must carry its own code. Results are written
// with textContent only: file names inside a tampered ZIP are hostile too.
// CSP: the one inline script is allowed by its hash (no 'unsafe-inline' for
// scripts), nothing may be fetched, styles are inline.

import { sha256Hex } from '../crypto';
import { INFLATE_JS } from './inflate-inline';

const SCRIPT = String.raw`
(function () {
'use strict';
/*INFLATE*/
var RESERVED = ['datapackage-digest.json'];
var u16 = function (b, o) { return b[o] | (b[o + 1] << 8); };
var u32 = function (b, o) { return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0; };
function hex(buf) { return Array.prototype.map.call(new Uint8Array(buf), function (x) { return ('0' + x.toString(16)).slice(-2); }).join(''); }
function sha256(bytes) { return crypto.subtle.digest('SHA-256', bytes).then(hex); }
function inflate(bytes) {
  if (typeof DecompressionStream === 'function') {
    try {
      var ds = new DecompressionStream('deflate-raw');
      return new Response(new Blob([bytes]).stream().pipeThrough(ds)).arrayBuffer().then(function (b) { return new Uint8Array(b); });
    } catch (e) { /* 'deflate-raw' not supported: fall back */ }
  }
  return Promise.resolve().then(function () { return inflateRaw(bytes); });
}
function listZip(b) {
  var eocd = -1;
  for (var i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) if (u32(b, i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new Error('not a ZIP file');
  var count = u16(b, eocd + 10), p = u32(b, eocd + 16), dec = new TextDecoder('utf-8'), out = [];
  for (var k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new Error('damaged ZIP central directory');
    var nl = u16(b, p + 28);
    out.push({ method: u16(b, p + 10), csize: u32(b, p + 20), size: u32(b, p + 24), off: u32(b, p + 42), name: dec.decode(b.subarray(p + 46, p + 46 + nl)) });
    p += 46 + nl + u16(b, p + 30) + u16(b, p + 32);
  }
  return out;
}
function readEntry(b, e) {
  var o = e.off;
  if (o + 30 > b.length || u32(b, o) !== 0x04034b50) return Promise.reject(new Error('damaged entry'));
  var start = o + 30 + u16(b, o + 26) + u16(b, o + 28), data = b.subarray(start, start + e.csize);
  if (data.length !== e.csize) return Promise.reject(new Error('truncated entry'));
  if (e.method === 0) return Promise.resolve(data);
  if (e.method !== 8) return Promise.reject(new Error('unsupported compression'));
  return inflate(data).then(function (out) { if (out.length !== e.size) throw new Error('damaged entry'); return out; });
}
function parseSums(text) {
  var map = new Map(), lines = text.split('\n');
  for (var i = 0; i < lines.length; i++) {
    var line = lines[i].replace(/\r$/, '');
    if (!line.trim()) continue;
    var m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) return null;
    map.set(m[2], m[1]);
  }
  return map;
}
async function verify(names, read, dupes) {
  var r = { intact: [], altered: [], missing: [], extra: [], unreadable: [], manifestMismatch: [], notes: [], fingerprint: '' };
  var present = new Set(names.filter(function (n) { return n.slice(-1) !== '/'; }));
  if (dupes) r.notes.push('ZIPに同じ名前のファイルが2つあります / the ZIP holds two entries with the same name');
  if (!present.has('SHA256SUMS')) { r.missing.push('SHA256SUMS'); return r; }
  var sums = null;
  try { var sb = await read('SHA256SUMS'); r.fingerprint = await sha256(sb); sums = parseSums(new TextDecoder().decode(sb)); }
  catch (e) { r.unreadable.push('SHA256SUMS'); return r; }
  if (!sums) { r.altered.push('SHA256SUMS'); return r; }
  var actual = new Map();
  for (var entry of sums) {
    var path = entry[0];
    if (!present.has(path)) { r.missing.push(path); continue; }
    try { var h = await sha256(await read(path)); actual.set(path, h); (h === entry[1] ? r.intact : r.altered).push(path); }
    catch (e) { r.unreadable.push(path); }
  }
  present.forEach(function (n) {
    if (n === 'SHA256SUMS' || sums.has(n)) return;
    if (RESERVED.indexOf(n) >= 0) r.notes.push(n + ': SHA256SUMS の対象外（署名用） / not covered by SHA256SUMS (signature slot)');
    else r.extra.push(n);
  });
  if (sums.has('manifest.json') && actual.get('manifest.json') === sums.get('manifest.json')) {
    try {
      var man = JSON.parse(new TextDecoder().decode(await read('manifest.json')));
      (man.files || []).forEach(function (f) { if (sums.get(f.path) !== f.sha256) r.manifestMismatch.push(f.path); });
    } catch (e) { r.manifestMismatch.push('manifest.json'); }
  }
  return r;
}
var out = document.getElementById('result');
function el(tag, text, attrs) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (attrs) for (var k in attrs) e.setAttribute(k, attrs[k]); return e; }
function show(r, source) {
  out.textContent = '';
  var groups = [
    ['altered', '変更されたファイル / Altered files'],
    ['missing', 'なくなったファイル / Missing files'],
    ['extra', '追加されたファイル / Added files'],
    ['unreadable', '壊れていて読めないファイル / Damaged files'],
    ['manifestMismatch', 'manifest.json と SHA256SUMS が一致しないもの / manifest.json disagrees with SHA256SUMS'],
  ];
  var bad = groups.some(function (g) { return r[g[0]].length; }) || r.notes.some(function (n) { return /same name/.test(n); });
  out.setAttribute('data-status', bad ? 'bad' : 'ok');
  out.className = bad ? 'bad' : 'ok';
  out.appendChild(el('p', source, { class: 'source' }));
  if (!bad) {
    out.appendChild(el('h2', 'すべてのファイル（' + r.intact.length + ' 件）に変更はありません。', { 'data-field': 'verdict' }));
    out.appendChild(el('p', 'All ' + r.intact.length + ' files intact.', { class: 'en' }));
  } else {
    out.appendChild(el('h2', '改ざん・破損の可能性があります。', { 'data-field': 'verdict' }));
    out.appendChild(el('p', 'This bundle does not match its checksums.', { class: 'en' }));
  }
  groups.forEach(function (g) {
    var list = r[g[0]];
    if (!list.length) return;
    out.appendChild(el('h3', g[1]));
    var ul = el('ul', undefined, { 'data-group': g[0] });
    list.forEach(function (p) { ul.appendChild(el('li', p, { 'data-path': p })); });
    out.appendChild(ul);
  });
  r.notes.forEach(function (n) { out.appendChild(el('p', n, { class: 'note' })); });
  if (r.fingerprint) out.appendChild(el('p', '指紋 / Fingerprint (SHA-256 of SHA256SUMS): ' + r.fingerprint, { class: 'fp', 'data-field': 'fingerprint' }));
  if (r.intact.length) {
    var d = el('details'); d.appendChild(el('summary', '一致したファイル / Intact files (' + r.intact.length + ')'));
    var ul2 = el('ul'); r.intact.forEach(function (p) { ul2.appendChild(el('li', p)); }); d.appendChild(ul2); out.appendChild(d);
  }
}
function fail(msg) { out.textContent = ''; out.setAttribute('data-status', 'error'); out.className = 'bad'; out.appendChild(el('h2', msg, { 'data-field': 'verdict' })); }
function busy() { out.textContent = ''; out.removeAttribute('data-status'); out.className = ''; out.appendChild(el('p', '確認しています… / Checking…')); }
document.getElementById('zip').addEventListener('change', function (ev) {
  var f = ev.target.files && ev.target.files[0];
  if (!f) return;
  busy();
  f.arrayBuffer().then(function (buf) {
    var b = new Uint8Array(buf), entries = listZip(b), by = new Map();
    entries.forEach(function (e) { by.set(e.name, e); });
    return verify(Array.from(by.keys()), function (n) { return readEntry(b, by.get(n)); }, by.size !== entries.length);
  }).then(function (r) { show(r, f.name); }, function (e) { fail('ZIPファイルとして読めません / Cannot read this as a ZIP file: ' + e.message); });
});
document.getElementById('dir').addEventListener('change', function (ev) {
  var files = Array.from(ev.target.files || []);
  if (!files.length) return;
  busy();
  var by = new Map();
  files.forEach(function (f) { var p = (f.webkitRelativePath || f.name).split('/'); by.set(p.length > 1 ? p.slice(1).join('/') : p[0], f); });
  verify(Array.from(by.keys()), function (n) { return by.get(n).arrayBuffer().then(function (b) { return new Uint8Array(b); }); }, false)
    .then(function (r) { show(r, files[0].webkitRelativePath.split('/')[0] + '/'); }, function (e) { fail(String(e && e.message)); });
});
if (!(window.crypto && crypto.subtle)) fail('このブラウザでは計算できません（WebCrypto がありません） / This browser has no WebCrypto');
})();
`.replace('/*INFLATE*/', () => INFLATE_JS);

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

export async function verifyPageHtml(): Promise<string> {
  const scriptHash = toBase64(await sha256Bytes(SCRIPT));
  const csp = `default-src 'none'; script-src 'sha256-${scriptHash}'; style-src 'unsafe-inline'; img-src data:`;
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>証拠資料の改ざん検査 / Evidence bundle check</title>
<style>${STYLE}</style>
</head>
<body>
<h1>証拠資料の改ざん検査 <span class="en">/ Evidence bundle check</span></h1>
<p>このページはインターネットに接続せず、このパソコンの中だけで計算します。証拠資料のZIPファイル（または展開したフォルダ）を選ぶと、すべてのファイルのSHA-256を計算し直し、SHA256SUMS と比べます。</p>
<p class="en">This page works offline, on this computer only. Pick the evidence ZIP (or its unpacked folder): every file's SHA-256 is recomputed and compared with SHA256SUMS.</p>
<label>ZIPファイルを選ぶ / Pick the ZIP file: <input type="file" id="zip" accept=".zip,application/zip"></label>
<label>展開したフォルダを選ぶ / Or pick the unpacked folder: <input type="file" id="dir" webkitdirectory multiple></label>
<div id="result" aria-live="polite"></div>
<p class="note">SHA256SUMS は、自分自身以外のすべてのファイル（manifest.json を含む）のハッシュです。表示される「指紋」は、書き出したときに拡張機能の操作ログにも記録されています。<br>SHA256SUMS lists every file but itself, manifest.json included. The fingerprint shown is also recorded in the extension's log at export time.</p>
<script>${SCRIPT}</script>
</body>
</html>
`;
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
