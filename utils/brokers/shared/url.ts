// URLs as stored: without session ids, which are credentials in all but name.
// Rakuten puts one in the path (`/app/home.do;BV_SessionID=…`, brokers.md §1.1), 松井 too under
// other names (`/ITS/frame/FraAstDistribution.jsp;jgieww05=…`, docs/brokers.md "Real samples"): every
// path matrix parameter goes, whatever its name.

const MATRIX_SESSION = /;[A-Za-z_][\w.-]*=[^/?#;]*/g;
const SESSION_PARAMS =
  /^(?:BV_SessionID|BV_EngineID|jsessionid|sessionid|session_id|sid|token|_csrf|csrf_token|access_token)$/i;

// SMBC日興 carries a 12-character token as the second path segment (`/Logout/95C2K0006681/login/…`,
// `/InvestmentInformation/7152B0129761/…`; its login pages have `0` there: docs/brokers.md "Real samples")
const PATH_TOKEN = /^(https?:\/\/[^/?#]+\/[A-Za-z]+\/)(?=[0-9A-Z]{12}\/)(?=[^/]*\d)(?=[^/]*[A-Z])[0-9A-Z]{12}(?=\/)/;

export function stripSessionIds(url: string): string {
  const noMatrix = url.replace(MATRIX_SESSION, '').replace(PATH_TOKEN, '$10');
  let u: URL;
  try {
    u = new URL(noMatrix);
  } catch {
    return noMatrix;
  }
  for (const key of Array.from(u.searchParams.keys())) if (SESSION_PARAMS.test(key)) u.searchParams.delete(key);
  u.hash = '';
  return u.toString();
}

/**
 * A stored (session-free) URL with the live page's path session put back, in memory only, for a
 * check between visits: `session` matches the broker's path matrix parameter (Rakuten
 * `;BV_SessionID=…`, 松井 `;jsessionid=…`), which goes at the end of the path. Unchanged when the
 * broker carries no session in its URLs or the live page shows none.
 */
export function withPathSession(session: RegExp | undefined, storedUrl: string, liveUrl: string): string {
  const live = session?.exec(liveUrl)?.[0];
  if (!session || !live) return storedUrl;
  return storedUrl.replace(session, '').replace(/^([^?#]*)/, `$1${live}`);
}
