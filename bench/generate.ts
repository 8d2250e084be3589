// Synthetic inputs for the benchmarks: a long login-history page in the demo
// Rakuten layout and login rows as the adapters produce them. Addresses are
// from the documentation ranges; every value is invented.

import type { LoginRow } from '../utils/brokers/types';

const CHANNELS = ['PC', 'スマートフォン', '他社サービスからログイン'];
const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  '-',
];
const NETS = ['192.0.2', '198.51.100', '203.0.113'];

const pad = (n: number) => String(n).padStart(2, '0');

/** The i-th login, one every 37 minutes backwards from 2026-11-21 08:00 JST. */
function loginAt(i: number): { shown: string; iso: string } {
  const t = new Date(Date.UTC(2026, 10, 20, 23, 0, 0) - i * 37 * 60_000 - (i % 60) * 1000);
  const j = new Date(t.getTime() + 9 * 3600_000);
  const d = `${j.getUTCFullYear()}/${pad(j.getUTCMonth() + 1)}/${pad(j.getUTCDate())}`;
  const h = `${pad(j.getUTCHours())}:${pad(j.getUTCMinutes())}:${pad(j.getUTCSeconds())}`;
  return { shown: `${d} ${h}`, iso: `${d.replace(/\//g, '-')}T${h}+09:00` };
}

export function loginHistoryPage(rows: number): string {
  const body: string[] = [];
  for (let i = 0; i < rows; i++) {
    body.push(
      `<tr><td>${loginAt(i).shown}</td><td>${CHANNELS[i % 3]}</td><td>${NETS[i % 3]}.${((i * 7) % 254) + 1}</td><td class="ua">${UAS[i % 3]}</td></tr>`,
    );
  }
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>ログイン履歴 | 楽天証券[PC]</title></head><body>
<header class="pcm-gl-header"><a href="/app/home.do">楽天証券</a><a href="/app/logout.do">ログアウト</a></header>
<main class="pcmm-content"><h1>ログイン履歴</h1>
<table class="pcmm-table"><thead><tr><th>ログイン日時</th><th>ログイン方法</th><th>IPアドレス</th><th>ユーザーエージェント</th></tr></thead>
<tbody>${body.join('\n')}</tbody></table></main></body></html>`;
}

export function loginRows(n: number, offset = 0): LoginRow[] {
  const out: LoginRow[] = [];
  for (let k = 0; k < n; k++) {
    const i = k + offset;
    const at = loginAt(i);
    const ip = `${NETS[i % 3]}.${((i * 7) % 254) + 1}`;
    const row: LoginRow = {
      at: at.iso,
      result: i % 50 === 0 ? 'failure' : 'success',
      channel: CHANNELS[i % 3]!,
      ip,
      raw: {
        ログイン日時: at.shown,
        ログイン方法: CHANNELS[i % 3]!,
        IPアドレス: ip,
        ユーザーエージェント: UAS[i % 3]!,
      },
    };
    if (UAS[i % 3] !== '-') row.userAgent = UAS[i % 3]!;
    out.push(row);
  }
  return out;
}
