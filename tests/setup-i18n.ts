// Gives fakeBrowser an in-memory i18n from the real catalogues (ja by default,
// TEST_LOCALE=en for English), so component tests see the texts users see.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatMessage, type Catalog } from '../utils/i18n-format';

const locale = process.env.TEST_LOCALE === 'en' ? 'en' : 'ja';
const catalog = JSON.parse(
  readFileSync(join(__dirname, '..', 'public', '_locales', locale, 'messages.json'), 'utf8'),
) as Catalog;

(fakeBrowser.i18n as unknown as { getMessage: (k: string, s?: string | string[]) => string }).getMessage = (
  key,
  subs,
) => (key === '@@ui_locale' ? locale : formatMessage(catalog, key, subs));
