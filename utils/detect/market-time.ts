// Trading days and market hours, in JST, for what an order's time can prove.
// An execution at 09:00 on the Tokyo exchange proves only that the order was
// placed some time after the previous close (evening orders execute at the
// next open); a trade history that shows the date alone proves only the day.
// Holidays: the Tokyo Stock Exchange's closed days (national holidays, 12/31
// to 1/3) for 2022–2027; outside that range only weekends are known.

import type { MarketRegion } from '../brokers/shared/markets';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const JST = 9 * HOUR;

/** National holidays and substitute holidays (内閣府「国民の祝日」), YYYY-MM-DD. */
const JP_HOLIDAYS = new Set([
  // 2022
  '2022-01-10', '2022-02-11', '2022-02-23', '2022-03-21', '2022-04-29', '2022-05-03', '2022-05-04', '2022-05-05',
  '2022-07-18', '2022-08-11', '2022-09-19', '2022-09-23', '2022-10-10', '2022-11-03', '2022-11-23',
  // 2023
  '2023-01-02', '2023-01-09', '2023-02-23', '2023-03-21', '2023-05-03', '2023-05-04', '2023-05-05', '2023-07-17',
  '2023-08-11', '2023-09-18', '2023-10-09', '2023-11-03', '2023-11-23',
  // 2024
  '2024-01-08', '2024-02-12', '2024-02-23', '2024-03-20', '2024-04-29', '2024-05-03', '2024-05-06', '2024-07-15',
  '2024-08-12', '2024-09-16', '2024-09-23', '2024-10-14', '2024-11-04',
  // 2025
  '2025-01-13', '2025-02-11', '2025-02-24', '2025-03-20', '2025-04-29', '2025-05-05', '2025-05-06', '2025-07-21',
  '2025-08-11', '2025-09-15', '2025-09-23', '2025-10-13', '2025-11-03', '2025-11-24',
  // 2026
  '2026-01-12', '2026-02-11', '2026-02-23', '2026-03-20', '2026-04-29', '2026-05-04', '2026-05-05', '2026-05-06',
  '2026-07-20', '2026-08-11', '2026-09-21', '2026-09-22', '2026-09-23', '2026-10-12', '2026-11-03', '2026-11-23',
  // 2027
  '2027-01-11', '2027-02-11', '2027-02-23', '2027-03-22', '2027-04-29', '2027-05-03', '2027-05-04', '2027-05-05',
  '2027-07-19', '2027-08-11', '2027-09-20', '2027-09-23', '2027-10-11', '2027-11-03', '2027-11-23',
]); // prettier-ignore

/** `YYYY-MM-DD` of an instant in JST. */
export const jstDay = (ms: number): string => new Date(ms + JST).toISOString().slice(0, 10);
/** Midnight JST of a `YYYY-MM-DD`. */
export const jstMidnight = (day: string): number => Date.parse(`${day}T00:00:00+09:00`);
/** Minutes since midnight JST. */
export const jstMinutes = (ms: number): number => Math.floor(((ms + JST) % DAY) / 60_000);

/** The Tokyo exchange trades that day (weekdays, not a holiday, not 12/31–1/3). */
export function isJpTradingDay(day: string): boolean {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (dow === 0 || dow === 6) return false;
  const md = day.slice(5);
  if (md === '12-31' || md === '01-01' || md === '01-02' || md === '01-03') return false;
  return !JP_HOLIDAYS.has(day);
}

/** The Tokyo close of a trading day: 15:30 since 2024-11-05, 15:00 before. */
export function jpCloseOf(day: string): number {
  return jstMidnight(day) + (day >= '2024-11-05' ? 15.5 : 15) * HOUR;
}

/** Tokyo continuous trading (the morning and afternoon sessions, auctions included). */
export function jpMarketOpen(ms: number): boolean {
  if (!isJpTradingDay(jstDay(ms))) return false;
  const m = jstMinutes(ms);
  const close = jpCloseOf(jstDay(ms)) - jstMidnight(jstDay(ms));
  return (m >= 9 * 60 && m <= 11 * 60 + 30) || (m >= 12 * 60 + 30 && m <= close / 60_000);
}

const closeBefore = new Map<string, number>();

