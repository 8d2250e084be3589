import { browser } from 'wxt/browser';
import { BROKERS } from '../../utils/brokers';
import { markReminded, REMINDER_DAYS, staleBrokers } from '../../utils/alerts/reminder';
import { t, uiLang } from '../../utils/i18n';
import type { KabuGuardDB } from '../../utils/store/db';

export async function remindIfStale(db: KabuGuardDB): Promise<void> {
  const stale = await staleBrokers(db);
  if (!stale.length) return;
  const names = stale.map((id) => BROKERS.find((b) => b.id === id)!.label[uiLang()]).join('、');
  await browser.notifications.create('reminder', {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('reminderTitle'),
    message: t('reminderMessage', [names, String(REMINDER_DAYS)]),
  });
  await markReminded(db);
}
