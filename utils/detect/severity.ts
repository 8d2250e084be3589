import { SEVERITIES, severityRank, type Severity } from '../records/alert';

export const atLeast = (s: Severity | undefined, min: Severity): boolean =>
  s !== undefined && severityRank(s) >= severityRank(min);

/** One step up, `high` stays `high`. */
export const bump = (s: Severity): Severity => SEVERITIES[Math.min(SEVERITIES.length - 1, severityRank(s) + 1)]!;
