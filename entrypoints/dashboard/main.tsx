import { render } from 'preact';
import { browser } from 'wxt/browser';
import { DashboardApp } from '../../components/dashboard/DashboardApp';
import { REFRESH_BADGE_MESSAGE } from '../../utils/alerts/inbox';
import { SYNC_SCRIPTS_MESSAGE, type HostAccessApi } from '../../utils/capture/host-access';
import { uiLang } from '../../utils/i18n';
import { openDb } from '../../utils/store/db';

document.documentElement.lang = uiLang();
const background = {
  refreshBadge: () => browser.runtime.sendMessage(REFRESH_BADGE_MESSAGE).catch(() => undefined),
  syncScripts: () => browser.runtime.sendMessage(SYNC_SCRIPTS_MESSAGE).catch(() => undefined),
  hostAccess: browser as unknown as HostAccessApi,
};
render(<DashboardApp db={openDb()} lang={uiLang()} background={background} />, document.getElementById('app')!);
