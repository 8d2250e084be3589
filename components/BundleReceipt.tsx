// Shown after an export: the bundle's fingerprint (SHA-256 of the ZIP) and the
// capture log's chain head, with one click to e-mail them to oneself and a
// link to the extension's own verify page. Self-contained: placed by the
// evidence page (utils/evidence/receipt.ts says why).

import { t } from '../utils/i18n';
import { receiptMailto, type BundleReceipt as Receipt } from '../utils/evidence/receipt';

export function BundleReceipt({ receipt }: { receipt: Receipt }) {
  return (
    <section class="receipt" data-field="receipt">
      <h2>{t('receiptTitle')}</h2>
      <p>{t('receiptIntro')}</p>
      <dl>
        <dt>{t('receiptZipSha')}</dt>
        <dd>
          <code data-field="zip-sha256">{receipt.zipSha256}</code>
        </dd>
        <dt>{t('receiptChainHead')}</dt>
        <dd>
          <code data-field="chain-head">
            {receipt.chainHead ? `#${receipt.chainHead.seq} ${receipt.chainHead.hash}` : '-'}
          </code>
        </dd>
        <dt>{t('evidenceFingerprint')}</dt>
        <dd>
          <code data-field="fingerprint">{receipt.fingerprint}</code>
        </dd>
      </dl>
      <p>
        <a class="button" data-field="mail-receipt" href={receiptMailto(receipt, t)}>
          {t('receiptMail')}
        </a>{' '}
        <a data-field="verify-page" href="/verify.html" target="_blank" rel="noopener">
          {t('receiptVerifyPage')}
        </a>
      </p>
      <p class="note">{t('receiptWhatItProves')}</p>
    </section>
  );
}
