// The demo broker: which page answers which request, by host and path, the
// way the real sites route (brokers.md §1.1, §2.2). Pages are files in this
// folder; `<!--#include NAME-->` pulls in `<host>/_NAME.html`, `{{BV}}` becomes
// the request's `;BV_SessionID=…`, `<!--demo-nav-->` becomes the demo's own
// navigation bar. `*.sjis.html` files are stored as UTF-8 and sent as Shift_JIS.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeShiftJis } from '../../tests/support/shift-jis';
import {
  accountChangesTable,
  chinaTradeTable,
  holdingsTable,
  loginHistoryTable,
  orderInquiryTable,
  tradeHistoryTable,
  type Story,
} from './story';
import { DEMO_SESSION, DEMO_URLS, type DemoPage } from './urls';

export interface SiteRequest {
  method: string;
  host: string;
  /** Path and query exactly as sent (`/app/home.do;BV_SessionID=…?eventType=init`). */
  url: string;
}

export interface SiteResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  /** Which demo file answered (for logs and tests). */
  page?: string;
}

const SITE_DIR = dirname(fileURLToPath(import.meta.url));

const NAV_LABELS: Record<DemoPage, string> = {
  rakutenLogin: '楽天 ログイン画面',
  rakutenHome: '楽天 ホーム',
  rakutenLoginHistory: '楽天 ログイン履歴',
  rakutenTradeHistory: '楽天 取引履歴（国内株式）',
  rakutenSessionExpired: '楽天 セッション切れ',
  sbiHome: 'SBI ホーム',
  sbiLoginHistory: 'SBI ログイン履歴',
  sbiExecutionsToday: 'SBI 当日約定一覧',
  sbiBackupMenu: 'SBI バックアップサイト',
  sbiBackupLoginHistory: 'SBI バックアップ ログイン履歴',
  sbiAssets: 'SBI My資産',
  sbiForeignHome: 'SBI 外国株式',
};

/** Labels of the Rakuten member pages linked from the demo's menus (brokers.md §1.2). */
const RAKUTEN_PAGE_LABELS: Record<string, string> = {
  'ass_all_possess_lst.do': '保有商品一覧',
  'ass_trad_lst.do': '取引履歴（国内株式）',
  'ass_trad_us_lst.do': '取引履歴（米国株式）',
  'ass_money_trans_lst.do': '入出金履歴',
  'acc_info_list_financial.do': '入出金口座',
  'acc_info_list_security.do': 'セキュリティ設定',
  'acc_info_change_lst.do': 'お客様情報変更履歴',
  'ord_jp_stk_search.do': '国内株式 注文',
  'ord_us_stk_search.do': '米国株式 注文',
  'ord_ch_stk_search.do': '中国株式 注文',
  'ord_asean_stk_search.do': 'アセアン株式 注文',
};

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function demoNav(): string {
  const links = (Object.keys(DEMO_URLS) as DemoPage[])
    .map((k) => `<a href="${escapeHtml(DEMO_URLS[k])}" style="color:#004c99;margin-right:12px">${NAV_LABELS[k]}</a>`)
    .join('');
  return (
    '<div class="kg-demo-nav" style="margin:24px 0 0;padding:8px 12px;background:#fff8d6;border-top:1px solid #e0c860;font-size:12px;line-height:1.8">' +
    `<b>デモ用リンク（株ガードのデモサーバー）</b>：${links}</div>`
  );
}

function textResponse(status: number, text: string): SiteResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: new TextEncoder().encode(text) };
}

export interface DemoSite {
  handle(req: SiteRequest): SiteResponse;
  /** Renders one page file the way `handle` would (for tests). */
  render(host: string, file: string, vars?: Record<string, string>): SiteResponse;
}

/** The story's pages (demo/site/story.ts): title and table, by the real page paths. */
const STORY_PAGES: Record<string, [string, (s: Story, staticRows: string) => string]> = {
  'login_history.do': ['ログイン履歴', loginHistoryTable],
  'home_login_history.do': ['ログイン履歴', loginHistoryTable],
  'ord_jp_stk_req_lst.do': ['注文照会・訂正・取消（国内株式）', orderInquiryTable],
  'ass_trad_lst.do': ['取引履歴（国内株式）', tradeHistoryTable],
  'ass_trad_ch_lst.do': ['取引履歴（中国株式）', chinaTradeTable],
  'acc_info_change_lst.do': ['お客様情報変更履歴', accountChangesTable],
  'ass_all_possess_lst.do': ['保有商品一覧', holdingsTable],
};

/**
 * `story`: the demo's story instead of the fixed Rakuten pages (the demo and
 * tests/e2e/incident.e2e.test.ts): the login history keeps its fixed rows and
 * adds the story's, and the order, trade, change and holdings pages show the
 * story's tables as they stand at each request.
 */
