// Renders stored explanations ({code, params}) with the extension's own
// catalogues, so Node (cli/eval.ts) and the extension print the same words.
// Placeholders follow chrome.i18n: `$NAME$` → placeholders.name.content `$n`.
// Codes starting with `@` are formatted here (times, countries, markets).

import ja from '../../public/_locales/ja/messages.json';
import en from '../../public/_locales/en/messages.json';
import { BROKERS } from '../brokers';
import { formatJst } from '../brokers/shared/dates';
import { formatMessage, type Catalog } from '../i18n-format';
import type { Alert, Explanation, Msg, MsgParam } from '../records/alert';

export type Lang = 'ja' | 'en';

const CATALOGUES: Record<Lang, Catalog> = { ja: ja as Catalog, en: en as Catalog };

const REGION_NAMES: Record<string, { ja: string; en: string }> = {
  JP: { ja: '国内', en: 'Japan' },
  US: { ja: '米国', en: 'US' },
  HK: { ja: '香港', en: 'Hong Kong' },
  CN: { ja: '中国本土', en: 'mainland China' },
  UNKNOWN: { ja: '不明な市場', en: 'unknown market' },
};

/** Short everyday names where Intl's are official-long (中華人民共和国香港特別行政区). */
const COUNTRY_NAMES: Record<string, { ja: string; en: string }> = {
  HK: { ja: '香港', en: 'Hong Kong' },
  MO: { ja: 'マカオ', en: 'Macau' },
  TW: { ja: '台湾', en: 'Taiwan' },
  CN: { ja: '中国', en: 'China' },
  US: { ja: 'アメリカ', en: 'United States' },
  KR: { ja: '韓国', en: 'South Korea' },
};

function displayName(type: 'region', code: string, lang: Lang): string {
  const known = COUNTRY_NAMES[code]?.[lang];
  if (known) return known;
  try {
    return new Intl.DisplayNames([lang], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

function special(msg: Msg, lang: Lang): string {
  const p = msg.params ?? {};
  switch (msg.code) {
    case '@time':
      return formatJst(String(p.iso));
    case '@country':
      return displayName('region', String(p.cc), lang);
    case '@region': {
      const code = String(p.code);
      return REGION_NAMES[code]?.[lang] ?? displayName('region', code, lang);
    }
    case '@number':
      return Number(p.n).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
    case '@broker':
      return BROKERS.find((b) => b.id === p.id)?.label[lang] ?? String(p.id);
    case '@supportUrl':
      // the only links an explanation may carry: the adapter's own official pages
      return BROKERS.find((b) => b.id === p.id)?.officialUrls.support ?? '';
    default:
      return msg.code;
  }
}

function renderParam(p: MsgParam | undefined, lang: Lang): string {
  if (p === undefined) return '';
  if (typeof p === 'string') return p;
  if (typeof p === 'number') return p.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
  if (Array.isArray(p)) return p.map((x) => renderParam(x, lang)).join(lang === 'ja' ? '、' : ', ');
  return render(p, lang);
}

/** Positional substitutions for `browser.i18n.getMessage(code, subs)`. */
export function substitutions(msg: Msg, lang: Lang = 'ja'): string[] {
  const entry = CATALOGUES[lang][msg.code];
  const out: string[] = [];
  for (const [name, ph] of Object.entries(entry?.placeholders ?? {})) {
    const n = /^\$(\d)$/.exec(ph.content);
    if (n) out[Number(n[1]) - 1] = renderParam(msg.params?.[name], lang);
  }
  return out;
}

/** One message as text. An unknown code renders as the code (tests catch those). */
export function render(msg: Msg, lang: Lang = 'ja'): string {
  if (msg.code.startsWith('@')) return special(msg, lang);
  const entry = CATALOGUES[lang][msg.code];
  if (!entry) return msg.code;
  return formatMessage(CATALOGUES[lang], msg.code, substitutions(msg, lang));
}

export interface RenderedExplanation {
  seen: string;
  compared: string;
  harmless: string[];
  todo: string[];
}

export function renderExplanation(e: Explanation, lang: Lang = 'ja'): RenderedExplanation {
  return {
    seen: render(e.seen, lang),
    compared: render(e.compared, lang),
    harmless: e.harmless.map((x) => render(x, lang)),
    todo: e.todo.map((x) => render(x, lang)),
  };
}

export function alertTitle(a: Alert, lang: Lang = 'ja'): string {
  return render(a.title, lang);
}

/** Every catalogue code an explanation uses (for the catalogue test). */
export function codesOf(msg: Msg | MsgParam): string[] {
  if (typeof msg !== 'object') return [];
  if (Array.isArray(msg)) return msg.flatMap(codesOf);
  return [msg.code, ...Object.values(msg.params ?? {}).flatMap(codesOf)];
}
