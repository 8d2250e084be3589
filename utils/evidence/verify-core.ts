// THE verifier of evidence bundles, once: plain ES2017 source, because the same
// text runs in three places and must agree (issue 11 defect 6):
//   - verify.html inside the bundle (offline, file://, any current browser),
//   - the extension's own verify.html (the same page, script loaded as a file),
//   - the command line (`npm run -s verify`, through verify.ts).
// `kgVerifier(deps)` returns the checks; the host brings SHA-256 and inflate.
//
// What it checks, for format kabu-guard.evidence/1 (bundle.ts writes it):
//   the ZIP itself: bounded entry count, declared sizes and ratio (a ZIP bomb
//     is refused before anything is inflated), every byte belongs to a listed
//     entry (nothing hidden between entries, after the end, in a comment or in
//     a directory entry), local and central names agree, no duplicate names;
//   the files: every file the format promises is there; every file listed in
//     SHA256SUMS is present and unchanged; every file not listed is reported;
//   the cross-checks: manifest.json and datapackage.json list exactly what
//     SHA256SUMS lists, with the same hashes and sizes; the capture log's hash
//     chain holds link by link and ends where manifest.json says; each
//     snapshot body has the SHA-256 its name, its description and its capture
//     entry in the log give;
//   a value the user recorded elsewhere (ZIP SHA-256, fingerprint, chain head).
// A forger who redoes every hash passes all but the last check: only a value
// recorded outside the bundle (the e-mail the extension offers after export)
// shows that the bundle is the one exported then. The page and README say so.

