// MHTML (multipart/related, as Chrome's "Save as… Webpage, single file"
// writes it): the HTML part's bytes, its declared charset and the page URL
// (Snapshot-Content-Location, else the part's Content-Location).

export interface MhtmlPage {
  bytes: Uint8Array;
  charset?: string;
  url?: string;
  /** The HTML part's base64 ended mid-way (a file cut short): what there is was decoded. */
  truncated?: boolean;
}

// Bytes as a string of the same length (one char per byte), so that 8-bit
// Shift_JIS bodies survive header parsing untouched.
const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);
function bytesOf(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

type Headers = Map<string, string>;

function splitHeaders(block: string): { headers: Headers; body: string } {
  const m = /\r?\n\r?\n/.exec(block);
  const head = m ? block.slice(0, m.index) : block;
  const body = m ? block.slice(m.index + m[0].length) : '';
  const headers: Headers = new Map();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body };
}

function param(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}

function decodeQuotedPrintable(body: string): string {
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/** Lenient: a file cut short decodes as far as it goes instead of throwing (issue 11 defect 9). */
function decodeBase64(body: string): { text: string; truncated: boolean } {
  let b64 = body.replace(/[^A-Za-z0-9+/]/g, '');
  const truncated = b64.length % 4 !== 0 && !/=\s*$/.test(body);
  if (b64.length % 4 === 1) b64 = b64.slice(0, -1);
  b64 += '='.repeat((4 - (b64.length % 4)) % 4);
  return { text: atob(b64), truncated };
}

/** Does this look like an MHTML file (whatever its name)? */
export function isMhtml(bytes: Uint8Array): boolean {
  const head = latin1(bytes.subarray(0, 4096));
  return !/^\s*</.test(head) && /^content-type:\s*multipart\/related/im.test(head);
}

export function readMhtml(bytes: Uint8Array): MhtmlPage | undefined {
  const text = latin1(bytes);
  const { headers, body } = splitHeaders(text);
  const boundary = param(headers.get('content-type'), 'boundary');
  if (!boundary) return undefined;
  const snapshotUrl = headers.get('snapshot-content-location');
  const parts = body
    .split(`--${boundary}`)
    .slice(1)
    .filter((p) => !p.startsWith('--'))
    .map((p) => splitHeaders(p.replace(/^\r?\n/, '')));
  const html = parts.filter((p) => /^text\/html/i.test(p.headers.get('content-type') ?? ''));
  const page = html.find((p) => snapshotUrl && p.headers.get('content-location') === snapshotUrl) ?? html[0];
  if (!page) return undefined;
  const cte = (page.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const raw = page.body.replace(/\r?\n$/, '');
  const b64 = cte === 'base64' ? decodeBase64(raw) : undefined;
  const decoded = cte === 'quoted-printable' ? decodeQuotedPrintable(raw) : (b64?.text ?? raw);
  return {
    ...(b64?.truncated ? { truncated: true } : {}),
    bytes: bytesOf(decoded),
    charset: param(page.headers.get('content-type'), 'charset'),
    url: snapshotUrl ?? page.headers.get('content-location'),
  };
}
