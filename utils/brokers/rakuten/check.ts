import type { CheckSpec } from '../check-types';

// Rakuten carries the session in the path (`/app/x.do;BV_SessionID=…`, brokers.md §1.1):
// a stored URL has it stripped, so the live page's id is put back, in memory only.
const SESSION = /;BV_SessionID=[^/?#;]+/;

export const rakutenCheck: CheckSpec = {
  broker: 'rakuten',
  // auto-logout after 30 minutes idle (brokers.md §1.1)
  sessionIdleMinutes: 30,
  knownTargets: [{ kind: 'trade-history', path: '/app/ass_trad_lst.do?eventType=init' }],
  withSession(storedUrl, liveUrl) {
    const session = SESSION.exec(liveUrl)?.[0];
    if (!session) return storedUrl;
    return storedUrl.replace(SESSION, '').replace(/(\/app\/[^/?#;]+\.do)/, `$1${session}`);
  },
};