export const VERIFY_CORE_JS = String.raw`
function kgVerifier(deps) {
  'use strict';
  var LIMITS = {
    entries: 50000,
    entryBytes: 512 * 1024 * 1024,
    totalBytes: 2 * 1024 * 1024 * 1024,
    ratio: 200,
    ratioFrom: 1024 * 1024,
    textBytes: 64 * 1024 * 1024
  };
  var FORMAT = 'kabu-guard.evidence/1';
  var SUMS = 'SHA256SUMS';
  var REQUIRED = ['SHA256SUMS', 'manifest.json', 'datapackage.json', 'capture-log.jsonl', 'report.html', 'report.en.html', 'verify.html'];
  var OUTSIDE_MANIFEST = ['SHA256SUMS', 'manifest.json', 'datapackage.json'];
  var RESERVED = ['datapackage-digest.json'];
  var ZERO = '0000000000000000000000000000000000000000000000000000000000000000';

  function say(ja, en) { return { ja: ja, en: en }; }
  function mb(n) { return (n / 1048576).toFixed(1) + ' MB'; }
  function refuse(ja, en) { var e = new Error(en); e.ja = ja; return e; }
  var u16 = function (b, o) { return b[o] | (b[o + 1] << 8); };
  var u32 = function (b, o) { return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0; };

  /** The central directory, checked against the bytes; throws (with .ja) when it cannot be read or is refused. */
  function listZip(b) {
    var problems = [];
    var eocd = -1;
    for (var i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) if (u32(b, i) === 0x06054b50) { eocd = i; break; }
    if (eocd < 0) throw refuse('ZIPファイルではありません', 'not a ZIP file (no end of central directory)');
    var count = u16(b, eocd + 10), cdSize = u32(b, eocd + 12), cdAt = u32(b, eocd + 16), comment = u16(b, eocd + 20);
    if (count === 0xffff || cdAt === 0xffffffff || u16(b, eocd + 4) !== 0 || u16(b, eocd + 8) !== count)
      throw refuse('ZIP64・分割ZIPには対応していません', 'ZIP64 and split archives are not supported');
    if (count > LIMITS.entries)
      throw refuse('ファイル数が多すぎます（' + count + '）', 'refused: ' + count + ' entries (limit ' + LIMITS.entries + ')');
    if (cdAt + cdSize > eocd) throw refuse('ZIPの目次が壊れています', 'damaged ZIP central directory');
    if (eocd + 22 + comment < b.length)
      problems.push(say('ZIPの終わりの後に ' + (b.length - eocd - 22 - comment) + ' バイトのデータがあります',
        (b.length - eocd - 22 - comment) + ' bytes after the end of the ZIP'));
    if (comment) problems.push(say('ZIPにコメントがあります（拡張機能は書きません）', 'the ZIP has a comment (the extension writes none)'));
    var entries = [], p = cdAt, dec = new TextDecoder('utf-8'), total = 0;
    for (var k = 0; k < count; k++) {
      if (p + 46 > cdAt + cdSize || u32(b, p) !== 0x02014b50) throw refuse('ZIPの目次が壊れています', 'damaged ZIP central directory');
      var nl = u16(b, p + 28);
      var e = {
        name: dec.decode(b.subarray(p + 46, p + 46 + nl)),
        flags: u16(b, p + 8),
        method: u16(b, p + 10),
        compressedSize: u32(b, p + 20),
        size: u32(b, p + 24),
        localOffset: u32(b, p + 42)
      };
      if (e.size > LIMITS.entryBytes)
        throw refuse(e.name + ' は展開すると ' + mb(e.size) + ' になります（上限 ' + mb(LIMITS.entryBytes) + '）',
          'refused: ' + e.name + ' would inflate to ' + mb(e.size) + ' (limit ' + mb(LIMITS.entryBytes) + ')');
      if (e.size > LIMITS.ratioFrom && e.size > e.compressedSize * LIMITS.ratio)
        throw refuse(e.name + ' の圧縮率が異常です（ZIP爆弾の可能性）',
          'refused: ' + e.name + ' would inflate ' + Math.round(e.size / Math.max(1, e.compressedSize)) + ' times (ratio limit ' + LIMITS.ratio + ')');
      total += e.size;
      if (total > LIMITS.totalBytes)
        throw refuse('展開後の合計が大きすぎます', 'refused: the entries would inflate to more than ' + mb(LIMITS.totalBytes) + ' in all');
      entries.push(e);
      p += 46 + nl + u16(b, p + 30) + u16(b, p + 32);
    }
    if (p !== cdAt + cdSize) problems.push(say('ZIPの目次に余分なデータがあります', 'the central directory holds bytes no entry uses'));
    // every byte before the central directory belongs to exactly one entry, in order
    var byOffset = entries.slice().sort(function (x, y) { return x.localOffset - y.localOffset; });
    var at = 0, hidden = 0;
    for (var j = 0; j < byOffset.length; j++) {
      var en = byOffset[j], o = en.localOffset;
      if (o < at) { problems.push(say(en.name + ' が他のファイルと重なっています', en.name + ' overlaps another entry')); en.broken = 'overlaps another entry'; continue; }
      hidden += o - at;
      if (o + 30 > cdAt || u32(b, o) !== 0x04034b50) { en.broken = 'no local header'; at = o; continue; }
      var lnl = u16(b, o + 26);
      en.dataAt = o + 30 + lnl + u16(b, o + 28);
      if (dec.decode(b.subarray(o + 30, o + 30 + lnl)) !== en.name) {
        problems.push(say(en.name + ' のZIP内の名前が目次と違います', en.name + ': its local name differs from the central directory'));
        en.broken = 'local name differs';
      }
      var end = en.dataAt + en.compressedSize;
      if (end > cdAt) { en.broken = 'truncated'; at = cdAt; continue; }
      if (en.flags & 8) end += u32(b, end) === 0x08074b50 ? 16 : 12;
      if (en.flags & 1) en.broken = 'encrypted';
      at = Math.min(end, cdAt);
    }
    hidden += cdAt - at;
    if (hidden > 0)
      problems.push(say('どのファイルにも属さない ' + hidden + ' バイトがZIPの中にあります（隠しデータの可能性）',
        hidden + ' bytes of the ZIP belong to no entry of its central directory (hidden data)'));
    return { entries: entries, problems: problems };
  }

  /** One entry's bytes, never more than it declares. */
  function entryChunks(b, e, onChunk) {
    if (e.broken) return Promise.reject(new Error(e.broken));
    var data = b.subarray(e.dataAt, e.dataAt + e.compressedSize);
    if (e.method === 0) {
      if (e.compressedSize !== e.size) return Promise.reject(new Error('stored size differs'));
      onChunk(data);
      return Promise.resolve();
    }
    if (e.method !== 8) return Promise.reject(new Error('unsupported compression ' + e.method));
    var seen = 0;
    return deps.inflate(data, e.size, function (c) {
      seen += c.length;
      if (seen > e.size) throw new Error('inflates beyond its declared size');
      onChunk(c);
    }).then(function () { if (seen !== e.size) throw new Error('inflates to ' + seen + ' bytes, not ' + e.size); });
  }

  function zipSource(b) {
    var listed = listZip(b);
    var byName = new Map(), problems = listed.problems.slice();
    listed.entries.forEach(function (e) {
      if (byName.has(e.name)) problems.push(say(e.name + ' という名前のファイルが2つあります', 'the ZIP holds two entries named ' + e.name));
      if (e.name.slice(-1) === '/' && e.size === 0 && e.compressedSize <= 2) return;
      byName.set(e.name, e);
    });
    return {
      names: Array.from(byName.keys()),
      problems: problems,
      size: function (n) { return byName.get(n).size; },
      hash: function (n) {
        var h = deps.hasher();
        return entryChunks(b, byName.get(n), function (c) { h.update(c); }).then(function () { return h.digest(); });
      },
      read: function (n) {
        var parts = [], len = 0, e = byName.get(n);
        if (e.size > LIMITS.textBytes) return Promise.reject(new Error('too large to read (' + mb(e.size) + ')'));
        return entryChunks(b, e, function (c) { parts.push(c.slice()); len += c.length; }).then(function () {
          var out = new Uint8Array(len), at = 0;
          parts.forEach(function (c) { out.set(c, at); at += c.length; });
          return out;
        });
      }
    };
  }

  function parseSums(text) {
    var map = new Map(), lines = text.split('\n');
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i].replace(/\r$/, '');
      if (!line.trim()) continue;
      var m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
      if (!m || map.has(m[2])) return null;
      map.set(m[2], m[1]);
    }
    return map;
  }

  function hashInput(e) { return JSON.stringify([e.v, e.seq, e.at, e.type, e.detail, e.prevHash]); }
  function utf8(s) { return new TextEncoder().encode(s); }

  /** The capture log's hash chain, link by link (the rule of utils/store/capture-log.ts). */
  async function checkChain(lines) {
    var r = { ok: true, entries: 0, genesis: true, head: null, entriesList: [] };
    var prev = null;
    for (var i = 0; i < lines.length; i++) {
      if (!lines[i].trim()) continue;
      var e, why = '';
      try { e = JSON.parse(lines[i]); } catch (err) { e = null; }
      if (!e || typeof e !== 'object') why = say('JSONとして読めません', 'not JSON');
      else if (e.v !== 1 || typeof e.seq !== 'number' || typeof e.hash !== 'string' || typeof e.prevHash !== 'string') why = say('形式が違います', 'not a log entry of version 1');
      else if (prev === null && e.prevHash === ZERO && e.seq !== 1) why = say('最初の記録の番号が1ではありません', 'the first entry is not number 1');
      else if (prev !== null && e.seq !== prev.seq + 1) why = say('番号が続いていません（' + prev.seq + ' の次が ' + e.seq + '）', 'numbers do not follow on (' + e.seq + ' after ' + prev.seq + ')');
      else if (prev !== null && e.prevHash !== prev.hash) why = say('前の記録のハッシュと一致しません', 'its link to the entry before does not match');
      else if ((await deps.sha256(utf8(hashInput(e)))) !== e.hash) why = say('記録の内容がハッシュと一致しません', 'its content does not match its hash');
      if (why) {
        r.ok = false;
        r.brokenAt = e && typeof e.seq === 'number' ? e.seq : i + 1;
        r.line = i + 1;
        r.problem = say('操作ログの連鎖が ' + (i + 1) + ' 行目で切れています：' + why.ja, 'the capture-log chain breaks at line ' + (i + 1) + ': ' + why.en);
        return r;
      }
      if (prev === null) r.genesis = e.prevHash === ZERO;
      prev = e;
      r.entries++;
      r.entriesList.push({ seq: e.seq, hash: e.hash, type: e.type, detail: e.detail });
    }
    if (prev) r.head = { seq: prev.seq, hash: prev.hash };
    return r;
  }

  function json(bytes) { try { return JSON.parse(new TextDecoder().decode(bytes)); } catch (e) { return undefined; } }
  function sameSet(a, b) { if (a.length !== b.length) return false; var s = new Set(a); return b.every(function (x) { return s.has(x); }); }

  /** names: every file of the bundle; src: { read(name), hash(name), size(name) } */
  async function verifyBundle(names, src, opts) {
    opts = opts || {};
    var r = {
      ok: false, intact: [], altered: [], missing: [], extra: [], unreadable: [], manifestMismatch: [],
      problems: (src.problems || []).slice(), notes: [], fingerprint: '', zipSha256: opts.zipSha256 || '',
      chain: { ok: false, entries: 0, genesis: false, head: null }, snapshots: { checked: 0 }, recorded: []
    };
    var present = new Set(names);
    REQUIRED.forEach(function (n) { if (!present.has(n)) r.missing.push(n); });
    var actual = new Map(), sums = null;
    if (present.has(SUMS)) {
      try {
        var sb = await src.read(SUMS);
        r.fingerprint = await deps.sha256(sb);
        sums = parseSums(new TextDecoder().decode(sb));
        if (!sums) { r.altered.push(SUMS); r.problems.push(say('SHA256SUMS の形式が違います', 'SHA256SUMS is not in sha256sum format')); }
        else if (!sums.size) r.problems.push(say('SHA256SUMS にファイルが1つもありません', 'SHA256SUMS lists no file'));
      } catch (err) { r.unreadable.push(SUMS); }
    }
    sums = sums || new Map();
    for (var entry of sums) {
      var path = entry[0];
      if (path === SUMS) { r.problems.push(say('SHA256SUMS が自分自身を含んでいます', 'SHA256SUMS lists itself')); continue; }
      if (!present.has(path)) { if (r.missing.indexOf(path) < 0) r.missing.push(path); continue; }
      try { var h = await src.hash(path); actual.set(path, h); (h === entry[1] ? r.intact : r.altered).push(path); }
      catch (err) { r.unreadable.push(path); r.problems.push(say(path + ' を読めません', path + ': ' + (err && err.message))); }
    }
    present.forEach(function (n) {
      if (n === SUMS || sums.has(n)) return;
      if (RESERVED.indexOf(n) >= 0) r.notes.push(say(n + ' は SHA256SUMS の対象外です（署名用）', n + ' is not covered by SHA256SUMS (signature slot)'));
      else r.extra.push(n);
    });
    var good = function (n) { return sums.has(n) && actual.get(n) === sums.get(n); };

    // manifest.json and datapackage.json list exactly what SHA256SUMS lists
    var manifest = good('manifest.json') ? json(await src.read('manifest.json')) : undefined;
    var content = Array.from(sums.keys()).filter(function (n) { return OUTSIDE_MANIFEST.indexOf(n) < 0; });
    if (manifest) {
      if (manifest.format !== FORMAT) r.problems.push(say('manifest.json の形式が ' + FORMAT + ' ではありません', 'manifest.json is not format ' + FORMAT));
      var files = Array.isArray(manifest.files) ? manifest.files : [];
      files.forEach(function (f) {
        if (!f || sums.get(f.path) !== f.sha256 || (actual.get(f.path) === f.sha256 && src.size(f.path) !== f.size)) r.manifestMismatch.push(String(f && f.path));
      });
      content.forEach(function (n) { if (!files.some(function (f) { return f && f.path === n; })) r.manifestMismatch.push(n); });
      if (r.manifestMismatch.length)
        r.problems.push(say('manifest.json と SHA256SUMS が一致しません：' + r.manifestMismatch.join(', '), 'manifest.json disagrees with SHA256SUMS on ' + r.manifestMismatch.join(', ')));
    } else if (present.has('manifest.json') && sums.has('manifest.json')) r.problems.push(say('manifest.json を確認できません', 'manifest.json cannot be checked'));
    var dp = good('datapackage.json') ? json(await src.read('datapackage.json')) : undefined;
    if (dp) {
      var res = Array.isArray(dp.resources) ? dp.resources : [];
      var dpBad = res.filter(function (x) { return !x || 'sha256:' + sums.get(x.path) !== x.hash; }).map(function (x) { return String(x && x.path); });
      var want = content.concat(sums.has('manifest.json') ? ['manifest.json'] : []);
      if (dpBad.length || !sameSet(res.map(function (x) { return x && x.path; }), want))
        r.problems.push(say('datapackage.json と SHA256SUMS が一致しません', 'datapackage.json disagrees with SHA256SUMS' + (dpBad.length ? ' on ' + dpBad.join(', ') : '')));
    }

    // the capture log, link by link, and where manifest.json says it ends
    if (good('capture-log.jsonl')) {
      var chain = await checkChain(new TextDecoder().decode(await src.read('capture-log.jsonl')).split('\n'));
      r.chain = chain;
      if (chain.ok && !chain.genesis)
        r.notes.push(say('操作ログは途中の記録から始まっています（古い記録は含まれていません）', 'the capture log starts after its first entry (older entries are not included)'));
      var ml = manifest && manifest.captureLog;
      if (ml && (ml.entries !== chain.entries || (ml.lastHash || null) !== (chain.head ? chain.head.hash : null)))
        r.problems.push(say('manifest.json の操作ログの件数・最後のハッシュが capture-log.jsonl と一致しません', 'manifest.json disagrees with capture-log.jsonl on its length or last hash'));
    }

    // each snapshot body: the hash in its name, in its description and in its capture entry agree
    var captured = new Map();
    (r.chain.entriesList || []).forEach(function (e) { if (e.type === 'capture' && e.detail) captured.set(e.detail.snapshotId, e.detail.sha256); });
    for (var name of sums.keys()) {
      var named = /^snapshots\/([0-9a-f]{64})\.[A-Za-z0-9]{1,5}$/.exec(name);
      if (named && actual.has(name) && actual.get(name) !== named[1])
        r.problems.push(say('スナップショット ' + name + ' の内容が名前のハッシュと一致しません', 'snapshot ' + name + ' does not have the SHA-256 its name gives'));
      if (!/^snapshots\/.+\.meta\.json$/.test(name) || !good(name)) continue;
      var meta = json(await src.read(name));
      if (!meta) { r.problems.push(say(name + ' を読めません', name + ' is not JSON')); continue; }
      r.snapshots.checked++;
      if (meta.body && (!sums.has(meta.body) || actual.get(meta.body) !== meta.sha256))
        r.problems.push(say('スナップショット ' + meta.id + ' の本体のハッシュが記述と一致しません', 'snapshot ' + meta.id + ': its body does not have the SHA-256 its description gives'));
      if (r.chain.ok && captured.has(meta.id) && captured.get(meta.id) !== meta.sha256)
        r.problems.push(say('スナップショット ' + meta.id + ' のハッシュが操作ログの記録と違います', 'snapshot ' + meta.id + ': the capture log recorded another SHA-256'));
    }
    var chainEntries = r.chain.entriesList || [];
    delete r.chain.entriesList;

    // values the user recorded elsewhere (the e-mail after export)
    (opts.recorded || []).forEach(function (v) {
      v = String(v).trim().toLowerCase();
      var matches = v === r.zipSha256 ? 'zip' : v === r.fingerprint ? 'fingerprint' : null;
      var seq = null;
      if (!matches) chainEntries.forEach(function (e) { if (e.hash === v) { matches = 'chain'; seq = e.seq; } });
      r.recorded.push({ value: v, matches: matches, seq: seq });
    });

    r.ok = !r.altered.length && !r.missing.length && !r.extra.length && !r.unreadable.length && !r.manifestMismatch.length &&
      !r.problems.length && r.chain.ok && r.recorded.every(function (x) { return x.matches; });
    return r;
  }

  async function verifyZip(bytes, opts) {
    var src = zipSource(bytes);
    var o = { recorded: (opts && opts.recorded) || [], zipSha256: await deps.sha256(bytes) };
    return verifyBundle(src.names, src, o);
  }

  return { LIMITS: LIMITS, listZip: listZip, zipSource: zipSource, parseSums: parseSums, checkChain: checkChain, verifyBundle: verifyBundle, verifyZip: verifyZip };
}
`;
