// URLs as stored: without session ids, which are credentials in all but name.
// Rakuten puts one in the path (`/app/home.do;BV_SessionID=…`, brokers.md §1.1).

const MATRIX_SESSION = /;(?:BV_SessionID|BV_EngineID|jsessionid|sessionid)=[^/?#;]*/gi;
const SESSION_PARAMS =
  /^(?:BV_SessionID|BV_EngineID|jsessionid|sessionid|session_id|sid|token|_csrf|csrf_token|access_token)$/i;

export function stripSessionIds(url: string): string {
  const noMatrix = url.replace(MATRIX_SESSION, '');
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
