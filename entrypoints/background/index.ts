import { defineBackground } from 'wxt/utils/define-background';
import { registerMessaging } from './messaging';

export default defineBackground({
  type: 'module',
  main() {
    registerMessaging();
  },
});
