// The periodic check between visits. It only asks an open broker tab to
// re-read pages while the user's session is alive (utils/capture/check-plan.ts).

import { browser } from 'wxt/browser';
import { BROKERS } from '../../utils/brokers';
import { hostPatterns } from '../../utils/brokers/hosts';
import { sessionAlive } from '../../utils/capture/check-plan';
import { openDb } from '../../utils/store/db';
import { enabledBrokers, loadSettings } from '../../utils/store/settings';
import { finishPending } from './messaging';
import { askTabToCapture } from './notifications';
import { remindIfStale } from './reminder';

const CHECK_ALARM = 'kg-check';
const REMINDER_ALARM = 'kg-reminder';
// e2e builds set WXT_CHECK_MINUTES to seconds-scale periods (.env.e2e)
const PERIOD_MINUTES = Number(import.meta.env.WXT_CHECK_MINUTES ?? 5);

export function registerAlarms(): void {
  browser.alarms.create(CHECK_ALARM, { periodInMinutes: PERIOD_MINUTES, delayInMinutes: PERIOD_MINUTES });
  browser.alarms.create(REMINDER_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 60 });
  browser.alarms.onAlarm.addListener((alarm) => {
    // owed work is retried here too (a full disk may have been cleared since)
    if (alarm.name === CHECK_ALARM)
      void finishPending()
        .catch((err: unknown) => console.warn('owed work failed', err))
        .then(() => checkOpenTabs());
    if (alarm.name === REMINDER_ALARM) void remindIfStale(openDb());
  });
}

export async function checkOpenTabs(now = Date.now()): Promise<void> {
  const db = openDb();
  const enabled = enabledBrokers(await loadSettings(db));
  for (const broker of BROKERS) {
    if (!enabled.includes(broker.id)) continue;
    if (!sessionAlive(await db.health.get(broker.id), broker.id, now)) continue;
    await askTabToCapture(broker.id, false, now);
  }
}
