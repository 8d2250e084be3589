// The background's side of teach mode. Who may ask what:
//  * kg/teach-start: only the extension's own pages (the popup), for a tab
//    showing a page of an enabled broker; the teach UI is then injected there.
//  * kg/taught-query, kg/teach-save: only a page of the broker concerned (the
//    content script, the teach UI); the broker is the sender's, never the
//    message's word alone, and a saved mapping must describe the sender's page.

import { brokerForUrl } from '../brokers';
import { matchesUrl, mappingsForUrl } from '../brokers/shared/taught';
import type { KabuGuardDB } from '../store/db';
import { allMappings, buildMapping, saveMapping } from '../store/mappings';
import { brokerEnabled } from '../store/settings';
import type { TaughtQueryReply, TeachMessage, TeachSaveReply, TeachStartReply } from './messages';

export interface TeachApi {
  /** `chrome-extension://<id>/`: where the extension's own pages live. */
  extensionOrigin: string;
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Runs the teach UI bundle in the tab (scripting.executeScript). */
  inject(tabId: number): Promise<void>;
}

export interface TeachSender {
  url?: string;
  tab?: { id?: number; url?: string };
}

export type TeachReply = TeachStartReply | TaughtQueryReply | TeachSaveReply;

export async function handleTeachMessage(
  db: KabuGuardDB,
  m: TeachMessage,
  sender: TeachSender,
  api: TeachApi,
): Promise<TeachReply> {
  switch (m.type) {
    case 'kg/teach-start': {
      if (!sender.url?.startsWith(api.extensionOrigin) || !Number.isInteger(m.tabId))
        return { ok: false, reason: 'no-tab' };
      const url = await api.tabUrl(m.tabId).catch(() => undefined);
      const broker = url ? brokerForUrl(url) : undefined;
      if (!broker) return { ok: false, reason: 'not-broker' };
      if (!(await brokerEnabled(db, broker.id))) return { ok: false, reason: 'broker-off' };
      try {
        await api.inject(m.tabId);
        return { ok: true };
      } catch {
        return { ok: false, reason: 'failed' };
      }
    }
    case 'kg/taught-query': {
      const url = sender.url ?? sender.tab?.url;
      if (!url || brokerForUrl(url)?.id !== m.broker || !(await brokerEnabled(db, m.broker))) return { mappings: [] };
      // plain objects: what the page-side check needs, for this page only
      const mappings = mappingsForUrl(await allMappings(db, m.broker), m.broker, url).map(
        ({ id, broker, urlPattern, kind, signature, columns, createdAt }) => ({
          id,
          broker,
          urlPattern,
          kind,
          signature,
          columns,
          createdAt,
        }),
      );
      return { mappings };
    }
    case 'kg/teach-save': {
      const url = sender.url ?? sender.tab?.url;
      const broker = url ? brokerForUrl(url) : undefined;
      if (!url || !broker || broker.id !== m.draft?.broker) return { ok: false, error: 'not-this-broker' };
      if (typeof m.draft.urlPattern !== 'string' || !matchesUrl(m.draft.urlPattern, url))
        return { ok: false, error: 'not-this-page' };
      try {
        const saved = await saveMapping(db, buildMapping(m.draft, 'taught'));
        return { ok: true, id: saved.id };
      } catch (err) {
        const issues = (err as { issues?: Array<{ message: string }> }).issues;
        return {
          ok: false,
          error: `invalid: ${(issues ? issues.map((i) => i.message).join('; ') : String(err)).slice(0, 200)}`,
        };
      }
    }
  }
}
