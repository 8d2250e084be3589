// A tiny raw-DEFLATE decoder (after zlib's puff.c) as plain ES2017 source, inlined
// into verify.html for browsers without DecompressionStream('deflate-raw')
// (Chrome < 103, Firefox < 113, Safari < 16.4). It is slow (bit by bit) and
// only a fallback. Tested against fflate's output in inflate-inline.test.ts.
// \`max\` bounds the output: a ZIP bomb stops at its entry's declared size
// instead of growing the buffer until the tab dies (issue 11 defect 7).

export const INFLATE_JS = String.raw`
function inflateRaw(data, max) {
  if (!(max >= 0)) max = Infinity;
  var out = new Uint8Array(Math.min(max + 1, Math.max(1024, data.length * 3))), op = 0, pos = 0, bit = 0;
  function room(n) { if (op + n > max) throw new Error('deflate: more output than declared'); if (op + n > out.length) { var nb = new Uint8Array(Math.max(out.length * 2, op + n)); nb.set(out.subarray(0, op)); out = nb; } }
  function bits(n) {
    var v = 0;
    for (var i = 0; i < n; i++) {
      if (pos >= data.length) throw new Error('deflate: unexpected end of data');
      v |= ((data[pos] >> bit) & 1) << i;
      if (++bit === 8) { bit = 0; pos++; }
    }
    return v;
  }
  function table(lengths, n) {
    var count = new Uint16Array(16), offs = new Uint16Array(16), symbol = new Uint16Array(n), i;
    for (i = 0; i < n; i++) count[lengths[i]]++;
    count[0] = 0;
    for (i = 1; i < 16; i++) offs[i] = offs[i - 1] + count[i - 1];
    for (i = 0; i < n; i++) if (lengths[i]) symbol[offs[lengths[i]]++] = i;
    return { count: count, symbol: symbol };
  }
  function decode(h) {
    var code = 0, first = 0, index = 0;
    for (var len = 1; len < 16; len++) {
      code |= bits(1);
      var count = h.count[len];
      if (code - count < first) return h.symbol[index + (code - first)];
      index += count; first += count; first <<= 1; code <<= 1;
    }
    throw new Error('deflate: bad code');
  }
  var LB = [3,4,5,6,7,8,9,10,11,13,15,17,19,23,27,31,35,43,51,59,67,83,99,115,131,163,195,227,258];
  var LE = [0,0,0,0,0,0,0,0,1,1,1,1,2,2,2,2,3,3,3,3,4,4,4,4,5,5,5,5,0];
  var DB = [1,2,3,4,5,7,9,13,17,25,33,49,65,97,129,193,257,385,513,769,1025,1537,2049,3073,4097,6145,8193,12289,16385,24577];
  var DE = [0,0,0,0,1,1,2,2,3,3,4,4,5,5,6,6,7,7,8,8,9,9,10,10,11,11,12,12,13,13];
  var ORDER = [16,17,18,0,8,7,9,6,10,5,11,4,12,3,13,2,14,1,15];
  function codes(lit, dist) {
    for (;;) {
      var sym = decode(lit);
      if (sym < 256) { room(1); out[op++] = sym; }
      else if (sym === 256) return;
      else {
        sym -= 257;
        if (sym >= 29) throw new Error('deflate: bad length');
        var len = LB[sym] + bits(LE[sym]);
        var ds = decode(dist);
        if (ds >= 30) throw new Error('deflate: bad distance');
        var d = DB[ds] + bits(DE[ds]);
        if (d > op) throw new Error('deflate: distance too far');
        room(len);
        for (var k = 0; k < len; k++) { out[op] = out[op - d]; op++; }
      }
    }
  }
  var fixedLit, fixedDist, last;
  do {
    last = bits(1);
    var type = bits(2);
    if (type === 0) {
      if (bit) { bit = 0; pos++; }
      if (pos + 4 > data.length) throw new Error('deflate: unexpected end of data');
      var n = data[pos] | (data[pos + 1] << 8), nn = data[pos + 2] | (data[pos + 3] << 8);
      if (n !== (~nn & 0xffff)) throw new Error('deflate: bad stored block');
      pos += 4;
      if (pos + n > data.length) throw new Error('deflate: unexpected end of data');
      room(n); out.set(data.subarray(pos, pos + n), op); op += n; pos += n;
    } else if (type === 1) {
      if (!fixedLit) {
        var l = new Uint8Array(288), i;
        for (i = 0; i < 144; i++) l[i] = 8;
        for (; i < 256; i++) l[i] = 9;
        for (; i < 280; i++) l[i] = 7;
        for (; i < 288; i++) l[i] = 8;
        fixedLit = table(l, 288);
        var dl = new Uint8Array(30); dl.fill(5);
        fixedDist = table(dl, 30);
      }
      codes(fixedLit, fixedDist);
    } else if (type === 2) {
      var nlen = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4;
      var lengths = new Uint8Array(320), j;
      for (j = 0; j < ncode; j++) lengths[ORDER[j]] = bits(3);
      var lencode = table(lengths, 19);
      lengths = new Uint8Array(320);
      j = 0;
      while (j < nlen + ndist) {
        var s = decode(lencode);
        if (s < 16) lengths[j++] = s;
        else {
          var rep = 0, val = 0;
          if (s === 16) { if (!j) throw new Error('deflate: repeat with no first length'); val = lengths[j - 1]; rep = 3 + bits(2); }
          else if (s === 17) rep = 3 + bits(3);
          else rep = 11 + bits(7);
          if (j + rep > nlen + ndist) throw new Error('deflate: too many lengths');
          while (rep--) lengths[j++] = val;
        }
      }
      codes(table(lengths, nlen), table(lengths.subarray(nlen), ndist));
    } else throw new Error('deflate: bad block type');
  } while (!last);
  return out.subarray(0, op);
}
`;
