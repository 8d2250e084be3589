import { defineBackground } from 'wxt/utils/define-background';
import { registerAlarms } from './alarms';
import { registerMessaging } from './messaging';
import { registerNotifications } from './notifications';
import { registerOnboarding } from './onboarding';
import { registerTeach } from './teach';

export default defineBackground({
  type: 'module',
  main() {
    registerMessaging();
    registerAlarms();
    registerNotifications();
    registerOnboarding();
    registerTeach();
  },
});
