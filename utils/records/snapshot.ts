import { z } from 'zod';
import { BrokerIdSchema, IsoWithOffset, PageKindSchema, PageStatusSchema, Sha256Hex } from './common';

/**
 * What a page (or an imported file) was, before any parsing. The source of
 * truth: records and alerts derive from it and are rebuilt from it.
 * The bytes live in `snapshotBodies`, keyed by their SHA-256.
 */
export const SnapshotSchema = z.object({
  v: z.literal(1),
  id: z.string().min(1),
  broker: BrokerIdSchema,
  pageKind: PageKindSchema.nullable(),
  /** URL with session ids stripped (`;BV_SessionID=…` and the like). */
  url: z.string(),
  title: z.string().optional(),
  capturedAt: IsoWithOffset,
  how: z.enum(['visit', 'background', 'import']),
  /** The page's own charset; the stored bytes are `storedEncoding`. */
  charset: z.string(),
  storedEncoding: z.enum(['utf-8', 'original']),
  mediaType: z.string(),
  fileName: z.string().optional(),
  sha256: Sha256Hex,
  size: z.number().int().nonnegative(),
  /** What was removed before hashing (input values, scripts, session ids). */
  redactions: z.array(z.string()),
  parse: z.object({
    status: PageStatusSchema,
    parserVersion: z.string(),
    warnings: z.array(z.string()),
    records: z.number().int().nonnegative(),
    at: IsoWithOffset,
  }),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export interface SnapshotBody {
  sha256: string;
  bytes: Uint8Array;
}
