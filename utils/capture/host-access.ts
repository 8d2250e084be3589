// Broker host access as optional permissions. The production manifest asks for
// no broker host at install (optional_host_permissions, wxt.config.ts); the
// user grants a broker's hosts when choosing it (onboarding, dashboard), and
// the broker's content script is registered at runtime for the granted hosts
// only. The e2e build keeps the hosts required and the content scripts in the
// manifest (Playwright cannot answer Chrome's permission prompt), so there is
// nothing to register: scripts the manifest already declares are left alone.

import { BROKERS } from '../brokers';
import { hostPatterns } from '../brokers/hosts';
import { declarationOf } from '../brokers/registry';
import type { BrokerAdapter, BrokerId } from '../brokers/types';

interface Origins {
  origins: string[];
}
interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: 'document_idle' | 'document_start' | 'document_end';
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

/** The few browser APIs this needs (browser in the extension, a fake in tests). */
export interface HostAccessApi {
  permissions: {
    contains(p: Origins): Promise<boolean>;
    request(p: Origins): Promise<boolean>;
    remove(p: Origins): Promise<boolean>;
  };
  /** Absent only without the `scripting` permission (every build has it: MV3 in Chrome and Firefox). */
  scripting?: {
    getRegisteredContentScripts(): Promise<RegisteredScript[]>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
  };
  runtime: { getManifest(): { content_scripts?: Array<{ js?: string[] }> } };
}

export const scriptId = (broker: BrokerId) => `kg-${broker}`;
/** Where WXT writes `entrypoints/broker.content.ts`, the one content script of every broker (it picks its broker by host). */
export const scriptFile = (_broker: BrokerId) => 'content-scripts/broker.js';

function adapter(broker: BrokerId): BrokerAdapter {
  return BROKERS.find((b) => b.id === broker)!;
}

/** The broker's host patterns the user has granted (all, some or none of them). */
export async function grantedPatterns(api: HostAccessApi, broker: BrokerId): Promise<string[]> {
  const out: string[] = [];
  for (const p of hostPatterns(adapter(broker)))
    if (await api.permissions.contains({ origins: [p] }).catch(() => false)) out.push(p);
  return out;
}

export async function hasHostAccess(api: HostAccessApi, broker: BrokerId): Promise<boolean> {
  return api.permissions.contains({ origins: hostPatterns(adapter(broker)) }).catch(() => false);
}

/**
 * Asks for the broker's hosts. Call it first thing in a click handler: Chrome
 * only shows the prompt during the user's gesture (no await before it).
 */
export function requestHostAccess(api: HostAccessApi, broker: BrokerId): Promise<boolean> {
  return api.permissions.request({ origins: hostPatterns(adapter(broker)) }).catch(() => false);
}

/** Gives the hosts back (optional ones only; required ones in the e2e build stay). */
export async function releaseHostAccess(api: HostAccessApi, broker: BrokerId): Promise<void> {
  await api.permissions.remove({ origins: hostPatterns(adapter(broker)) }).catch(() => false);
}

export interface SyncPlan {
  register: RegisteredScript[];
  unregister: string[];
}

/** Pure: which registrations to add and remove so that exactly the enabled, granted brokers have one. */
export function planRegistrations(input: {
  enabled: BrokerId[];
  granted: Record<string, string[]>;
  registered: RegisteredScript[];
  staticFiles: Set<string>;
}): SyncPlan {
  const plan: SyncPlan = { register: [], unregister: [] };
  for (const b of BROKERS) {
    const id = scriptId(b.id);
    const have = input.registered.find((r) => r.id === id);
    const matches =
      input.enabled.includes(b.id) && !input.staticFiles.has(scriptFile(b.id)) ? (input.granted[b.id] ?? []) : [];
    // a frame-set site (松井) is read in every frame; other brokers in the top frame only
    const allFrames = declarationOf(b.id)?.frames === true;
    const same =
      have &&
      JSON.stringify([...(have.matches ?? [])].sort()) === JSON.stringify([...matches].sort()) &&
      (have.allFrames === true) === allFrames;
    if (same) continue;
    if (have) plan.unregister.push(id);
    if (matches.length)
      plan.register.push({
        id,
        matches,
        js: [scriptFile(b.id)],
        runAt: 'document_idle',
        ...(allFrames ? { allFrames } : {}),
        persistAcrossSessions: true,
      });
  }
  return plan;
}

/** Brings the runtime registrations in line with grants and settings (startup, install, permission changes). */
export async function syncContentScripts(api: HostAccessApi, enabled: BrokerId[]): Promise<SyncPlan> {
  if (!api.scripting) return { register: [], unregister: [] };
  const staticFiles = new Set((api.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.js ?? []));
  const granted: Record<string, string[]> = {};
  for (const b of BROKERS) granted[b.id] = await grantedPatterns(api, b.id);
  const registered = (await api.scripting.getRegisteredContentScripts()).filter((r) => r.id.startsWith('kg-'));
  const plan = planRegistrations({ enabled, granted, registered, staticFiles });
  if (plan.unregister.length) await api.scripting.unregisterContentScripts({ ids: plan.unregister });
  if (plan.register.length) await api.scripting.registerContentScripts(plan.register);
  return plan;
}

/** Extension pages ask the background to re-sync after the user changed brokers. */
export { SYNC_SCRIPTS_MESSAGE } from '../messaging/page-messages';
