// Masking for bundles handed to people who need the events, not the identity
// (a forum, a relative helping out). What it means, exactly:
// - account numbers: in fields named like 口座番号 / 顧客コード / account number,
//   and in any text shaped like a branch-account number (123-1234567), every
//   digit but the last three becomes "*";
// - names and contact details (names = personal data of the holder): fields
//   named 氏名 / お名前 / 名義 / カナ become their first character + "＊";
//   e-mail addresses keep only their first character and domain; phone numbers
//   keep their last four digits; 住所 keeps the prefecture; names the user types
//   in (extraNames) are masked wherever they occur in text.
// - NOT masked: times, IP addresses, channels, OS/browser, stock names and
//   codes, amounts: they are the evidence.
// - Snapshot bodies cannot be masked without changing their bytes (and hash),
//   so a masked bundle withholds them and keeps their metadata and SHA-256:
//   the originals can be handed over later and checked against the manifest.

export interface MaskOptions {
  accountNumbers: boolean;
  names: boolean;
  /** Names the user asks to hide (their own, family members'). */
  extraNames?: string[];
}

export const NO_MASK: MaskOptions = { accountNumbers: false, names: false };

export function isMasking(m: MaskOptions | undefined): boolean {
  return !!m && (m.accountNumbers || m.names);
}

const ACCOUNT_KEY =
  /口座番号|口座No|口座ＮＯ|顧客コード|お客様コード|支店番号|account.?(no|num|number|id)$|^accountNumber$/i;
const NAME_KEY = /氏名|お名前|名義|ふりがな|フリガナ|カナ|holder.?name|customer.?name|person.?name|full.?name/i;
const EMAIL_KEY = /メール|e-?mail/i;
const PHONE_KEY = /電話|phone|^tel$/i;
const ADDRESS_KEY = /住所|^(postal.?)?address$/i;

const ACCOUNT_TEXT = /(?<![\d.])(\d{3})[-－‐](\d{6,7})(?![\d.])/g;
const EMAIL_TEXT = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
const PHONE_TEXT = /(?<!\d)0\d{1,4}[-－‐]\d{1,4}[-－‐](\d{4})(?!\d)/g;

export function maskDigits(value: string, keep = 3): string {
  const total = (value.match(/\d/g) ?? []).length;
  let seen = 0;
  return value.replace(/\d/g, (d) => (++seen > total - keep ? d : '*'));
}

export function maskName(value: string): string {
  const chars = Array.from(value.trim());
  if (!chars.length) return value;
  return chars[0] + '＊'.repeat(Math.max(2, chars.filter((c) => c.trim()).length - 1));
}

function maskAddress(value: string): string {
  const m = /^(.{2,3}?[都道府県])/.exec(value.trim());
  return (m?.[1] ?? '') + '＊＊＊';
}

export function maskText(value: string, m: MaskOptions): string {
  let s = value;
  if (m.accountNumbers) s = s.replace(ACCOUNT_TEXT, (all) => maskDigits(all));
  if (m.names) {
    s = s.replace(EMAIL_TEXT, (_all, first: string, domain: string) => `${first}***@${domain}`);
    s = s.replace(PHONE_TEXT, (all) => maskDigits(all, 4));
    for (const name of m.extraNames ?? []) {
      const n = name.trim();
      if (n.length >= 2) s = s.split(n).join(maskName(n));
      // also the name without the space between family and given name
      const joined = n.replace(/\s+/g, '');
      if (joined !== n && joined.length >= 2) s = s.split(joined).join(maskName(joined));
    }
  }
  return s;
}

function maskByKey(key: string, value: string, m: MaskOptions): string {
  if (m.accountNumbers && ACCOUNT_KEY.test(key)) return maskDigits(value);
  if (m.names && !/ip/i.test(key)) {
    if (NAME_KEY.test(key)) return maskName(value);
    if (EMAIL_KEY.test(key))
      return maskText(value, { accountNumbers: false, names: true }).replace(/^[^@]*$/, (v) => maskName(v));
    if (PHONE_KEY.test(key)) return maskDigits(value, 4);
    if (ADDRESS_KEY.test(key)) return maskAddress(value);
  }
  return maskText(value, m);
}

/** A deep copy with every string masked by its key and content. Identity fields (id, snapshotIds, sha256) are kept. */
export function maskRecord<T>(record: T, m: MaskOptions | undefined, key = ''): T {
  if (!isMasking(m)) return record;
  if (typeof record === 'string')
    return (/^(id|snapshotIds?|sha256|hash|prevHash|broker|at)$/.test(key) ? record : maskByKey(key, record, m!)) as T;
  if (Array.isArray(record)) return record.map((v) => maskRecord(v, m, key)) as T;
  if (record && typeof record === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) out[k] = maskRecord(v, m, k);
    return out as T;
  }
  return record;
}
