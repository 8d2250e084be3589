// When the browser refuses to store more (QuotaExceededError), the user is told,
// and nothing already stored is dropped or mislabelled (issue 11 item 13): a
// snapshot that could not be written is reported as not saved; a snapshot whose
// records could not be written stays stored and owed a reading (pending work),
// never "could not read this page".

/** Where a write was refused: the snapshot itself, or the records read from a stored snapshot. */
export type StorageFullAt = 'snapshot' | 'records' | 'other';

export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(
    readonly at: StorageFullAt,
    readonly snapshotId?: string,
    override readonly cause?: unknown,
  ) {
    super(
      at === 'snapshot'
        ? 'storage full: the page was not saved'
        : at === 'records'
          ? 'storage full: the page is saved, its records are not stored yet'
          : 'storage full',
    );
  }
}

/** A quota refusal, however it is wrapped (Dexie's errors carry the DOMException as `inner`; an abort as its cause). */
export function isQuotaError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { name, inner } = e as { name?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError' || name === 'StorageFullError') return true;
    e = inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/** How much the extension stores and may store, as the browser reports it (navigator.storage). */
export interface StorageState {
  usage?: number;
  quota?: number;
  /** The browser will not evict the data under storage pressure. */
  persisted?: boolean;
}

type StorageApi = Pick<StorageManager, 'estimate' | 'persisted'> & { persist?: StorageManager['persist'] };

const storageApi = (): StorageApi | undefined => (globalThis.navigator as Navigator | undefined)?.storage;

export async function storageState(api: StorageApi | undefined = storageApi()): Promise<StorageState> {
  if (!api) return {};
  const [estimate, persisted] = await Promise.all([
    api.estimate().catch(() => ({}) as StorageEstimate),
    api.persisted().catch(() => undefined),
  ]);
  return {
    ...(estimate.usage !== undefined ? { usage: estimate.usage } : {}),
    ...(estimate.quota !== undefined ? { quota: estimate.quota } : {}),
    ...(persisted !== undefined ? { persisted } : {}),
  };
}

/**
 * Asks the browser not to evict the evidence under storage pressure. Pages
 * only (`persist()` is not exposed in service workers); Chrome grants it to an
 * extension with `unlimitedStorage` (docs/permissions.md).
 */
export async function askPersistence(api: StorageApi | undefined = storageApi()): Promise<boolean | undefined> {
  if (!api?.persist) return undefined;
  if (await api.persisted().catch(() => false)) return true;
  return api.persist().catch(() => false);
}

/** Used share at which the dashboard warns that storage is nearly full. */
export const NEARLY_FULL = 0.9;

export function nearlyFull(s: StorageState): boolean {
  return s.usage !== undefined && !!s.quota && s.usage / s.quota >= NEARLY_FULL;
}

/** 12.3 MB: storage sizes for people, in the units the browsers' settings pages use. */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
