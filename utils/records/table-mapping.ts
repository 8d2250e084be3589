import { z } from 'zod';
import { BrokerIdSchema, IsoWithOffset } from './common';
// the field lists live with the (zod-free) applier, which the page-side bundles use
import { MAPPING_KINDS, fieldsOf, missingFields } from '../brokers/shared/taught';

export {
  LOGIN_MAPPING_FIELDS,
  MAPPING_KINDS,
  ORDER_MAPPING_FIELDS,
  fieldsOf,
  missingFields,
} from '../brokers/shared/taught';
export type { LoginMappingField, MappingKind, OrderMappingField } from '../brokers/shared/taught';

/**
 * A table the user taught (teach mode, utils/teach/): on a broker page the
 * built-in readers do not know, which column means what. Found again by the
 * meaning of its header row (the header texts, normalised by headerKey),
 * never by column positions or CSS classes; read by the same row readers as
 * the built-in tables (utils/brokers/shared/taught.ts), so a taught table is
 * as validated as any other and never gives half records.
 *
 * Mappings travel as small JSON files between users: everything here is
 * untrusted input when imported, so every string is bounded and every key
 * known (strict objects: an unknown key, `__proto__` included, is refused).
 */

export const TABLE_MAPPING_FORMAT = 'kabu-guard/table-mapping/1';
export const TABLE_MAPPING_FILE_FORMAT = 'kabu-guard/table-mappings/1';

export const MAX_COLUMNS = 40;
const HEADER_MAX = 60;

/** A normalised header text (headerKey): short, no control characters. */
const HeaderKey = z
  .string()
  .min(1)
  .max(HEADER_MAX)
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'no control characters');

/**
 * Origin-less: a path (optionally ending in `*`: any path starting so), then
 * optionally `?key=value&…`: query keys that must have these values (other
 * keys are ignored). `/ETGate/?_ControlID=WPLETsmR001Control`, `/app/login_history.do`.
 * Session ids are never part of a pattern.
 */
export const UrlPatternSchema = z
  .string()
  .min(1)
  .max(300)
  .regex(/^\/(?![/\\])[^\s?#*]*\*?(\?[^\s#*]+)?$/, 'a path starting with /, no host')
  .refine((p) => !/BV_SessionID|BV_EngineID|jsessionid|sessionid|session_id|token|csrf/i.test(p), 'no session ids');

export const MappingColumnSchema = z.strictObject({
  header: HeaderKey,
  field: z.string().min(1).max(20),
});

export const TableMappingSchema = z
  .strictObject({
    format: z.literal(TABLE_MAPPING_FORMAT),
    /** `map_<hash of what the mapping says>`: the same mapping taught or imported twice is one. */
    id: z.string().regex(/^map_[0-9a-f]{16}$/),
    broker: BrokerIdSchema,
    urlPattern: UrlPatternSchema,
    kind: z.enum(MAPPING_KINDS),
    /** The header row's texts as headerKey gives them, in page order: what identifies the table. */
    signature: z.array(HeaderKey).min(1).max(MAX_COLUMNS),
    columns: z.array(MappingColumnSchema).min(1).max(MAX_COLUMNS),
    createdAt: IsoWithOffset,
    origin: z.enum(['taught', 'imported']),
    /** The page's title when taught, for the list (shown as text only). */
    title: z.string().max(120).optional(),
  })
  .superRefine((m, ctx) => {
    const allowed = fieldsOf(m.kind);
    const seenFields = new Set<string>();
    const seenHeaders = new Set<string>();
    for (const c of m.columns) {
      if (!allowed.includes(c.field))
        ctx.addIssue({ code: 'custom', message: `field ${c.field} is not a ${m.kind} field` });
      if (!m.signature.includes(c.header))
        ctx.addIssue({ code: 'custom', message: `column ${c.header} is not in the header row` });
      if (seenFields.has(c.field)) ctx.addIssue({ code: 'custom', message: `field ${c.field} is mapped twice` });
      if (seenHeaders.has(c.header)) ctx.addIssue({ code: 'custom', message: `column ${c.header} is mapped twice` });
      seenFields.add(c.field);
      seenHeaders.add(c.header);
    }
    const missing = missingFields(m.kind, [...seenFields]);
    if (missing.length) ctx.addIssue({ code: 'custom', message: `missing fields: ${missing.join(', ')}` });
  });
export type TableMapping = z.infer<typeof TableMappingSchema>;

/** An exported file: one or more mappings. */
export const TableMappingFileSchema = z.strictObject({
  format: z.literal(TABLE_MAPPING_FILE_FORMAT),
  exportedAt: IsoWithOffset.optional(),
  mappings: z.array(z.unknown()).min(1).max(100),
});
