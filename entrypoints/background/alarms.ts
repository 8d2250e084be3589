// The periodic check between visits. It only asks an open broker tab to
// re-read pages while the user's session is alive (utils/capture/check-plan.ts).

import { browser } from 'wxt/browser';
import { BROKERS } from '../../utils/brokers';
import { hostPatterns } from '../../utils/brokers/hosts';
import { planCheck, recordCheckStart, sessionAlive } from '../../utils/capture/check-plan';
import { openDb } from '../../utils/store/db';

const CHECK_ALARM = 'kg-check';
// e2e builds set WXT_CHECK_MINUTES to seconds-scale periods (.env.e2e)
const PERIOD_MINUTES = Number(import.meta.env.WXT_CHECK_MINUTES ?? 5);

export function registerAlarms(): void {
  browser.alarms.create(CHECK_ALARM, { periodInMinutes: PERIOD_MINUTES, delayInMinutes: PERIOD_MINUTES });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CHECK_ALARM) void checkOpenTabs();
  });
}

export async function checkOpenTabs(now = Date.now()): Promise<void> {
  const db = openDb();
  for (const broker of BROKERS) {
    if (!sessionAlive(await db.health.get(broker.id), broker.id, now)) continue;
    const tabs = await browser.tabs.query({ url: hostPatterns(broker) });
    const tab = tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
    if (tab?.id === undefined || !tab.url) continue;
    const plan = await planCheck(db, broker.id, tab.url, now);
    if (!plan.due) continue;
    await recordCheckStart(db, broker.id, now);
    await browser.tabs.sendMessage(tab.id, { type: 'kg/check', targets: plan.targets }).catch(() => undefined);
  }
}
