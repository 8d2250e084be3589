// The user's answers: appended, never rebuilt (utils/records/answer.ts).

import { stableHash } from '../brokers/shared/text';
import type { BrokerId } from '../brokers/types';
import { AnswerSchema, type Answer } from '../records/answer';
import type { KabuGuardDB } from './db';

export type NewAnswer = Omit<Answer, 'v' | 'id'>;

export async function addAnswer(db: KabuGuardDB, a: NewAnswer): Promise<Answer> {
  const target = a.scope === 'environment' ? (a.environmentId ?? '') : (a.alertId ?? (a.eventIds ?? []).join(','));
  const answer = AnswerSchema.parse({
    v: 1,
    id: `answer_${a.broker}_${stableHash(`${a.scope}\u0000${target}\u0000${a.at}\u0000${a.verdict}`)}`,
    ...a,
  });
  await db.answers.put(answer);
  return answer;
}

/** A broker's answers, oldest first (the latest about a thing wins). */
export async function answersOf(db: KabuGuardDB, broker: BrokerId): Promise<Answer[]> {
  const all = await db.answers.where('broker').equals(broker).toArray();
  return all.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

export async function allAnswers(db: KabuGuardDB): Promise<Answer[]> {
  return (await db.answers.toArray()).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}
