// The page side of a check between visits: an open broker tab re-reads the
// pages the background asked for, same-origin, with the user's own session.
// Each page is decoded by its charset, read by the same adapter, redacted the
// same way as a visit, and handed to the same pipeline.

import type { BrokerAdapter } from '../brokers/types';
import type { CheckTarget } from './check-plan';
import { decodeBytes } from './decode';
import { serializePage } from './serialize';
import type { CaptureMessage } from '../messaging/messages';

export interface CheckOutcome {
  status: 'ok' | 'logged-out' | 'failed';
  error?: string;
  captured: number;
}

function charsetOf(contentType: string | null): string | undefined {
  return /charset=([\w-]+)/i.exec(contentType ?? '')?.[1];
}

/**
 * The URL a check may request: https, on a host the adapter declares (exactly:
 * no port, no user info) and on the live tab's own origin. The last gate before
 * `fetch` (utils/capture/egress.test.ts); the plan builds targets the same way.
 */
export function allowedRequest(hosts: readonly string[], url: string, liveUrl: string): boolean {
  try {
    const u = new URL(url);
    const live = new URL(liveUrl);
    return (
      u.protocol === 'https:' &&
      !u.port &&
      !u.username &&
      !u.password &&
      hosts.includes(u.hostname) &&
      u.origin === live.origin &&
      !/^\/\/|\\|%2f|%5c/i.test(u.pathname)
    );
  } catch {
    return false;
  }
}

export async function runCheck(
  // the full adapter, or the content script's page side (sense-page.ts): only the state is read here
  adapter: Pick<BrokerAdapter, 'id' | 'hosts'> & { readPage(doc: Document, url: string): { status: string } },
  targets: CheckTarget[],
  liveUrl: string,
  send: (m: CaptureMessage) => Promise<unknown>,
  fetchImpl: typeof fetch = fetch,
): Promise<CheckOutcome> {
  let captured = 0;
  for (const target of targets) {
    // the live session is already in the URL (startCheck, check-plan.ts): no declaration in the page bundle
    const url = target.url;
    if (!allowedRequest(adapter.hosts, url, liveUrl))
      return { status: 'failed', error: `refused: ${target.kind} is not on this broker tab's origin`, captured };
    let res: Response;
    try {
      res = await fetchImpl(url, { credentials: 'include', redirect: 'follow', cache: 'no-store' });
    } catch (err) {
      return { status: 'failed', error: `network: ${String(err).slice(0, 120)}`, captured };
    }
    if (!res.ok) return { status: 'failed', error: `HTTP ${res.status} for ${target.kind}`, captured };
    // the broker redirected elsewhere (a login host): nothing of that page is kept
    if (res.url && !allowedRequest(adapter.hosts, res.url, liveUrl))
      return { status: 'failed', error: `redirected off the broker tab's origin for ${target.kind}`, captured };
    const bytes = new Uint8Array(await res.arrayBuffer());
    const { text, charset } = decodeBytes(bytes, charsetOf(res.headers.get('content-type')));
    const doc = new DOMParser().parseFromString(text, 'text/html');
    const reading = adapter.readPage(doc, url);
    if (reading.status === 'not-logged-in') return { status: 'logged-out', captured };
    if (reading.status === 'maintenance') return { status: 'failed', error: 'maintenance', captured };
    const page = serializePage(doc);
    await send({
      type: 'kg/capture',
      broker: adapter.id,
      url: res.url || url,
      title: doc.title,
      html: page.html,
      charset,
      redactions: page.redactions,
      how: 'background',
    });
    captured++;
  }
  return { status: 'ok', captured };
}
