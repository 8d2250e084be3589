// Messages the extension's own pages send the background (plain data, no
// imports), so a page can send one without loading the code that handles it
// (entrypoints/background/messaging.ts, onboarding.ts).

/** The badge may have changed (an alert answered). */
export const REFRESH_BADGE_MESSAGE = { type: 'kg/refresh-badge' } as const;
/** Broker host access changed: register or unregister content scripts (utils/capture/host-access.ts). */
export const SYNC_SCRIPTS_MESSAGE = { type: 'kg/sync-scripts' } as const;
/** Records were stored from a page (an import, a re-read of all pages): finish the detection they are owed. */
export const PENDING_MESSAGE = { type: 'kg/pending' } as const;
