import { z } from 'zod';
import { IsoWithOffset, Sha256Hex } from './common';

/** Append-only, hash-chained log of captures, parses, answers, exports, deletions. */
export const CaptureLogEntrySchema = z.object({
  v: z.literal(1),
  seq: z.number().int().positive(),
  at: IsoWithOffset,
  type: z.enum(['capture', 'parse', 'rebuild', 'import', 'feedback', 'export', 'delete']),
  detail: z.record(z.string(), z.unknown()),
  prevHash: Sha256Hex,
  hash: Sha256Hex,
});
export type CaptureLogEntry = z.infer<typeof CaptureLogEntrySchema>;
