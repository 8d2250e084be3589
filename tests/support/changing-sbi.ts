// A tiny SBI whose login history the test changes between visits (alerts in
// Chromium and Firefox): a home page, a login history with the rows the test
// sets, 当日約定一覧 for the checks between visits, and a logged-out state.
// Invented: the login-history control id (the real URL is not public,
// brokers.md §2.5) and every row.

import type { DemoSite, SiteRequest, SiteResponse } from '../../demo/site/site';
import { toJstIso } from '../../utils/brokers/shared/dates';

export const HOST = 'site2.sbisec.co.jp';
export const HOME = `https://${HOST}/ETGate/`;
export const HISTORY = `https://${HOST}/ETGate/?_ControlID=WPLETsmR001Control&_PageID=DefaultPID&getFlg=on`;
export const WINDOWS_CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Safari/537.36';
const DAY = 86_400_000;

export interface Row {
  at: number;
  ip: string;
  ua: string;
}

export type ChangingSbi = DemoSite & { rows: Row[]; loggedIn: boolean; requests: SiteRequest[] };

export function changingSbi(): ChangingSbi {
  const site: ChangingSbi = {
    rows: [],
    loggedIn: true,
    requests: [],
    render(): SiteResponse {
      throw new Error('not used');
    },
    handle(req: SiteRequest): SiteResponse {
      if (req.host !== HOST) return { status: 404, headers: {}, body: new Uint8Array() };
      site.requests.push(req);
      const chrome = '<a href="/ETGate/?_ControlID=WPLETlgR001Control&_ActionID=logout">ログアウト</a>';
      let body: string;
      if (!site.loggedIn) {
        body =
          '<title>SBI証券</title><p>一定時間操作がありませんでしたので、セッションが切れました。再度ログインしてください。</p><form><input type="password" name="user_password"></form>';
      } else if (req.url.includes('WPLETsmR001Control')) {
        const rows = [...site.rows]
          .sort((a, b) => b.at - a.at)
          .map(
            (r) =>
              `<tr><td>${toJstIso(r.at).slice(0, 19).replace('T', ' ').replace(/-/g, '/')}</td><td>成功</td><td>${r.ip}</td><td>${r.ua}</td></tr>`,
          )
          .join('');
        body = `<title>ログイン履歴｜SBI証券</title>${chrome}<h2>ログイン履歴</h2><table><tr><th>ログイン日時</th><th>結果</th><th>IPアドレス</th><th>ブラウザ情報</th></tr>${rows}</table>`;
      } else if (req.url.includes('WPLETagR001Control')) {
        body = `<title>当日約定一覧｜SBI証券</title>${chrome}<h2>当日約定一覧</h2><table><tr><td>銘柄</td><td>取引</td><td>約定日</td><td>数量</td><td>単価</td></tr></table><p>現在、お客様の当日約定はございません。</p>`;
      } else {
        body = `<title>SBI証券</title>${chrome}<p>ようこそ</p><a href="${HISTORY}">ログイン履歴</a>`;
      }
      const html = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"></head><body>${body}</body></html>`;
      return {
        status: 200,
        headers: { 'content-type': 'text/html; charset=UTF-8', 'cache-control': 'no-store' },
        body: new TextEncoder().encode(html),
      };
    },
  };
  return site;
}

/** The user's own history before the test: a home PC on one Japanese ISP, Chrome on Windows, for weeks. */
export function seedOwnHistory(site: ChangingSbi, t0: number): void {
  for (let d = 30; d >= 2; d -= 2)
    site.rows.push({ at: t0 - d * DAY + 20 * 3600_000, ip: `153.203.4${d % 8}.${10 + d}`, ua: WINDOWS_CHROME });
}

/** `toJstIso` of a row time as the page shows it (to the second). */
export const shownAt = (at: number) => toJstIso(Math.floor(at / 1000) * 1000);
