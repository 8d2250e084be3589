import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Onboarding } from '../../components/Onboarding';
import { SYNC_SCRIPTS_MESSAGE, type HostAccessApi } from '../../utils/capture/host-access';
import { t, uiLang } from '../../utils/i18n';
import { openDb } from '../../utils/store/db';
import { askPersistence } from '../../utils/store/storage';
import { installVisibleText } from '../../utils/text/preact-visible';

document.documentElement.lang = uiLang();
document.title = t('onbTitle');
installVisibleText();
// the evidence must not be evicted under storage pressure (docs/permissions.md, unlimitedStorage)
void askPersistence();
render(
  <Onboarding
    db={openDb()}
    api={browser as unknown as HostAccessApi}
    lang={uiLang()}
    onChanged={() => browser.runtime.sendMessage(SYNC_SCRIPTS_MESSAGE).catch(() => undefined)}
  />,
  document.getElementById('app')!,
);
