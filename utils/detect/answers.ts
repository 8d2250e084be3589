// The user's answers, indexed for detection and the case: per environment
// (the latest wins; "forget" starts the environment over) and per event (an
// alert's answer covers the events it lists, found again by time when a parser
// update changed their ids). Pure.

import type { Answer } from '../records/answer';

export type EventVerdict = 'mine' | 'not-mine';

export interface AnswerIndex {
  /** The latest "mine" / "not mine" about an environment, unless forgotten after it. */
  environment(envId: string): { verdict: EventVerdict; at: string } | undefined;
  /** The same, as it stood at `ms`: what the user had said by then. */
  environmentAt(envId: string, ms: number): { verdict: EventVerdict; at: string } | undefined;
  /** Every answer about an environment (mine, not mine, forget), oldest first. */
  environmentAnswers(): Answer[];
  /** Logins of this environment before this instant are forgotten (ms). */
  forgottenBefore(envId: string): number | undefined;
  /** The latest answer about one event (by id, else by broker-local time). */
  event(eventId: string, at?: string): EventVerdict | undefined;
  /** The latest answer given on an alert. */
  alert(alertId: string): EventVerdict | undefined;
  /** When an alert was last answered (ISO), if it was. */
  alertAnsweredAt(alertId: string): string | undefined;
  /** When an environment was last answered or forgotten: its alerts start over after it. */
  episodeOf(envId: string): string | undefined;
}

export function indexAnswers(answers: readonly Answer[]): AnswerIndex {
  const sorted = [...answers].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const env = new Map<string, Answer>();
  const envHistory = new Map<string, Answer[]>();
  const envAnswers: Answer[] = [];
  const forget = new Map<string, number>();
  const byEvent = new Map<string, EventVerdict>();
  // `login|ms`: the kind of record and its time (ids start with the kind)
  const byTime = new Map<string, EventVerdict>();
  const kindOf = (id: string) => id.slice(0, id.indexOf('_'));
  const byAlert = new Map<string, EventVerdict>();
  const alertAt = new Map<string, string>();
  for (const a of sorted) {
    if (a.scope === 'environment' && a.environmentId) {
      envAnswers.push(a);
      envHistory.set(a.environmentId, [...(envHistory.get(a.environmentId) ?? []), a]);
      if (a.verdict === 'forget') {
        forget.set(a.environmentId, Date.parse(a.at));
        env.delete(a.environmentId);
      } else env.set(a.environmentId, a);
      continue;
    }
    const verdict = a.verdict;
    if (verdict === 'forget') continue;
    const ids = a.eventIds ?? [];
    ids.forEach((id, i) => {
      byEvent.set(id, verdict);
      const t = a.eventTimes?.[i];
      if (t) byTime.set(`${kindOf(id)}|${Date.parse(t)}`, verdict);
    });
    if (a.alertId) {
      byAlert.set(a.alertId, verdict);
      alertAt.set(a.alertId, a.at);
    }
  }
  return {
    environment(envId) {
      const a = env.get(envId);
      return a && a.verdict !== 'forget' ? { verdict: a.verdict, at: a.at } : undefined;
    },
    environmentAt(envId, ms) {
      let last: Answer | undefined;
      for (const a of envHistory.get(envId) ?? []) if (Date.parse(a.at) <= ms) last = a;
      return last && last.verdict !== 'forget' ? { verdict: last.verdict, at: last.at } : undefined;
    },
    environmentAnswers: () => envAnswers,
    forgottenBefore: (envId) => forget.get(envId),
    event(eventId, at) {
      return (
        byEvent.get(eventId) ?? (at !== undefined ? byTime.get(`${kindOf(eventId)}|${Date.parse(at)}`) : undefined)
      );
    },
    alert: (alertId) => byAlert.get(alertId),
    alertAnsweredAt: (alertId) => alertAt.get(alertId),
    episodeOf(envId) {
      const a = env.get(envId);
      const f = forget.get(envId);
      const times = [a?.at ? Date.parse(a.at) : undefined, f].filter((t): t is number => t !== undefined);
      return times.length ? new Date(Math.max(...times)).toISOString() : undefined;
    },
  };
}
