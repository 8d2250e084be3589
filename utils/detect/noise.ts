// The noise budget: how often ordinary users would be bothered. Over the
// benign scenarios' outcomes: alerts of medium or more and of low or more per
// user-month (the scenario's span, installation or first step to last step),
// and the worst single week (alerts raised within any 7 days of one scenario).

import { severityRank } from '../records/alert';
import type { ScenarioOutcome } from './scenario';

const DAY_MS = 24 * 3600_000;
const MONTH_MS = 30.44 * DAY_MS;

export interface NoiseStats {
  benignScenarios: number;
  userMonths: number;
  medium: number;
  high: number;
  low: number;
  mediumPerUserMonth: number;
  lowPerUserMonth: number;
  worstWeek: { medium: number; mediumScenario: string; low: number; lowScenario: string };
  /** Most alerts of medium or more in one benign scenario (each is built around one ordinary event). */
  maxMediumPerEvent: number;
}

function worstWeek(times: number[]): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= 7 * DAY_MS) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

export function noiseStats(outcomes: ScenarioOutcome[]): NoiseStats {
  const benign = outcomes.filter((o) => o.kind === 'benign');
  const s: NoiseStats = {
    benignScenarios: benign.length,
    userMonths: 0,
    medium: 0,
    high: 0,
    low: 0,
    mediumPerUserMonth: 0,
    lowPerUserMonth: 0,
    worstWeek: { medium: 0, mediumScenario: '', low: 0, lowScenario: '' },
    maxMediumPerEvent: 0,
  };
  for (const o of benign) {
    s.userMonths += Math.max(Date.parse(o.to) - Date.parse(o.from), DAY_MS) / MONTH_MS;
    const atLeast = (min: 'low' | 'medium') => o.alerts.filter((a) => severityRank(a.severity) >= severityRank(min));
    const medium = atLeast('medium');
    const low = atLeast('low');
    s.medium += medium.length;
    s.low += low.length;
    s.high += o.alerts.filter((a) => a.severity === 'high').length;
    s.maxMediumPerEvent = Math.max(s.maxMediumPerEvent, medium.length);
    const wm = worstWeek(medium.map((a) => Date.parse(a.createdAt)));
    if (wm > s.worstWeek.medium) s.worstWeek = { ...s.worstWeek, medium: wm, mediumScenario: o.id };
    const wl = worstWeek(low.map((a) => Date.parse(a.createdAt)));
    if (wl > s.worstWeek.low) s.worstWeek = { ...s.worstWeek, low: wl, lowScenario: o.id };
  }
  s.mediumPerUserMonth = s.userMonths ? s.medium / s.userMonths : 0;
  s.lowPerUserMonth = s.userMonths ? s.low / s.userMonths : 0;
  return s;
}
