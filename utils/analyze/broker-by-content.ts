// Which broker a saved page belongs to when no URL says so: the broker's
// names in the title or text (楽天証券 / SBI証券, former names too), and links,
// forms and assets pointing at the broker's own domain. Brokers without an
// adapter yet (utils/brokers/firms.ts) are named the same way.

import { BROKERS } from '../brokers';
import { UNDECLARED_FIRMS, type Firm } from '../brokers/firms';
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

/** How strongly a page names a broker: its names in the title (3) and text (1), links to its domains (up to 3). */
function scoreOf(
  page: { title: string; text: string; hosts: string[] },
  names: readonly string[],
  domains: Set<string>,
): number {
  let score = 0;
  const named = names.map(normalizeText);
  if (named.some((n) => page.title.includes(n))) score += 3;
  if (named.some((n) => page.text.includes(n))) score += 1;
  const links = page.hosts.filter((h) => [...domains].some((d) => h === d || h.endsWith(`.${d}`))).length;
  return score + Math.min(links, 3);
}

function pageFacts(doc: Document): { title: string; text: string; hosts: string[] } {
  const title = normalizeText(doc.title);
  const text = normalizeText(doc.body?.textContent ?? '').slice(0, 50_000);
  const hosts: string[] = [];
  for (const el of Array.from(doc.querySelectorAll(LINKED)).slice(0, 2000)) {
    const v = el.getAttribute('href') ?? el.getAttribute('action') ?? el.getAttribute('src');
    if (!v || !/^https?:\/\//i.test(v)) continue;
    try {
      hosts.push(new URL(v).hostname);
    } catch {
      // not a URL
    }
  }
  return { title, text, hosts };
}

export function brokersByContent(doc: Document): ContentEvidence[] {
  const page = pageFacts(doc);
  const found: ContentEvidence[] = [];
  for (const adapter of BROKERS) {
    const score = scoreOf(page, [adapter.label.ja, ...adapter.otherNames], new Set(adapter.hosts.map(siteDomain)));
    if (score > 0) found.push({ adapter, score });
  }
  return found.sort((a, b) => b.score - a.score);
}

/** A broker of the 2025 wave without an adapter that the page names (松井, kabu.com …), the strongest first. */
export function firmsByContent(doc: Document): Array<{ firm: Firm; score: number }> {
  const page = pageFacts(doc);
  const found: Array<{ firm: Firm; score: number }> = [];
  for (const firm of UNDECLARED_FIRMS) {
    const score = scoreOf(page, [firm.ja, ...(firm.otherNames ?? [])], new Set(firm.domains));
    if (score > 0) found.push({ firm, score });
  }
  return found.sort((a, b) => b.score - a.score);
}
