import { z } from 'zod';
import { BROKER_IDS } from '../brokers/registry';

/** The declared brokers (utils/brokers/registry.ts). */
export const BrokerIdSchema = z.enum(BROKER_IDS);

/** ISO 8601 with an explicit offset (`+09:00` or `Z`); never a bare local time. */
export const IsoWithOffset = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'ISO 8601 with offset');

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const PageKindSchema = z.enum([
  'login-history',
  'order-inquiry',
  'executions',
  'trade-history',
  'holdings',
  'account-changes',
  'other',
]);
export const PageStatusSchema = z.enum(['ok', 'empty', 'not-logged-in', 'maintenance', 'unreadable', 'unsupported']);
