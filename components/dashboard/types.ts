import type { HostAccessApi } from '../../utils/capture/host-access';
import type { Lang } from '../../utils/detect/explain';
import type { KabuGuardDB } from '../../utils/store/db';

/** What every dashboard section gets: the database, the language, and the way to the background. */
export interface SectionProps {
  db: KabuGuardDB;
  lang: Lang;
  background: {
    refreshBadge(): Promise<unknown>;
    syncScripts(): Promise<unknown>;
    /** Detection over records a page stored (a re-read of all pages), in the background. */
    finishPending(): Promise<unknown>;
    hostAccess: HostAccessApi;
  };
  /** Move to another section (hash navigation). */
  go(section: SectionId): void;
}

export const SECTIONS = ['overview', 'timeline', 'alerts', 'environments', 'snapshots', 'settings'] as const;
export type SectionId = (typeof SECTIONS)[number];
