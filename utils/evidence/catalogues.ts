// The extension's own catalogues, for text made outside the extension's pages
// (the report is made in Node too): the same words the UI shows.

import ja from '../../public/_locales/ja/messages.json';
import en from '../../public/_locales/en/messages.json';
import type { Catalog } from '../i18n-format';

export const CATALOGUES: Record<'ja' | 'en', Catalog> = { ja: ja as Catalog, en: en as Catalog };
