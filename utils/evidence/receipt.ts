// What the user records outside the computer after an export: the ZIP's
// SHA-256 and the capture log's chain head, sent to themselves through the
// system mail client (a mailto: link: the extension makes no request; the mail
// server's date is a witness from outside, issue 11 defect 6). Checked later
// with `npm run -s verify -- --recorded HASH FILE.zip` or the verify page.

export interface BundleReceipt {
  file: string;
  exportedAt: string;
  zipSha256: string;
  fingerprint: string;
  chainHead: { seq: number; hash: string } | null;
}

export type Translate = (key: string, subs?: string | string[]) => string;

export function receiptText(r: BundleReceipt, t: Translate): { subject: string; body: string } {
  const head = r.chainHead ? `#${r.chainHead.seq} ${r.chainHead.hash}` : '-';
  return {
    subject: t('receiptMailSubject', [r.file]),
    body: [
      t('receiptMailIntro'),
      '',
      `${t('receiptFile')}: ${r.file}`,
      `${t('receiptExportedAt')}: ${r.exportedAt}`,
      `${t('receiptZipSha')}: ${r.zipSha256}`,
      `${t('receiptChainHead')}: ${head}`,
      `${t('evidenceFingerprint')}: ${r.fingerprint}`,
      '',
      t('receiptMailHowToCheck'),
      `npm run -s verify -- --recorded ${r.zipSha256} ${r.file}`,
    ].join('\n'),
  };
}

/** A mailto: link with no recipient: the user's mail client asks for it (their own address). */
export function receiptMailto(r: BundleReceipt, t: Translate): string {
  const { subject, body } = receiptText(r, t);
  // RFC 6068: CRLF line breaks, percent-encoded
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\n/g, '\r\n'))}`;
}
