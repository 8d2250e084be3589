import { browser } from 'wxt/browser';
import type { BrokerId } from '../utils/brokers/registry';
import type { AdapterHealth } from '../utils/records';
import { t } from '../utils/i18n';

/**
 * For each broker whose last page could not be read: the offer to save that page
 * for a report (entrypoints/report/, utils/report/page-report.ts). Opens the
 * report page, which shows exactly what the file holds before anything is saved.
 */
export function PageReportOffer({
  brokers,
  name,
  open = (snapshotId) => {
    void browser.tabs.create({
      url: browser.runtime.getURL(`/report.html#${encodeURIComponent(snapshotId)}` as '/report.html'),
    });
    window.close();
  },
}: {
  brokers: ReadonlyArray<{ broker: BrokerId; summary: { health?: AdapterHealth | undefined } }>;
  name: (broker: BrokerId) => string;
  open?: (snapshotId: string) => void;
}) {
  const unreadable = brokers.filter((b) => b.summary.health?.state === 'unreadable' && b.summary.health.snapshotId);
  if (!unreadable.length) return null;
  return (
    <section class="page-report-offer" data-field="page-report-offer">
      {unreadable.map((b) => (
        <p key={b.broker}>
          {t('reportOffer', [name(b.broker)])}{' '}
          <a
            href={`report.html#${encodeURIComponent(b.summary.health!.snapshotId!)}`}
            data-action="page-report"
            data-broker={b.broker}
            onClick={(e) => {
              e.preventDefault();
              open(b.summary.health!.snapshotId!);
            }}
          >
            {t('reportOfferAction')}
          </a>
        </p>
      ))}
    </section>
  );
}
