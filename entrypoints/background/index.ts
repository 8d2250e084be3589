import { defineBackground } from 'wxt/utils/define-background';
import { registerAlarms } from './alarms';
import { finishPending, registerMessaging } from './messaging';
import { registerNotifications } from './notifications';
import { registerOnboarding } from './onboarding';
import { registerPageSide } from './page-side';
import { registerTeach } from './teach';

export default defineBackground({
  type: 'module',
  main() {
    registerMessaging();
    registerAlarms();
    registerNotifications();
    registerOnboarding();
    registerTeach();
    registerPageSide();
    // work a stopped worker left owed: read stored pages, detect, notify (issue 11 item 5)
    void finishPending().catch((err: unknown) => console.warn('owed work failed', err));
  },
});
