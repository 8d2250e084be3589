// How a broker is re-checked between visits: which pages, how long its session
// lives. Kept apart from the page readers; used by utils/capture/check-plan.ts.

import type { BrokerId, PageKind } from './types';

export interface CheckSpec {
  broker: BrokerId;
  /**
   * Minutes of inactivity after which the broker ends the session. Checks stop
   * after this long since the user's last visit, so the extension never keeps
   * a session alive beyond the user's own activity.
   */
  sessionIdleMinutes: number;
  /** Pages worth re-reading, as paths on the tab's own origin (session ids added by `withSession`). */
  knownTargets: Array<{ kind: PageKind; path: string; hosts?: RegExp }>;
  /** Puts the live page's session into a stored (session-free) URL, or returns it unchanged. */
  withSession(storedUrl: string, liveUrl: string): string;
}
