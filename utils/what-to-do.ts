// What to do after an attack: the steps, written once, in order of urgency,
// each with its official link. The popup, the alerts page, the evidence page
// and the report all show this list (issue 10: two lists per card that
// disagreed, #9110 ten times on one page). Words are in the catalogues
// (public/_locales/*/messages.json, keys below); links come only from the
// broker adapter's officialUrls, which ship with the extension.

import { brokerLabelOf } from './brokers/labels';

export type TodoLink = 'home' | 'support' | 'evidence';

export interface TodoStep {
  id: 'password' | 'call-broker' | 'check-account' | 'evidence' | 'police';
  /** Catalogue key of the step's words. */
  key: string;
  link?: TodoLink;
}

/** Most urgent first: stop the attacker, have the broker freeze the account, look for changes, keep the proof, report. */
export const WHAT_TO_DO: readonly TodoStep[] = [
  { id: 'password', key: 'todoCardPassword', link: 'home' },
  { id: 'call-broker', key: 'todoCardCallBroker', link: 'support' },
  { id: 'check-account', key: 'todoCardCheckAccount' },
  { id: 'evidence', key: 'todoCardEvidence', link: 'evidence' },
  { id: 'police', key: 'todoCardPolice' },
];

export interface TodoItem extends TodoStep {
  /** The official page (home, support) or the extension's evidence page; none for the others. */
  url?: string;
}

/** The steps for one broker, links resolved. `evidenceUrl` is where "export" goes (omitted in the report). */
export function whatToDo(broker: string, evidenceUrl?: string): TodoItem[] {
  const official = brokerLabelOf(broker)?.officialUrls;
  return WHAT_TO_DO.map((s) => {
    const url = s.link === 'evidence' ? evidenceUrl : s.link ? official?.[s.link] : undefined;
    return url ? { ...s, url } : { ...s };
  });
}
