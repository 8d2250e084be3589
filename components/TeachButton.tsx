import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../utils/i18n';
import type { TeachStartMessage, TeachStartReply } from '../utils/teach/messages';

const REASON_KEYS: Record<Exclude<TeachStartReply, { ok: true }>['reason'], string> = {
  'not-broker': 'popupTeachNotBroker',
  'no-tab': 'popupTeachNotBroker',
  'broker-off': 'popupTeachOff',
  failed: 'popupTeachFailed',
};

/** The active tab of this window gets the teach UI (the background checks it is a broker page). */
async function startInActiveTab(): Promise<TeachStartReply> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { ok: false, reason: 'no-tab' };
  const m: TeachStartMessage = { type: 'kg/teach-start', tabId: tab.id };
  return ((await browser.runtime.sendMessage(m)) as TeachStartReply | undefined) ?? { ok: false, reason: 'failed' };
}

/** "このページの表を教える": teach mode on the broker page in front (utils/teach/). */
export function TeachButton({
  start = startInActiveTab,
  done = () => window.close(),
}: {
  start?: () => Promise<TeachStartReply>;
  done?: () => void;
}) {
  const [problem, setProblem] = useState('');
  const onClick = async () => {
    const r = await start().catch((): TeachStartReply => ({ ok: false, reason: 'failed' }));
    if (r.ok) done();
    else setProblem(t(REASON_KEYS[r.reason]));
  };
  return (
    <div class="teach">
      <button type="button" data-action="teach" onClick={() => void onClick()}>
        {t('popupTeach')}
      </button>
      {problem ? (
        <p role="status" class="teach__problem" data-field="teach-problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