/** The close of the last Tokyo trading day before the trading day of `ms` (or before `ms`'s day). */
export function previousJpClose(ms: number): number {
  // one answer per calendar day, asked for every order of every pass: remembered
  const day = jstDay(ms);
  let close = closeBefore.get(day);
  if (close === undefined) {
    close = findPreviousJpClose(jstMidnight(day));
    if (closeBefore.size > 20_000) closeBefore.clear();
    closeBefore.set(day, close);
  }
  return close;
}

function findPreviousJpClose(midnight: number): number {
  const ms = midnight;
  let t = midnight - DAY;
  for (let i = 0; i < 15; i++, t -= DAY) {
    const d = jstDay(t);
    if (isJpTradingDay(d)) return jpCloseOf(d);
  }
  return ms - 3 * DAY;
}

/** Hong Kong trading in JST: 10:30–13:00 and 14:00–17:00 on weekdays (HK holidays not listed). */
export function hkMarketOpen(ms: number): boolean {
  const dow = new Date(ms + JST).getUTCDay();
  if (dow === 0 || dow === 6) return false;
  const m = jstMinutes(ms);
  return (m >= 10 * 60 + 30 && m <= 13 * 60) || (m >= 14 * 60 && m <= 17 * 60);
}

/**
 * US regular trading in JST: 22:30–05:00 in summer time, 23:30–06:00 in winter,
 * Monday to Friday in New York.
 */
export function usMarketOpen(ms: number): boolean {
  const ny = new Date(ms - (usSummerTime(ms) ? 4 : 5) * HOUR);
  const dow = ny.getUTCDay();
  if (dow === 0 || dow === 6) return false;
  const m = ny.getUTCHours() * 60 + ny.getUTCMinutes();
  return m >= 9 * 60 + 30 && m <= 16 * 60;
}

/** US daylight saving time: from the second Sunday of March to the first Sunday of November (2:00 local). */
function usSummerTime(ms: number): boolean {
  const y = new Date(ms).getUTCFullYear();
  const nthSunday = (month: number, n: number) => {
    const first = new Date(Date.UTC(y, month, 1)).getUTCDay();
    return Date.UTC(y, month, 1 + ((7 - first) % 7) + (n - 1) * 7, 7); // 2:00 EST = 07:00 UTC
  };
  return ms >= nthSunday(2, 2) && ms < nthSunday(10, 1) - HOUR;
}

/** The market is open at `ms` (regions without known hours: always). */
export function marketOpen(region: MarketRegion, ms: number): boolean {
  if (region === 'JP') return jpMarketOpen(ms);
  if (region === 'HK' || region === 'CN') return hkMarketOpen(ms);
  if (region === 'US') return usMarketOpen(ms);
  return true;
}

/** When an order could have been placed: a single minute, or a window the page's times cannot narrow. */
export interface PlacementWindow {
  from: number;
  to: number;
  /** ordered: the order time was shown; executed: the execution time only; day: the date only. */
  basis: 'ordered' | 'executed' | 'day';
}

/**
 * What an order's times prove about when it was placed. An order time (注文日時)
 * is the minute itself. An execution time proves the order came before it,
 * after the previous close at the earliest (an evening order executes at the
 * next open). A date alone proves the day: from the previous close to the end
 * of that day (foreign markets trade in the JST night: to the next morning).
 */
export function placementWindow(
  o: { at: string; orderedAt?: string; dateOnly?: boolean; status: string },
  region: MarketRegion,
): PlacementWindow {
  if (o.orderedAt) {
    const t = Date.parse(o.orderedAt);
    return { from: t, to: t, basis: 'ordered' };
  }
  const at = Date.parse(o.at);
  // an order not (yet) executed is dated by its order time (scenarios/FORMAT.md)
  if (o.status !== 'executed' && !o.dateOnly) return { from: at, to: at, basis: 'ordered' };
  if (o.dateOnly) {
    const day = o.at.slice(0, 10);
    const start = region === 'JP' ? previousJpClose(jstMidnight(day)) : jstMidnight(day) - DAY;
    const end = jstMidnight(day) + (region === 'JP' ? DAY : DAY + 8 * HOUR);
    return { from: start, to: end, basis: 'day' };
  }
  const from = region === 'JP' ? previousJpClose(at) : at - 20 * HOUR;
  return { from, to: at, basis: 'executed' };
}
