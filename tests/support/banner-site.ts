// The brokers' pages that show the previous-login banner (前回ログイン日時), served under
// their real host names by tests/support/broker-server.ts for tests/e2e/banner.e2e.test.ts.
// The pages are the adapters' own fixtures (each says what in it is real and what is
// invented), sent as the brokers send them: 松井 as a frame set of Shift_JIS frames, kabu.com
// in Shift_JIS, and Rakuten's home page with the banner empty at load and filled a moment
// later by the page's own script from `home_async_login_datetime.do`, as the real page does
// (../shared/brokers.md §1.4a).

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoSite, SiteRequest, SiteResponse } from '../../demo/site/site';

const BROKERS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'utils', 'brokers');
const fixture = (broker: string, name: string) =>
  new Uint8Array(readFileSync(join(BROKERS_DIR, broker, 'fixtures', name)));

export const RAKUTEN_SESSION = '1C7E5B2D8046A1E3C5B7D9F0A2C43F9A.ee24ea7f';
export const MATSUI_SESSION = '4F2A9C0E7B1D5A3C6E8F0A1B';

/** Where each broker's banner page is, and the time it shows. */
export const BANNER_PAGES = [
  {
    broker: 'rakuten',
    url: `https://member.rakuten-sec.co.jp/app/home.do;BV_SessionID=${RAKUTEN_SESSION}?eventType=init`,
    snapshotUrl: 'https://member.rakuten-sec.co.jp/app/home.do?eventType=init',
    at: '2026-03-26T20:01:00+09:00',
  },
  {
    broker: 'matsui',
    // the frame set; the banner is in its content frame CT (home/Announce)
    url: 'https://www.deal.matsui.co.jp/servlet/ITS/login/MemberLoginEnter',
    snapshotUrl: 'https://www.deal.matsui.co.jp/servlet/ITS/home/Announce',
    at: '2026-11-19T02:41:00+09:00',
  },
  {
    broker: 'kabucom',
    url: 'https://s20.si0.kabu.co.jp/Light',
    snapshotUrl: 'https://s20.si0.kabu.co.jp/Light',
    at: '2026-11-19T02:41:00+09:00',
  },
  {
    broker: 'smbcnikko',
    url: 'https://trade.smbcnikko.co.jp/Trade/0/top/',
    snapshotUrl: 'https://trade.smbcnikko.co.jp/Trade/0/top/',
    at: '2026-11-19T02:41:00+09:00',
  },
  {
    broker: 'nomura',
    url: 'https://hometrade.nomura.co.jp/web/rmfCmnEtcInvTopAction.do',
    snapshotUrl: 'https://hometrade.nomura.co.jp/web/rmfCmnEtcInvTopAction.do',
    at: '2026-11-19T02:41:00+09:00',
  },
] as const;

// Rakuten fills the banner after load (§1.4a); the delay puts the fill after the content script's first reading
const RAKUTEN_FILL = `<script>
setTimeout(function () {
  fetch('/app/home_async_login_datetime.do;BV_SessionID=${RAKUTEN_SESSION}', { method: 'POST' })
    .then(function (r) { return r.text(); })
    .then(function (t) {
      document.getElementById('logindatetime_async_complete').innerHTML = t;
      document.getElementById('logindatetime_async_progless').style.display = 'none';
    });
}, 1500);
</script>`;

const html = (body: Uint8Array | string, charset = 'UTF-8', page?: string): SiteResponse => ({
  status: 200,
  headers: { 'content-type': `text/html; charset=${charset}`, 'cache-control': 'no-store' },
  body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
  ...(page ? { page } : {}),
});
const notFound = (): SiteResponse => ({
  status: 404,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: new TextEncoder().encode('not found (banner site)'),
});

function handle(req: SiteRequest): SiteResponse {
  const path = req.url.split('?')[0] ?? '/';
  switch (req.host) {
    case 'member.rakuten-sec.co.jp': {
      if (path.startsWith('/app/home_async_login_datetime.do')) return html('：2026年 3月26日&nbsp;20:01');
      if (!path.startsWith('/app/home.do')) return notFound();
      const page = new TextDecoder().decode(fixture('rakuten', 'home-banner-loading.html'));
      return html(page.replace('</body>', `${RAKUTEN_FILL}\n</body>`), 'UTF-8', 'rakuten/home-banner-loading.html');
    }
    case 'www.deal.matsui.co.jp':
      if (path === '/servlet/ITS/login/MemberLoginEnter') return html(fixture('matsui', 'frameset.html'), 'Shift_JIS');
      if (path.startsWith('/servlet/ITS/home/GlobalMenu')) return html(fixture('matsui', 'menu.html'), 'Shift_JIS');
      if (path.startsWith('/servlet/ITS/home/Announce')) return html(fixture('matsui', 'announce.html'), 'Shift_JIS');
      if (path.startsWith('/servlet/ITS/home/LeftMenu'))
        return html(
          '<html><head><title>松井証券</title></head><body><a href="/ITS/frame/FraStkOrder.jsp;" target="_top">株式取引</a></body></html>',
        );
      // the check between visits re-reads the holdings with the frame's session id
      if (path === `/servlet/ITS/stock/StkHavingList;jsessionid=${MATSUI_SESSION}`)
        return html(fixture('matsui', 'holdings-stock.html'), 'Shift_JIS');
      return notFound();
    case 's20.si0.kabu.co.jp':
      if (path === '/Light') return html(fixture('kabucom', 'light-top.html'), 'Shift_JIS');
      if (path === '/ap/light/Stocks/Stock/Position/List')
        return html(fixture('kabucom', 'holdings-light.html'), 'Shift_JIS');
      return notFound();
    case 'trade.smbcnikko.co.jp':
      return path === '/Trade/0/top/' ? html(fixture('smbcnikko', 'top.html')) : notFound();
    case 'hometrade.nomura.co.jp':
      return path === '/web/rmfCmnEtcInvTopAction.do' ? html(fixture('nomura', 'top.html')) : notFound();
    default:
      return notFound();
  }
}

export function createBannerSite(): DemoSite {
  return {
    handle,
    render: () => {
      throw new Error('the banner site serves fixtures only');
    },
  };
}
