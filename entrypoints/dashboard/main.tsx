import { render } from 'preact';
import { browser } from 'wxt/browser';
import { DashboardApp } from '../../components/dashboard/DashboardApp';
import type { HostAccessApi } from '../../utils/capture/host-access';
// the messages alone, not the modules that handle them (those load with their sections)
import { PENDING_MESSAGE, REFRESH_BADGE_MESSAGE, SYNC_SCRIPTS_MESSAGE } from '../../utils/messaging/page-messages';
import { uiLang } from '../../utils/i18n';
import { openDb } from '../../utils/store/db';
import { installVisibleText } from '../../utils/text/preact-visible';

document.documentElement.lang = uiLang();
const background = {
  refreshBadge: () => browser.runtime.sendMessage(REFRESH_BADGE_MESSAGE).catch(() => undefined),
  syncScripts: () => browser.runtime.sendMessage(SYNC_SCRIPTS_MESSAGE).catch(() => undefined),
  finishPending: () => browser.runtime.sendMessage(PENDING_MESSAGE).catch(() => undefined),
  hostAccess: browser as unknown as HostAccessApi,
};
installVisibleText();
render(<DashboardApp db={openDb()} lang={uiLang()} background={background} />, document.getElementById('app')!);
