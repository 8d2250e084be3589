// chrome.i18n's message format, for places without browser.i18n (Node: the CLI,
// evaluation, reports; tests). `$name$` placeholders map to `$1`…`$9` contents.

export type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function formatMessage(catalog: Catalog, key: string, substitutions?: string | string[]): string {
  const entry = catalog[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const positional = (s: string) => s.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (m, name: string) => {
      const ph = entry.placeholders?.[name] ?? entry.placeholders?.[name.toLowerCase()];
      return ph ? positional(ph.content) : m;
    })
    .replace(/\$\$/g, '$');
}
