import { useEffect, useState } from 'preact/hooks';
import { BROKER_LABELS } from '../../utils/brokers/labels';
import {
  forgetEnvironment,
  labelEnvironment,
  listEnvironments,
  rejectEnvironment,
  trustEnvironment,
} from '../../utils/dashboard/environments';
import { render as renderMsg } from '../../utils/detect/explain';
import { reviewEnvironments } from '../../utils/detect/review';
import type { Environment } from '../../utils/records/environment';
import { t } from '../../utils/i18n';
import type { SectionProps } from './types';

const STATUS_KEYS: Record<Environment['status'], string> = {
  baseline: 'envStatusBaseline',
  learned: 'envStatusLearned',
  alerted: 'envStatusAlerted',
  confirmed: 'envStatusConfirmed',
  rejected: 'envStatusRejected',
};

function EnvironmentRow({
  env,
  lang,
  onChanged,
  db,
}: { env: Environment; onChanged(): void } & Pick<SectionProps, 'db' | 'lang'>) {
  const item = reviewEnvironments([env]).items[0]!;
  const [label, setLabel] = useState(env.label ?? '');
  const [saved, setSaved] = useState(false);
  const inputId = `env-label-${env.id}`;
  const save = async (e: Event) => {
    e.preventDefault();
    // the field's own value: a submit right after typing may come before the state update renders
    const value = ((e.currentTarget as HTMLFormElement).elements.namedItem('label') as HTMLInputElement).value;
    await labelEnvironment(db, env.id, value);
    setSaved(true);
    onChanged();
  };
  const forget = async () => {
    if (!confirm(t('envForgetConfirm'))) return;
    await forgetEnvironment(db, env.id);
    onChanged();
  };
  return (
    <li class={`env env--${env.status}`} data-env-id={env.id} data-status={env.status}>
      <div class="env__what">
        <strong class="env__name">{env.label ?? renderMsg(item.device, lang)}</strong>
        <span>{renderMsg(item.device, lang)}</span>
        <span>{renderMsg(item.network, lang)}</span>
        <span class="muted">{renderMsg(item.period, lang)}</span>
        <span class={`badge badge--env-${env.status}`}>{t(STATUS_KEYS[env.status])}</span>
        {env.thisBrowser ? <span class="badge badge--this-browser">{t('tlBadgeThisBrowser')}</span> : null}
      </div>
      <form class="env__label" onSubmit={(e) => void save(e)}>
        <label for={inputId}>{t('envLabel')}</label>
        <input
          id={inputId}
          name="label"
          maxLength={60}
          placeholder={t('envLabelPlaceholder')}
          value={label}
          onInput={(e) => (setLabel((e.target as HTMLInputElement).value), setSaved(false))}
        />
        <button type="submit" data-action="save-label">
          {t('envSaveLabel')}
        </button>
        {saved ? (
          <span role="status" class="muted">
            {t('envSaved')}
          </span>
        ) : null}
      </form>
      <div class="env__actions">
        {env.status !== 'confirmed' ? (
          <button type="button" data-action="trust" onClick={() => void trustEnvironment(db, env.id).then(onChanged)}>
            {t('envTrust')}
          </button>
        ) : null}
        {env.status !== 'rejected' ? (
          <button
            type="button"
            data-action="reject"
            class="danger"
            title={t('envStatusNote')}
            onClick={() => void rejectEnvironment(db, env.id).then(onChanged)}
          >
            {t('envNotMine')}
          </button>
        ) : null}
        <button type="button" data-action="forget" onClick={() => void forget()}>
          {t('envForget')}
        </button>
      </div>
    </li>
  );
}

/** Known places logins come from: name them, trust them, forget them. */
export function EnvironmentsSection({ db, lang }: SectionProps) {
  const [envs, setEnvs] = useState<Environment[] | null>(null);
  const reload = () => void listEnvironments(db).then(setEnvs, () => setEnvs([]));
  useEffect(reload, []);
  return (
    <section aria-labelledby="env-title" class="section">
      <h2 id="env-title">{t('envTitle')}</h2>
      <p class="muted">{t('envHelp')}</p>
      {envs === null ? <p>{t('popupLoading')}</p> : envs.length === 0 ? <p data-field="none">{t('envNone')}</p> : null}
      {BROKER_LABELS.map((b) => {
        const mine = (envs ?? []).filter((e) => e.broker === b.id);
        if (!mine.length) return null;
        return (
          <div key={b.id} data-broker={b.id}>
            <h3>{b.label[lang]}</h3>
            <ul class="envs">
              {mine.map((e) => (
                <EnvironmentRow key={`${e.id}:${e.updatedAt}`} env={e} db={db} lang={lang} onChanged={reload} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
