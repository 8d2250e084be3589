// Taught table mappings (teach mode): saved, listed, removed, exported and
// imported. A mapping changes how pages are read, so every change is in the
// hash-chained log (the evidence shows which records came from a taught table:
// their snapshot's parserVersion ends in `+taught:<id>`). An import is
// untrusted input: size-limited, strictly validated, re-identified here.

import { toJstIso } from '../brokers/shared/dates';
import { headerKey, stableHash } from '../brokers/shared/text';
import type { BrokerId } from '../brokers/types';
import {
  TABLE_MAPPING_FILE_FORMAT,
  TABLE_MAPPING_FORMAT,
  TableMappingFileSchema,
  TableMappingSchema,
  type MappingKind,
  type TableMapping,
} from '../records/table-mapping';
import { appendLog } from './capture-log';
import type { KabuGuardDB } from './db';

/** What the teach panel produces; the id, format and time are added here. */
export interface MappingDraft {
  broker: BrokerId;
  urlPattern: string;
  kind: MappingKind;
  signature: string[];
  columns: Array<{ header: string; field: string }>;
  title?: string;
}

/** Larger than any honest file (a mapping is a few hundred bytes). */
export const MAX_IMPORT_BYTES = 64 * 1024;

/** The same mapping, taught or imported twice, has one id: a hash of what it says. */
export function mappingId(d: Pick<MappingDraft, 'broker' | 'urlPattern' | 'kind' | 'signature' | 'columns'>): string {
  const columns = [...d.columns]
    .map((c) => [c.header, c.field])
    .sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
  return `map_${stableHash(JSON.stringify([d.broker, d.urlPattern, d.kind, d.signature, columns]))}`;
}

/** A complete, validated mapping from a draft (throws a ZodError when it is not one). */
export function buildMapping(
  draft: MappingDraft,
  origin: TableMapping['origin'],
  at: string = toJstIso(Date.now()),
): TableMapping {
  const signature = draft.signature.map(headerKey);
  const columns = draft.columns.map((c) => ({ header: headerKey(c.header), field: c.field }));
  const base = { broker: draft.broker, urlPattern: draft.urlPattern, kind: draft.kind, signature, columns };
  const title = draft.title?.trim().slice(0, 120);
  return TableMappingSchema.parse({
    format: TABLE_MAPPING_FORMAT,
    id: mappingId(base),
    ...base,
    createdAt: at,
    origin,
    ...(title ? { title } : {}),
  });
}

export async function saveMapping(db: KabuGuardDB, mapping: TableMapping): Promise<TableMapping> {
  const m = TableMappingSchema.parse(mapping);
  await db.mappings.put(m);
  await appendLog(db, {
    type: 'feedback',
    detail: {
      action: m.origin === 'imported' ? 'table-mapping-imported' : 'table-mapping-taught',
      id: m.id,
      broker: m.broker,
      urlPattern: m.urlPattern,
      kind: m.kind,
    },
  });
  return m;
}

/** Every mapping, newest first. */
export async function listMappings(db: KabuGuardDB): Promise<TableMapping[]> {
  return (await db.mappings.toArray()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * The mappings the readers are given (one broker's, or all), newest first.
 * A capture never fails for them: an unreadable table is read without mappings.
 */
export async function allMappings(db: KabuGuardDB, broker?: BrokerId): Promise<TableMapping[]> {
  try {
    const rows = broker ? await db.mappings.where('broker').equals(broker).toArray() : await db.mappings.toArray();
    return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  } catch {
    return [];
  }
}

export async function removeMapping(db: KabuGuardDB, id: string): Promise<boolean> {
  const m = await db.mappings.get(id);
  if (!m) return false;
  await db.mappings.delete(id);
  await appendLog(db, {
    type: 'delete',
    detail: { what: 'table-mapping', id, broker: m.broker, urlPattern: m.urlPattern },
  });
  return true;
}

/** The file users share: readable, stable, nothing but the mappings. */
export function exportMappings(mappings: readonly TableMapping[], at: string = toJstIso(Date.now())): string {
  return `${JSON.stringify({ format: TABLE_MAPPING_FILE_FORMAT, exportedAt: at, mappings }, null, 2)}\n`;
}

export type ImportResult =
  | { ok: true; mappings: TableMapping[] }
  | { ok: false; error: 'too-large' | 'not-json' | 'not-a-mapping-file' | 'invalid-mapping'; detail?: string };

/**
 * Reads an exported file (or one mapping on its own). Everything is checked:
 * the format, every key (unknown ones refuse the file), every length; one bad
 * mapping refuses the whole file. The ids are recomputed and the mappings
 * marked imported, dated now (a newer mapping wins over an older one).
 */
export function parseMappingFile(text: string, at: string = toJstIso(Date.now())): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  const format = (data as { format?: unknown } | null)?.format;
  let items: unknown[];
  if (format === TABLE_MAPPING_FILE_FORMAT) {
    const file = TableMappingFileSchema.safeParse(data);
    if (!file.success) return { ok: false, error: 'not-a-mapping-file', detail: file.error.issues[0]?.message };
    items = file.data.mappings;
  } else if (format === TABLE_MAPPING_FORMAT) items = [data];
  else return { ok: false, error: 'not-a-mapping-file' };
  const out: TableMapping[] = [];
  for (const item of items) {
    const parsed = TableMappingSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        error: 'invalid-mapping',
        detail: `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim().slice(0, 200),
      };
    }
    const { broker, urlPattern, kind, signature, columns, title } = parsed.data;
    try {
      out.push(
        buildMapping({ broker, urlPattern, kind, signature, columns, ...(title ? { title } : {}) }, 'imported', at),
      );
    } catch (err) {
      return { ok: false, error: 'invalid-mapping', detail: String(err).slice(0, 200) };
    }
  }
  return { ok: true, mappings: out };
}

/** Imports a file: all its mappings or none. */
export async function importMappings(db: KabuGuardDB, text: string, at?: string): Promise<ImportResult> {
  const r = parseMappingFile(text, at);
  if (!r.ok) return r;
  await db.mappings.bulkPut(r.mappings);
  await appendLog(db, {
    type: 'import',
    detail: {
      what: 'table-mappings',
      ids: r.mappings.map((m) => m.id),
      brokers: [...new Set(r.mappings.map((m) => m.broker))],
    },
  });
  return r;
}
