// Broker text is hostile input: besides markup (rendered as text everywhere),
// it can carry characters that are invisible or reorder what is shown around
// them. U+202E turns "invoice‮gnp.exe" into "invoiceexe.png" on screen; NUL and
// other controls hide or cut text. Every render path of broker text shows them
// as [U+XXXX] (issue 11 defect 14): the report through escapeHtml, the
// extension's pages through the Preact hook below, notifications through
// notificationText, verify.html through the same pattern. Stored records and
// the bundle's data files keep the exact text: only what is shown changes.

/** Bidi embeddings, overrides, isolates and marks; C0 but TAB LF CR; DEL; C1; line and paragraph separators. */
export const CONTROL_CHARS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const ALL = new RegExp(CONTROL_CHARS.source, 'g');

export function visible(text: string): string {
  return text.replace(ALL, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}
