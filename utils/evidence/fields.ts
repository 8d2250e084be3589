// Lenient readers for records of tables this module does not define (alerts,
// incidents, environments, holdings, account events): the bundle exports
// what is there and reads the few fields the report needs by their usual names.

export type Loose = Record<string, unknown>;

export function str(o: Loose | undefined, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = o?.[k];
    if (typeof v === 'string' && v !== '') return v;
    if (typeof v === 'number') return String(v);
  }
  return undefined;
}

export function num(o: Loose | undefined, ...keys: string[]): number | undefined {
  for (const k of keys) {
    const v = o?.[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v.replace(/,/g, ''))))
      return Number(v.replace(/,/g, ''));
  }
  return undefined;
}

export function strings(o: Loose | undefined, ...keys: string[]): string[] {
  const out: string[] = [];
  for (const k of keys) {
    const v = o?.[k];
    if (typeof v === 'string' && v) out.push(v);
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string' && x) out.push(x);
  }
  return out;
}

/** Milliseconds of an ISO time with offset; NaN when absent or unreadable. */
export function ms(iso: string | undefined): number {
  return iso ? Date.parse(iso) : NaN;
}

/** The time a loose record is about. */
export function whenOf(o: Loose): string | undefined {
  return str(
    o,
    'at',
    'occurredAt',
    'changedAt',
    'raisedAt',
    'createdAt',
    'capturedAt',
    'firstSeenAt',
    'openedAt',
    'startAt',
  );
}
