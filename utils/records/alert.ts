import { z } from 'zod';
import { BrokerIdSchema, IsoWithOffset } from './common';
import { SEVERITIES } from './severity';

export { maxSeverity, SEVERITIES, severityRank, type Severity } from './severity';
export const SeveritySchema = z.enum(SEVERITIES);

/**
 * A message by catalogue key (public/_locales/{ja,en}/messages.json) with
 * named parameters; a parameter may itself be a message or a list. Codes
 * starting with `@` are rendered by code (`@country` → 中国 / China).
 */
export interface Msg {
  code: string;
  params?: Record<string, MsgParam>;
}
export type MsgParam = string | number | Msg | MsgParam[];

export const MsgSchema: z.ZodType<Msg> = z.lazy(() =>
  z.object({
    code: z.string().min(1),
    params: z.record(z.string(), MsgParamSchema).optional(),
  }),
);
const MsgParamSchema: z.ZodType<MsgParam> = z.lazy(() =>
  z.union([z.string(), z.number(), MsgSchema, z.array(MsgParamSchema)]),
);

/** What was seen, what it was compared with, harmless explanations, what to do now. */
export const ExplanationSchema = z.object({
  seen: MsgSchema,
  compared: MsgSchema,
  harmless: z.array(MsgSchema),
  todo: z.array(MsgSchema),
});
export type Explanation = z.infer<typeof ExplanationSchema>;

export const ReasonSchema = z.object({
  rule: z.string().min(1),
  severity: SeveritySchema,
  explanation: ExplanationSchema,
});
export type Reason = z.infer<typeof ReasonSchema>;

/**
 * One warning about one thing that happened (a login, a burst of failures,
 * a trading session, an account change). Its id comes from its anchor event,
 * so reading the same rows again never repeats it; later findings about the
 * same anchor join its reasons.
 */
export const AlertSchema = z.object({
  v: z.literal(1),
  id: z.string().min(1),
  broker: BrokerIdSchema,
  kind: z.enum(['login', 'orders', 'account']),
  severity: SeveritySchema,
  status: z.enum(['open', 'mine', 'not-mine']),
  anchorEventId: z.string().min(1),
  eventIds: z.array(z.string()).min(1),
  /** The events' own times (ISO with offset), same order as eventIds. */
  eventTimes: z.array(IsoWithOffset).min(1),
  title: MsgSchema,
  reasons: z.array(ReasonSchema).min(1),
  incidentId: z.string().min(1),
  createdAt: IsoWithOffset,
  updatedAt: IsoWithOffset,
  answeredAt: IsoWithOffset.optional(),
});
export type Alert = z.infer<typeof AlertSchema>;
