import { z } from 'zod';
import { BrokerIdSchema, IsoWithOffset } from './common';

/** What changed, classified (the item as shown is kept in `item`). */
export const AccountEventKindSchema = z.enum([
  'email',
  'notification-settings',
  'withdrawal-bank-account',
  'foreign-stock-account',
  'document-consent',
  'address',
  'phone',
  'password',
  'security-settings',
  'name',
  'other',
]);

/** One row of an account-change history (Rakuten お客様情報変更履歴, brokers.md §1.2). */
export const AccountEventSchema = z.object({
  v: z.literal(1),
  id: z.string().min(1),
  broker: BrokerIdSchema,
  at: IsoWithOffset,
  dateOnly: z.boolean().optional(),
  kind: AccountEventKindSchema,
  item: z.string().min(1),
  detail: z.string().optional(),
  channel: z.string().optional(),
  status: z.string().optional(),
  raw: z.record(z.string(), z.string()),
  snapshotIds: z.array(z.string()).min(1),
  firstSeenAt: IsoWithOffset,
  lastSeenAt: IsoWithOffset,
});
export type AccountEvent = z.infer<typeof AccountEventSchema>;
