// Alert severities and their order, without zod: the popup and the dashboard's
// first view rank alerts but never validate them (issue 6). alert.ts builds
// its schema on SEVERITIES and re-exports these.

export const SEVERITIES = ['info', 'low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function maxSeverity(...s: Severity[]): Severity {
  return s.reduce<Severity>((a, b) => (severityRank(b) > severityRank(a) ? b : a), 'info');
}
