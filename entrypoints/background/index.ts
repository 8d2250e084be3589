import { defineBackground } from 'wxt/utils/define-background';
import { registerAlarms } from './alarms';
import { registerMessaging } from './messaging';
import { registerNotifications } from './notifications';

export default defineBackground({
  type: 'module',
  main() {
    registerMessaging();
    registerAlarms();
    registerNotifications();
  },
});
