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
