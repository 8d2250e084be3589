import type { CheckSpec } from '../check-types';

export const sbiCheck: CheckSpec = {
  broker: 'sbi',
  // SBI's idle timeout is not published (brokers.md §2): 10 minutes is an
  // assumption chosen short, so a check can never be what keeps a session open.
  sessionIdleMinutes: 10,
  knownTargets: [
    // 当日約定一覧 (brokers.md §2.2)
    {
      kind: 'executions',
      path: '/ETGate/?_ControlID=WPLETagR001Control&_PageID=DefaultPID&_DataStoreID=DSWPLETagR001Control&_ActionID=DefaultAID&getFlg=on',
      hosts: /^site\d\.sbisec\.co\.jp$/,
    },
  ],
  // SBI's session lives in cookies; URLs carry no session id.
  withSession: (storedUrl) => storedUrl,
};
