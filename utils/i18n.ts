// Every user-facing string goes through the extension's catalogues
// (public/_locales/{ja,en}); Japanese is the default locale.

import { browser } from 'wxt/browser';

type GetMessage = (key: string, substitutions?: string | string[]) => string;

export function t(key: string, substitutions?: string | string[]): string {
  const get = browser.i18n?.getMessage as GetMessage | undefined;
  return get?.(key, substitutions) || key;
}

export function uiLang(): 'ja' | 'en' {
  return t('@@ui_locale').toLowerCase().startsWith('en') ? 'en' : 'ja';
}
