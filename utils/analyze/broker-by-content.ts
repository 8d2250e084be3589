// Which broker a saved page belongs to when no URL says so: the broker's
// name in the title or text (楽天証券 / SBI証券), and links, forms and assets
// pointing at the broker's own domain.

import { BROKERS } from '../brokers';
import { normalizeText } from '../brokers/shared/text';
import type { BrokerAdapter } from '../brokers/types';

/** `member.rakuten-sec.co.jp` -> `rakuten-sec.co.jp` (Japanese second-level domains keep three labels). */
export function siteDomain(host: string): string {
  const labels = host.split('.');
  return labels.slice(/\.(?:co|ne|or|ac|go|ad|ed|gr|lg)\.jp$/.test(host) ? -3 : -2).join('.');
}

export interface ContentEvidence {
  adapter: BrokerAdapter;
  score: number;
}

const LINKED = 'a[href], form[action], link[href], img[src], script[src], iframe[src]';

export function brokersByContent(doc: Document): ContentEvidence[] {
  const title = normalizeText(doc.title);
  const text = normalizeText(doc.body?.textContent ?? '').slice(0, 50_000);
  const urls: string[] = [];
  for (const el of Array.from(doc.querySelectorAll(LINKED)).slice(0, 2000)) {
    const v = el.getAttribute('href') ?? el.getAttribute('action') ?? el.getAttribute('src');
    if (v && /^https?:\/\//i.test(v)) urls.push(v);
  }
  const hostsOf = urls.flatMap((u) => {
    try {
      return [new URL(u).hostname];
    } catch {
      return [];
    }
  });
  const found: ContentEvidence[] = [];
  for (const adapter of BROKERS) {
    const name = normalizeText(adapter.label.ja);
    const domains = new Set(adapter.hosts.map(siteDomain));
    let score = 0;
    if (title.includes(name)) score += 3;
    if (text.includes(name)) score += 1;
    const links = hostsOf.filter((h) => [...domains].some((d) => h === d || h.endsWith(`.${d}`))).length;
    score += Math.min(links, 3);
    if (score > 0) found.push({ adapter, score });
  }
  return found.sort((a, b) => b.score - a.score);
}
