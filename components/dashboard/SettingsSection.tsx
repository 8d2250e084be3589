import { useEffect, useState } from 'preact/hooks';
import { BROKER_LABELS } from '../../utils/brokers/labels';
import type { BrokerId } from '../../utils/brokers/types';
import { hasHostAccess, releaseHostAccess, requestHostAccess } from '../../utils/capture/host-access';
import { deleteBrokerData, type Deleted } from '../../utils/dashboard/retention';
import { t } from '../../utils/i18n';
import {
  CHECK_INTERVAL_CHOICES,
  DEFAULT_STALE_DAYS,
  enabledBrokers,
  loadSettings,
  saveSettings,
  type Settings,
} from '../../utils/store/settings';
import { askPersistence, formatBytes, nearlyFull, storageState, type StorageState } from '../../utils/store/storage';
import { MappingsSection } from './MappingsSection';
import type { SectionProps } from './types';

const STALE_CHOICES = [3, 7, 14, 30] as const;

export function SettingsSection({ db, lang, background }: SectionProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [access, setAccess] = useState<Record<string, boolean>>({});
  const [saved, setSaved] = useState('');
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  const [storage, setStorage] = useState<StorageState>({});
  const reload = async () => {
    await askPersistence();
    // Chrome exempts an extension with unlimitedStorage from eviction yet reports persisted() false
    const manifest = background.hostAccess.runtime.getManifest() as { permissions?: string[] };
    const unlimited = (manifest.permissions ?? []).includes('unlimitedStorage');
    const state = await storageState();
    setStorage({ ...state, persisted: state.persisted || unlimited });
    setSettings(await loadSettings(db));
    const a: Record<string, boolean> = {};
    for (const b of BROKER_LABELS) a[b.id] = await hasHostAccess(background.hostAccess, b.id);
    setAccess(a);
  };
  useEffect(() => void reload(), []);
  if (!settings) return <p>{t('popupLoading')}</p>;
  const enabled = enabledBrokers(settings);
  const save = async (patch: Partial<Settings>) => {
    setSettings(await saveSettings(db, patch));
    setSaved(t('setSaved'));
  };
  const toggleBroker = (broker: BrokerId, on: boolean) => {
    // the permission prompt needs the click's user gesture: ask before anything is awaited
    const asked = on ? requestHostAccess(background.hostAccess, broker) : Promise.resolve(true);
    void (async () => {
      if (!(await asked)) return setSaved(t('onbRefused'));
      const next = on ? [...new Set([...enabled, broker])] : enabled.filter((b) => b !== broker);
      await save({ enabledBrokers: BROKER_LABELS.map((b) => b.id).filter((id) => next.includes(id)) });
      if (!on) await releaseHostAccess(background.hostAccess, broker);
      await background.syncScripts();
      await reload();
    })();
  };
  const remove = async (broker: BrokerId, label: string) => {
    if (!confirm(t('setDeleteConfirm', label))) return;
    setDeleted(await deleteBrokerData(db, broker));
    await background.refreshBadge();
  };
  return (
    <section aria-labelledby="settings-title" class="section">
      <h2 id="settings-title">{t('setTitle')}</h2>
      <p role="status" class="saved" data-field="saved">
        {saved}
      </p>

      <fieldset>
        <legend>{t('setBrokers')}</legend>
        <p class="muted">{t('setBrokersHelp')}</p>
        {BROKER_LABELS.map((b) => (
          <label key={b.id} class="check" data-broker={b.id}>
            <input
              type="checkbox"
              name={`broker-${b.id}`}
              checked={enabled.includes(b.id) && access[b.id] !== false}
              onChange={(e) => toggleBroker(b.id, (e.target as HTMLInputElement).checked)}
            />
            {b.label[lang]}
            {access[b.id] === false ? <span class="muted">{` (${t('setNoAccess')})`}</span> : null}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('setInterval')}</legend>
        <label>
          {t('setIntervalLabel')}
          <select
            name="interval"
            value={String(settings.checkIntervalMinutes ?? '')}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              void save(v ? { checkIntervalMinutes: Number(v) } : { checkIntervalMinutes: undefined });
            }}
          >
            <option value="">{t('setIntervalDefault')}</option>
            {CHECK_INTERVAL_CHOICES.map((m) => (
              <option key={m} value={String(m)}>
                {t('setMinutes', String(m))}
              </option>
            ))}
          </select>
        </label>
        <p class="muted">{t('setIntervalHelp')}</p>
        <label>
          {t('setStale')}
          <select
            name="stale"
            value={String(settings.staleDays ?? DEFAULT_STALE_DAYS)}
            onChange={(e) => void save({ staleDays: Number((e.target as HTMLSelectElement).value) })}
          >
            {STALE_CHOICES.map((d) => (
              <option key={d} value={String(d)}>
                {t('setDays', String(d))}
              </option>
            ))}
          </select>
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('setNotify')}</legend>
        <label class="check">
          <input
            type="radio"
            name="notify"
            value="medium"
            checked={(settings.notifyLevel ?? 'medium') === 'medium'}
            onChange={() => void save({ notifyLevel: 'medium' })}
          />
          {t('setNotifyMedium')}
        </label>
        <label class="check">
          <input
            type="radio"
            name="notify"
            value="high"
            checked={settings.notifyLevel === 'high'}
            onChange={() => void save({ notifyLevel: 'high' })}
          />
          {t('setNotifyHigh')}
        </label>
        <p class="muted">{t('setNotifyHelp')}</p>
      </fieldset>

      <fieldset>
        <legend>{t('setRetention')}</legend>
        <p>{t('setRetentionHelp')}</p>
        {BROKER_LABELS.map((b) => (
          <p key={b.id}>
            <button
              type="button"
              class="danger"
              data-action={`delete-${b.id}`}
              onClick={() => void remove(b.id, b.label[lang])}
            >
              {t('setDelete', b.label[lang])}
            </button>
          </p>
        ))}
        {deleted ? (
          <p role="status" data-field="deleted">
            {t('setDeleted', [String(deleted.snapshots), String(deleted.logins + deleted.orders)])}
          </p>
        ) : null}
      </fieldset>
      <fieldset data-field="storage">
        <legend>{t('setStorage')}</legend>
        {storage.usage !== undefined && storage.quota ? (
          <p data-field="storage-use">
            {t('setStorageUse', [
              formatBytes(storage.usage),
              formatBytes(storage.quota),
              String(Math.round((100 * storage.usage) / storage.quota)),
            ])}
          </p>
        ) : null}
        {nearlyFull(storage) ? (
          <p role="alert" class="warning" data-field="storage-full">
            {t('setStorageNearlyFull')}
          </p>
        ) : null}
        <p class="muted" data-field="storage-persisted">
          {t(storage.persisted ? 'setStoragePersisted' : 'setStorageNotPersisted')}
        </p>
      </fieldset>
      <MappingsSection db={db} lang={lang} />
    </section>
  );
}