export function createDemoSite(dir: string = SITE_DIR, story?: Story): DemoSite {
  // Sessions issued by /app/Login.do; the fixed demo session is always alive.
  const sessions = new Set<string>([DEMO_SESSION]);

  const render = (host: string, file: string, vars: Record<string, string> = {}): SiteResponse => {
    let html = readFileSync(join(dir, host, file), 'utf8');
    html = html.replace(/<!--#include ([\w-]+)-->/g, (_, name: string) =>
      readFileSync(join(dir, host, `_${name}.html`), 'utf8'),
    );
    html = html.replace(/\{\{(\w+)\}\}/g, (m, name: string) => vars[name] ?? m);
    html = html.replace('<!--demo-nav-->', demoNav());
    const sjis = file.endsWith('.sjis.html');
    return {
      status: 200,
      headers: { 'content-type': `text/html; charset=${sjis ? 'Shift_JIS' : 'UTF-8'}`, 'cache-control': 'no-store' },
      body: sjis ? encodeShiftJis(html) : new TextEncoder().encode(html),
      page: `${host}/${file}`,
    };
  };

  const rakutenMember = (req: SiteRequest, path: string): SiteResponse => {
    // `/app/<page>.do;BV_SessionID=<id>`: the session id is a path matrix parameter
    const m = /^\/app\/([\w.]+?\.do)(?:;BV_SessionID=([^;/?]*))?/.exec(path);
    if (!m) return textResponse(404, 'not found (demo broker server)');
    const page = m[1]!;
    const session = m[2] ?? '';
    if (page === 'Login.do' && req.method === 'POST') {
      story?.ownLogin(Date.now());
      const fresh = `${Array.from({ length: 32 }, () => '0123456789ABCDEF'[Math.floor(Math.random() * 16)]).join('')}.ee24ea7f`;
      sessions.add(fresh);
      return {
        status: 302,
        headers: { location: `/app/home.do;BV_SessionID=${fresh}?eventType=init` },
        body: new Uint8Array(),
      };
    }
    const host = 'member.rakuten-sec.co.jp';
    if (page === 'logout.do') {
      if (session !== DEMO_SESSION) sessions.delete(session);
      return render(host, 'logged-out.html');
    }
    // a dead session gets the session-error page with status 200, whatever was asked for
    if (!sessions.has(session)) return render(host, 'session-error.html');
    // the previous-login banner carries its real id on the home page only, where Rakuten fills it (brokers.md §1.4a)
    const vars = {
      BV: `;BV_SessionID=${session}`,
      LAST_LOGIN_ID: page === 'home.do' ? ' id="async_logindatetime"' : '',
    };
    if (page === 'home.do') return render(host, 'home.html', vars);
    const storyPage = story ? STORY_PAGES[page] : undefined;
    if (storyPage) {
      const fixed = /<tbody>([\s\S]*?)<\/tbody>/.exec(readFileSync(join(dir, host, 'login-history.html'), 'utf8'))![1]!;
      return render(host, 'story.html', { ...vars, TITLE: storyPage[0], TABLE: storyPage[1](story!, fixed) });
    }
    // home_login_history.do is the real path (brokers.md §1.4a), which checks between visits ask for
    if (page === 'login_history.do' || page === 'home_login_history.do')
      return render(host, 'login-history.html', vars);
    if (page === 'ass_trad_lst.do') return render(host, 'trade-history.html', vars);
    return render(host, 'other.html', { ...vars, PAGE_LABEL: RAKUTEN_PAGE_LABELS[page] ?? 'ページ' });
  };

  // `/ETGate/?_ControlID=X&…` or the path form `/ETGate/X/DefaultPID/DefaultAID?…`
  const etgate = (path: string, query: URLSearchParams): SiteResponse => {
    const host = 'site2.sbisec.co.jp';
    const control = /^\/ETGate\/(WPLET\w+Control)\b/.exec(path)?.[1] ?? query.get('_ControlID');
    switch (control) {
      case null:
      case 'WPLEThmR001Control':
        return render(host, 'home.sjis.html');
      case 'WPLETsmR001Control':
        return render(host, 'login-history.sjis.html');
      case 'WPLETlgR001Control':
        return render(host, 'logged-out.sjis.html');
      case 'WPLETagR001Control':
        return render(host, 'executions-today.sjis.html');
      default:
        return render(host, 'other.sjis.html');
    }
  };

  const handle = (req: SiteRequest): SiteResponse => {
    const u = new URL(req.url, `https://${req.host}`);
    const path = req.url.split('?')[0] ?? '/';
    switch (req.host) {
      case 'member.rakuten-sec.co.jp':
        return rakutenMember(req, path);
      case 'www.rakuten-sec.co.jp':
        return path === '/' || path === '/ITS/V_ACT_Login.html'
          ? render(req.host, 'login.html')
          : textResponse(404, 'not found (demo broker server)');
      case 'site2.sbisec.co.jp':
        return path === '/ETGate' || path.startsWith('/ETGate/')
          ? etgate(path, u.searchParams)
          : textResponse(404, 'not found (demo broker server)');
      case 'k.sbisec.co.jp':
        if (path === '/bsite/member/menu.do') return render(req.host, 'menu.html');
        if (path === '/bsite/member/loginHistory.do') return render(req.host, 'login-history.html');
        if (path === '/bsite/member/logout.do') return render(req.host, 'logged-out.html');
        if (path.startsWith('/bsite/member/')) return render(req.host, 'other.html');
        return textResponse(404, 'not found (demo broker server)');
      case 'site.sbisec.co.jp':
        return path === '/account/assets'
          ? render(req.host, 'assets.html')
          : textResponse(404, 'not found (demo broker server)');
      case 'member.c.sbisec.co.jp':
        return path === '/foreign/home'
          ? render(req.host, 'foreign-home.html')
          : textResponse(404, 'not found (demo broker server)');
      default:
        return textResponse(404, 'not a demo broker host');
    }
  };

  return { handle, render };
}
