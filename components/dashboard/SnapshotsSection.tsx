import { useEffect, useState } from 'preact/hooks';
import { BROKER_LABELS } from '../../utils/brokers/labels';
import { formatJst } from '../../utils/brokers/shared/dates';
import {
  listSnapshots,
  reparseAll,
  sandboxedDocument,
  snapshotText,
  SNAPSHOT_PAGE_SIZE,
} from '../../utils/dashboard/snapshots';
import { parseHtml } from '../../utils/dom/parse-html';
import type { Snapshot } from '../../utils/records';
import { NOT_READ } from '../../utils/store/db';
import { t } from '../../utils/i18n';
import type { SectionProps } from './types';

const STATUS_KEYS: Record<Snapshot['parse']['status'], string> = {
  ok: 'snapStatusOk',
  empty: 'snapStatusEmpty',
  'not-logged-in': 'snapStatusNotLoggedIn',
  maintenance: 'snapStatusMaintenance',
  unreadable: 'snapStatusUnreadable',
  unsupported: 'snapStatusUnsupported',
};

/** A page stored but not read yet (a full disk, a worker stop) is waiting, not unreadable (issue 11 item 13). */
const shownStatus = (s: Snapshot) => (s.parse.parserVersion === NOT_READ ? 'not-read' : s.parse.status);

/**
 * The stored pages: list, view, re-read. A page is shown as text, or in a
 * frame with `sandbox=""` (no scripts, no forms, its own origin) whose CSP
 * forbids fetching anything: broker HTML never touches this page's DOM.
 */
function Viewer({ snapshot, db, onClose }: { snapshot: Snapshot; onClose(): void } & Pick<SectionProps, 'db'>) {
  const [text, setText] = useState<string | null | undefined>(null);
  const [mode, setMode] = useState<'text' | 'page'>('text');
  useEffect(() => void snapshotText(db, snapshot).then(setText, () => setText(undefined)), [snapshot.id]);
  const isHtml = snapshot.mediaType !== 'text/csv';
  return (
    <div class="viewer" data-field="viewer" role="region" aria-label={t('snapViewerTitle')}>
      <div class="viewer__bar">
        <strong>{snapshot.title ?? snapshot.url}</strong>
        {isHtml ? (
          <span class="viewer__modes" role="group" aria-label={t('snapViewMode')}>
            <button
              type="button"
              aria-pressed={mode === 'text'}
              data-action="view-text"
              onClick={() => setMode('text')}
            >
              {t('snapViewText')}
            </button>
            <button
              type="button"
              aria-pressed={mode === 'page'}
              data-action="view-page"
              onClick={() => setMode('page')}
            >
              {t('snapViewPage')}
            </button>
          </span>
        ) : null}
        <button type="button" data-action="close-viewer" onClick={onClose}>
          {t('snapClose')}
        </button>
      </div>
      {text === null ? (
        <p>{t('popupLoading')}</p>
      ) : text === undefined ? (
        <p>{t('snapNoBody')}</p>
      ) : mode === 'page' && isHtml ? (
        <iframe
          class="viewer__frame"
          sandbox=""
          srcdoc={sandboxedDocument(text)}
          title={t('snapViewerTitle')}
          referrerpolicy="no-referrer"
        />
      ) : (
        <pre class="viewer__text" data-field="snapshot-text" tabIndex={0}>
          {text}
        </pre>
      )}
    </div>
  );
}

export function SnapshotsSection({ db, lang, background }: SectionProps) {
  const [page, setPage] = useState(0);
  const [data, setData] = useState<{ items: Snapshot[]; total: number } | null>(null);
  const [viewing, setViewing] = useState<Snapshot | null>(null);
  const [rebuild, setRebuild] = useState<'idle' | 'running' | { snapshots: number; logins: number } | 'failed'>('idle');
  const reload = (p = page) => void listSnapshots(db, p).then(setData, () => setData({ items: [], total: 0 }));
  useEffect(() => reload(page), [page]);
  const reparse = async () => {
    setRebuild('running');
    try {
      setRebuild(await reparseAll(db, parseHtml));
      reload();
      // events no reading had given before are judged by the background, like those of a new capture
      void background.finishPending();
    } catch {
      setRebuild('failed');
    }
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / SNAPSHOT_PAGE_SIZE)) : 1;
  return (
    <section aria-labelledby="snap-title" class="section">
      <h2 id="snap-title">{t('snapTitle')}</h2>
      <p class="muted">{t('snapHelp')}</p>
      <p class="row">
        <button type="button" data-action="reparse" disabled={rebuild === 'running'} onClick={() => void reparse()}>
          {t('snapReparse')}
        </button>
        <span role="status" data-field="reparse-status">
          {rebuild === 'running'
            ? t('snapReparsing')
            : rebuild === 'failed'
              ? t('snapReparseFailed')
              : typeof rebuild === 'object'
                ? t('snapReparsed', [String(rebuild.snapshots), String(rebuild.logins)])
                : ''}
        </span>
      </p>
      {viewing ? <Viewer snapshot={viewing} db={db} onClose={() => setViewing(null)} /> : null}
      {data === null ? (
        <p>{t('popupLoading')}</p>
      ) : data.items.length === 0 ? (
        <p data-field="none">{t('snapNone')}</p>
      ) : (
        <table class="snapshots">
          <caption class="visually-hidden">{t('snapTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('snapColAt')}</th>
              <th scope="col">{t('ordersColBroker')}</th>
              <th scope="col">{t('snapColPage')}</th>
              <th scope="col">{t('snapColStatus')}</th>
              <th scope="col">{t('snapColHash')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('snapView')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((s) => (
              <tr key={s.id} data-snapshot-id={s.id} data-status={shownStatus(s)}>
                <td class="nowrap num">{`${formatJst(s.capturedAt)} JST`}</td>
                <td class="nowrap">{BROKER_LABELS.find((b) => b.id === s.broker)!.label[lang]}</td>
                <td class="wrap">
                  <span>{s.title ?? s.pageKind ?? ''}</span>
                  <br />
                  <span class="muted url">{s.url}</span>
                </td>
                <td class={`nowrap status status--${shownStatus(s)}`}>
                  {t(shownStatus(s) === 'not-read' ? 'snapStatusNotRead' : STATUS_KEYS[s.parse.status])}
                  {s.parse.records ? ` (${s.parse.records})` : ''}
                </td>
                <td class="hash" title={s.sha256}>
                  <code>{s.sha256.slice(0, 12)}…</code>
                </td>
                <td>
                  <button type="button" data-action="view" onClick={() => setViewing(s)}>
                    {t('snapView')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 ? (
        <nav class="pager" aria-label={t('snapPages')}>
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('snapPrev')}
          </button>
          <span>{t('snapPageOf', [String(page + 1), String(pages)])}</span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            {t('snapNext')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}
