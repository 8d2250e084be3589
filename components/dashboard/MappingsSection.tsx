import { useEffect, useState } from 'preact/hooks';
import { BROKER_LABELS } from '../../utils/brokers/labels';
import { reparseAll } from '../../utils/dashboard/snapshots';
import { parseHtml } from '../../utils/dom/parse-html';
import { t } from '../../utils/i18n';
import type { TableMapping } from '../../utils/records/table-mapping';
import type { KabuGuardDB } from '../../utils/store/db';
import {
  exportMappings,
  importMappings,
  listMappings,
  MAX_IMPORT_BYTES,
  removeMapping,
  type ImportResult,
} from '../../utils/store/mappings';
import { fieldLabel, KIND_KEYS } from '../../utils/teach/panel';
import type { SectionProps } from './types';

const IMPORT_ERRORS: Record<Exclude<ImportResult, { ok: true }>['error'], string> = {
  'too-large': 'mapImportTooLarge',
  'not-json': 'mapImportNotJson',
  'not-a-mapping-file': 'mapImportNotFile',
  'invalid-mapping': 'mapImportInvalid',
};

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function MappingItem({ m, lang, onRemove }: { m: TableMapping; lang: SectionProps['lang']; onRemove(): void }) {
  const broker = BROKER_LABELS.find((b) => b.id === m.broker);
  return (
    <li class="mapping" data-mapping-id={m.id}>
      <div>
        <strong>{broker?.label[lang] ?? m.broker}</strong> · {t(KIND_KEYS[m.kind])}{' '}
        <span class="badge">{t(m.origin === 'taught' ? 'mapOriginTaught' : 'mapOriginImported')}</span>
      </div>
      {m.title ? <div>{m.title}</div> : null}
      <div class="muted">
        {t('mapPage')}: <code>{m.urlPattern}</code> · {m.createdAt.slice(0, 16).replace('T', ' ').replace(/-/g, '/')}
      </div>
      <div>
        {t('mapColumns')}:{' '}
        {m.columns.map((c) => `${c.header} → ${fieldLabel(m.kind, c.field)}`).join(t('teachListSep'))}
      </div>
      <div class="mapping__actions">
        <button
          type="button"
          data-action="export-mapping"
          onClick={() => download(exportMappings([m]), `kabu-guard-${m.broker}-${m.id}.json`)}
        >
          {t('mapExport')}
        </button>
        <button type="button" class="danger" data-action="remove-mapping" onClick={onRemove}>
          {t('mapRemove')}
        </button>
      </div>
    </li>
  );
}

/** 表の読み取り設定（教えた表）: the tables taught in teach mode; remove, export, import. */
export function MappingsSection({ db, lang }: { db: KabuGuardDB; lang: SectionProps['lang'] }) {
  const [mappings, setMappings] = useState<TableMapping[] | null>(null);
  const [message, setMessage] = useState('');
  const reload = () => listMappings(db).then(setMappings, () => setMappings([]));
  useEffect(() => void reload(), []);
  const remove = async (m: TableMapping) => {
    if (!confirm(t('mapRemoveConfirm'))) return;
    await removeMapping(db, m.id);
    await reload();
  };
  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // refused before reading a byte more than any honest file has
    const r: ImportResult =
      file.size > MAX_IMPORT_BYTES ? { ok: false, error: 'too-large' } : await importMappings(db, await file.text());
    setMessage(r.ok ? t('mapImported', String(r.mappings.length)) : t(IMPORT_ERRORS[r.error], r.detail ?? ''));
    await reload();
  };
  const reparse = async () => {
    const r = await reparseAll(db, parseHtml);
    setMessage(t('mapReparsed', String(r.snapshots)));
  };
  return (
    <fieldset class="mappings" data-section-part="mappings">
      <legend>{t('mapTitle')}</legend>
      <p>{t('mapIntro')}</p>
      {mappings === null ? null : mappings.length === 0 ? (
        <p class="muted" data-field="mappings-empty">
          {t('mapEmpty')}
        </p>
      ) : (
        <ul class="mapping-list">
          {mappings.map((m) => (
            <MappingItem key={m.id} m={m} lang={lang} onRemove={() => void remove(m)} />
          ))}
        </ul>
      )}
      <p class="mapping__actions">
        {mappings?.length ? (
          <button
            type="button"
            data-action="export-mappings"
            onClick={() => download(exportMappings(mappings), 'kabu-guard-table-mappings.json')}
          >
            {t('mapExportAll')}
          </button>
        ) : null}
        <label class="file-button">
          {t('mapImport')}
          <input
            type="file"
            accept="application/json,.json"
            data-action="import-mappings"
            onChange={(e) => void onFile(e)}
          />
        </label>
        {mappings?.length ? (
          <button type="button" data-action="reparse-mappings" onClick={() => void reparse()}>
            {t('mapReparse')}
          </button>
        ) : null}
      </p>
      <p role="status" data-field="mappings-status">
        {message}
      </p>
    </fieldset>
  );
}
