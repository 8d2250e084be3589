// Dates as Japanese brokers print them, read as JST and written as ISO 8601
// with the +09:00 offset (records keep the offset; the UI shows JST).

export interface ParsedDate {
  iso: string;
  dateOnly: boolean;
}

const DATE_PATTERNS: Array<{ re: RegExp; shortYear: boolean }> = [
  // a year is never the tail of a longer number (`No.12025/03/29`)
  { re: /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/, shortYear: false },
  { re: /(?<!\d)(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})(?!\d)/, shortYear: false },
  { re: /(?<!\d)(\d{2})\/(\d{1,2})\/(\d{1,2})(?!\d)/, shortYear: true },
];
const TIME = /(\d{1,2})\s*[:：時]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?/;
// a month and day without a year (Rakuten's US 注文照会: `08/29 22:40`), read only against a reference date
const NO_YEAR = [/(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])/, /(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日/];

/** The date a page was shown on, for dates it prints without a year. */
export interface ReferenceDate {
  year: number;
  month: number;
  day: number;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * `2025/03/29 02:41(:05)`, `2025年3月29日 2:41`, `25/03/29 02:41`, full-width
 * digits and weekday marks like `(土)` included; `08/29 22:40` only against a
 * `reference` date (the page's own). Returns undefined when no valid date is
 * found: callers treat that as unreadable, never guess.
 */
export function parseJstDateTime(input: string | null | undefined, reference?: ReferenceDate): ParsedDate | undefined {
  if (!input) return undefined;
  const text = input.normalize('NFKC');
  const found = fullDate(text) ?? (reference ? yearless(text, reference) : undefined);
  if (!found) return undefined;
  const { year, month, day, rest } = found;
  if (!validDate(year, month, day)) return undefined;
  const t = TIME.exec(rest);
  let hh = 0,
    mm = 0,
    ss = 0;
  let dateOnly = true;
  if (t) {
    hh = Number(t[1]);
    mm = Number(t[2]);
    ss = t[3] ? Number(t[3]) : 0;
    if (hh > 23 || mm > 59 || ss > 59) return undefined;
    dateOnly = false;
  }
  return { iso: `${year}-${pad(month)}-${pad(day)}T${pad(hh)}:${pad(mm)}:${pad(ss)}+09:00`, dateOnly };
}

function fullDate(text: string): { year: number; month: number; day: number; rest: string } | undefined {
  for (const { re, shortYear } of DATE_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const year = Number(m[1]) + (shortYear ? 2000 : 0);
    return { year, month: Number(m[2]), day: Number(m[3]), rest: text.slice(m.index + m[0].length) };
  }
  return undefined;
}

/** The latest year that puts month/day on or before the reference date. */
function yearless(
  text: string,
  ref: ReferenceDate,
): { year: number; month: number; day: number; rest: string } | undefined {
  for (const re of NO_YEAR) {
    const m = re.exec(text);
    if (!m) continue;
    const month = Number(m[1]);
    const day = Number(m[2]);
    const after = month > ref.month || (month === ref.month && day > ref.day);
    return { year: after ? ref.year - 1 : ref.year, month, day, rest: text.slice(m.index + m[0].length) };
  }
  return undefined;
}

/**
 * The date a page says it shows (`2026/08/30 01:29 現在`, `日本時間：2026/08/30`),
 * else the latest full date it prints (an order's expiry is after its order
 * date, so the year it gives a yearless order date is still right), else undefined.
 */
export function referenceDateOf(text: string): ReferenceDate | undefined {
  const t = text.normalize('NFKC');
  const stamp =
    /(\d{4})\s*[/年]\s*(\d{1,2})\s*[/月]\s*(\d{1,2})\s*日?\s*(?:\(.\)\s*)?(?:\d{1,2}:\d{2}(?::\d{2})?\s*)?現在/.exec(
      t,
    ) ?? /日本時間\s*[:：]\s*(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(t);
  if (stamp) return { year: Number(stamp[1]), month: Number(stamp[2]), day: Number(stamp[3]) };
  let best: ReferenceDate | undefined;
  for (const m of t.matchAll(/(?<!\d)(\d{4})\s*[/年]\s*(\d{1,2})\s*[/月]\s*(\d{1,2})(?!\d)/g)) {
    const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    if (!validDate(d.year, d.month, d.day)) continue;
    if (!best || d.year * 400 + d.month * 32 + d.day > best.year * 400 + best.month * 32 + best.day) best = d;
  }
  return best;
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A time given separately from its date (some tables split 日付 and 時刻). */
export function joinDateAndTime(date: string, time: string): string {
  return `${date} ${time}`;
}

/** Any ISO instant as JST ISO with offset, e.g. for capture times. */
export function toJstIso(date: Date | number | string): string {
  const ms = new Date(date).getTime() + 9 * 3600_000;
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+09:00`
  );
}

/** `2025/03/29 02:41` in JST, for display. */
export function formatJst(iso: string | number | Date, withSeconds = false): string {
  const j = toJstIso(iso);
  const base = `${j.slice(0, 4)}/${j.slice(5, 7)}/${j.slice(8, 10)} ${j.slice(11, 16)}`;
  return withSeconds ? `${base}:${j.slice(17, 19)}` : base;
}
