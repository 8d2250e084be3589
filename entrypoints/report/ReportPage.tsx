// "Save this page for a report": the page the extension could not read, as
// one file for a GitHub issue (utils/report/page-report.ts). The preview is
// the file's exact text; Save writes those bytes through <a download> (no
// network request, no `downloads` permission). Everything from the page is
// rendered as text.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { brokerById } from '../../utils/brokers';
import { brokerName } from '../../utils/brokers/labels';
import { toJstIso } from '../../utils/brokers/shared/dates';
import { serializePage } from '../../utils/capture/serialize';
import { parseHtml } from '../../utils/dom/parse-html';
import { t, uiLang } from '../../utils/i18n';
import type { Snapshot } from '../../utils/records';
import { loadReportSource } from '../../utils/report/load';
import { buildPageReport } from '../../utils/report/page-report';
import { openDb } from '../../utils/store/db';

type Source = { snapshot: Snapshot; html: string } | 'missing' | null;

export function ReportPage() {
  const lang = uiLang();
  const [source, setSource] = useState<Source>(null);
  const [names, setNames] = useState('');
  const [saved, setSaved] = useState('');
  // one time for the preview and the file: what is shown is what is saved
  const [createdAt] = useState(() => toJstIso(Date.now()));

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('reportTitle');
    const id = decodeURIComponent(location.hash.slice(1));
    loadReportSource(openDb(), id).then(
      (s) => setSource(s ?? 'missing'),
      () => setSource('missing'),
    );
  }, []);

  const report = useMemo(() => {
    if (!source || source === 'missing') return undefined;
    const adapter = brokerById(source.snapshot.broker);
    return buildPageReport(
      {
        snapshot: source.snapshot,
        html: source.html,
        createdAt,
        extensionVersion: browser.runtime.getManifest().version,
        extraNames: names
          .split(/[,、\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
      },
      { parseHtml, serializePage, ...(adapter ? { adapter } : {}) },
    );
  }, [source, names]);

  const save = () => {
    if (!report) return;
    const url = URL.createObjectURL(new Blob([report.text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = report.fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setSaved(report.fileName);
  };

  if (source === null) return <main class="report">{t('popupLoading')}</main>;
  if (source === 'missing' || !report)
    return (
      <main class="report">
        <h1>{t('reportTitle')}</h1>
        <p data-field="report-missing">{t('reportMissing')}</p>
      </main>
    );
  const r = report.content.reading;
  return (
    <main class="report">
      <h1>{t('reportTitle')}</h1>
      <p>{t('reportIntro', [brokerName(report.content.broker, lang)])}</p>
      <ul class="report__contains">
        <li>{t('reportContainsPage')}</li>
        <li>{t('reportContainsReading')}</li>
        <li>{t('reportContainsNothingElse')}</li>
      </ul>
      <p class="report__check">{t('reportCheck')}</p>
      <dl class="report__summary" data-field="report-summary">
        <dt>{t('reportFile')}</dt>
        <dd data-field="report-file">{report.fileName}</dd>
        <dt>{t('reportStatus')}</dt>
        <dd data-field="report-status">
          {r.status} · {r.pageKind ?? '-'}
          {r.urlHint && r.urlHint !== r.pageKind ? ` (URL: ${r.urlHint})` : ''}
        </dd>
        <dt>{t('reportTables')}</dt>
        <dd data-field="report-tables">
          {r.tables.length ? r.tables.map((tb) => `${tb.header.join(' | ') || '-'} (${tb.rows})`).join(' / ') : '-'}
        </dd>
        <dt>{t('reportWarnings')}</dt>
        <dd data-field="report-warnings">{r.warnings.length ? r.warnings.join(' / ') : '-'}</dd>
      </dl>
      <label class="report__names">
        {t('reportNames')}
        <input
          type="text"
          value={names}
          data-field="report-names"
          onInput={(e) => setNames((e.target as HTMLInputElement).value)}
        />
      </label>
      <p>
        <button type="button" data-action="save-report" onClick={save}>
          {t('reportSave')}
        </button>{' '}
        {saved ? (
          <span role="status" data-field="report-saved">
            {t('reportSaved', [saved])}
          </span>
        ) : null}
      </p>
      <h2>{t('reportPreview')}</h2>
      <pre class="report__preview" data-field="report-preview">
        {report.text}
      </pre>
    </main>
  );
}
