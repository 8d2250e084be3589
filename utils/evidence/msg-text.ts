// Alerts carry their words as catalogue keys with parameters (utils/records/
// alert.ts Msg); the detection feature's renderer turns them into text with
// the extension's own catalogues, the same in Node and in the extension.

import { render } from '../detect/explain';
import type { Msg } from '../records/alert';
import type { ReportLang } from './report-text';

const isMsg = (x: unknown): x is Msg => !!x && typeof x === 'object' && typeof (x as Msg).code === 'string';

export function msgText(msg: unknown, lang: ReportLang): string {
  if (typeof msg === 'string' || typeof msg === 'number') return String(msg);
  if (!isMsg(msg)) return '';
  try {
    return render(msg, lang);
  } catch {
    return msg.code;
  }
}
