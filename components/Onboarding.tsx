import { useEffect, useState } from 'preact/hooks';
import { BROKERS } from '../utils/brokers';
import { declarationOf } from '../utils/brokers/registry';
import type { BrokerId } from '../utils/brokers/types';
import { hasHostAccess, releaseHostAccess, requestHostAccess, type HostAccessApi } from '../utils/capture/host-access';
import type { Lang } from '../utils/detect/explain';
import { t } from '../utils/i18n';
import type { KabuGuardDB } from '../utils/store/db';
import { enabledBrokers, loadSettings, saveSettings } from '../utils/store/settings';

export interface OnboardingProps {
  db: KabuGuardDB;
  api: HostAccessApi;
  lang: Lang;
  /** Tells the background to re-register content scripts (settings changed). */
  onChanged(): Promise<unknown>;
}

type Choice = 'watching' | 'off' | 'refused';

/**
 * The first page after installation: what the extension does and does not
 * do, which brokers to watch (each asks the browser for that broker's hosts),
 * how to open each broker's login history, and the CSV import.
 */
export function Onboarding({ db, api, lang, onChanged }: OnboardingProps) {
  const [choices, setChoices] = useState<Record<string, Choice> | null>(null);
  const load = async () => {
    const enabled = enabledBrokers(await loadSettings(db));
    const out: Record<string, Choice> = {};
    for (const b of BROKERS)
      out[b.id] = enabled.includes(b.id) && (await hasHostAccess(api, b.id)) ? 'watching' : 'off';
    setChoices(out);
  };
  useEffect(() => void load(), []);

  const choose = (broker: BrokerId) => {
    // the permission request must start in the click itself (Chrome's user-gesture rule): nothing awaited before it
    const asked = requestHostAccess(api, broker);
    void (async () => {
      const granted = await asked;
      if (granted) {
        const s = await loadSettings(db);
        const current = s.enabledBrokers ?? [];
        await saveSettings(db, {
          enabledBrokers: [...new Set([...current, broker])],
          onboardedAt: s.onboardedAt ?? new Date().toISOString(),
        });
        await onChanged();
      }
      setChoices((c) => ({ ...c, [broker]: granted ? 'watching' : 'refused' }));
    })();
  };
  const stop = async (broker: BrokerId) => {
    const s = await loadSettings(db);
    await saveSettings(db, { enabledBrokers: enabledBrokers(s).filter((b) => b !== broker) });
    await releaseHostAccess(api, broker);
    await onChanged();
    setChoices((c) => ({ ...c, [broker]: 'off' }));
  };

  return (
    <main class="onboarding">
      <h1>{t('onbTitle')}</h1>
      <p class="lead">{t('onbLead')}</p>
      <div class="onb-columns">
        <section aria-labelledby="onb-does">
          <h2 id="onb-does">{t('onbDoesTitle')}</h2>
          <ul>
            <li>{t('onbDoesRecord')}</li>
            <li>{t('onbDoesWarn')}</li>
            <li>{t('onbDoesEvidence')}</li>
          </ul>
        </section>
        <section aria-labelledby="onb-never">
          <h2 id="onb-never">{t('onbNeverTitle')}</h2>
          <ul>
            <li>{t('onbNeverPasswords')}</li>
            <li>{t('onbNeverSend')}</li>
            <li>{t('onbNeverOtherSites')}</li>
          </ul>
        </section>
      </div>

      {/* many victims install only after the attack (issue 10 item 3) */}
      <section aria-labelledby="onb-after" class="onb-after">
        <h2 id="onb-after">{t('onbAfterTitle')}</h2>
        <p>{t('onbAfterHelp')}</p>
        <p>
          <a href="after.html" data-action="after">
            {t('onbAfterLink')}
          </a>
        </p>
      </section>

      <section aria-labelledby="onb-brokers">
        <h2 id="onb-brokers">{t('onbBrokersTitle')}</h2>
        <p>{t('onbBrokersHelp')}</p>
        <ul class="onb-brokers">
          {BROKERS.map((b) => {
            const choice = choices?.[b.id];
            const help = declarationOf(b.id)?.loginHistoryHelp;
            return (
              <li
                key={b.id}
                class={`onb-broker onb-broker--${choice ?? 'loading'}`}
                data-broker={b.id}
                data-choice={choice ?? 'loading'}
              >
                <h3>{b.label[lang]}</h3>
                <p class="onb-broker__hosts">{t('onbHosts', b.hosts.join(', '))}</p>
                {choice === 'watching' ? (
                  <>
                    <p class="onb-broker__state" role="status">
                      {t('onbWatching')}
                    </p>
                    <button type="button" data-action="stop" onClick={() => void stop(b.id)}>
                      {t('onbStop')}
                    </button>
                  </>
                ) : (
                  <>
                    {choice === 'refused' ? (
                      <p class="onb-broker__state onb-broker__state--refused" role="status">
                        {t('onbRefused')}
                      </p>
                    ) : null}
                    <button
                      type="button"
                      class="primary"
                      data-action="choose"
                      disabled={!choice}
                      onClick={() => choose(b.id)}
                    >
                      {t('onbChoose', b.label[lang])}
                    </button>
                  </>
                )}
                {help && (
                  <>
                    <h4>{t('onbHistoryTitle')}</h4>
                    <p class="onb-broker__history">{t(help)}</p>
                  </>
                )}
              </li>
            );
          })}
        </ul>
        <p class="note">{t('onbHistoryNote')}</p>
      </section>

      <section aria-labelledby="onb-import">
        <h2 id="onb-import">{t('onbImportTitle')}</h2>
        <p>{t('onbImportHelp')}</p>
        <p>
          <a href="orders.html" data-action="import">
            {t('onbImportLink')}
          </a>
        </p>
      </section>

      <p class="onb-next">
        <a href="dashboard.html" class="button-link" data-action="dashboard">
          {t('onbOpenDashboard')}
        </a>
      </p>
    </main>
  );
}
