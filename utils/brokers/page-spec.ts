// A broker's page side as the content script receives it: the part of its
// declaration that decides a page's state and kind (phrases, URL hints, banner,
// layouts, hosts), sent by the background when a broker page asks
// (entrypoints/background/page-side.ts). The content script's bundle carries no
// declaration at all, so its size does not grow with the number of brokers
// (`npm run bench`, (b)); each page gets its own broker's data only.
// Runtime messages are JSON in Chrome: regular expressions travel as source and flags.

import type { BrokerDeclaration } from './declaration';
import type { ReaderSpec } from './shared/read-page';

/** What the page side needs of a declaration (sense-page.ts), plus the hosts a check may request. */
export type PageSpec = ReaderSpec & { hosts: readonly string[] };

const FIELDS = ['id', 'parserVersion', 'hosts', 'phrases', 'urlHints', 'banner', 'layouts'] as const;

interface WireRegExp {
  re: string;
  flags: string;
}

function encode(v: unknown): unknown {
  if (v instanceof RegExp) return { re: v.source, flags: v.flags } satisfies WireRegExp;
  if (Array.isArray(v)) return v.map(encode);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
  return v;
}

function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.re === 'string' && typeof o.flags === 'string' && Object.keys(o).length === 2)
      return new RegExp(o.re, o.flags);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}

/** The declaration's page side as plain JSON (background). */
export function encodePageSpec(d: BrokerDeclaration): unknown {
  const out: Record<string, unknown> = {};
  for (const k of FIELDS) if (d[k] !== undefined) out[k] = encode(d[k]);
  return out;
}

/** The page side back from JSON (content script); undefined for anything that is not one. */
export function decodePageSpec(wire: unknown): PageSpec | undefined {
  let s: Partial<PageSpec> | undefined;
  try {
    s = decode(wire) as Partial<PageSpec> | undefined;
  } catch {
    return undefined; // not a regular expression
  }
  if (!s || typeof s.id !== 'string' || !Array.isArray(s.hosts) || !s.phrases || !Array.isArray(s.urlHints))
    return undefined;
  return s as PageSpec;
}
