// Alert severities and their order, without zod: the popup and the dashboard's
// first view rank alerts but never validate them (issue 6). alert.ts builds
// its schema on SEVERITIES and re-exports these.

export const SEVERITIES = ['info', 'low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What the pages show: an `info` alert only explains (the case; a trade made from the app). */
export const SHOWN_SEVERITIES = ['low', 'medium', 'high'] as const satisfies readonly Severity[];
/** The incidents the popup's first line and light weigh (utils/dashboard/urgent.ts). */
export const URGENT_SEVERITIES = ['medium', 'high'] as const satisfies readonly Severity[];
/** Incident statuses still waiting on the user. */
export const ACTIVE_INCIDENT_STATUSES = ['open', 'confirmed'] as const;

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function maxSeverity(...s: Severity[]): Severity {
  return s.reduce<Severity>((a, b) => (severityRank(b) > severityRank(a) ? b : a), 'info');
}
