import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { OverviewSection } from './OverviewSection';
import { SECTIONS, type SectionId, type SectionProps } from './types';

const TITLES: Record<SectionId, string> = {
  overview: 'dashNavOverview',
  timeline: 'dashNavTimeline',
  alerts: 'dashNavAlerts',
  environments: 'dashNavEnvironments',
  snapshots: 'dashNavSnapshots',
  settings: 'dashNavSettings',
};
type View = ComponentType<SectionProps>;
/**
 * The overview comes with the page; every other section loads when first
 * opened, with what it needs (detection, the page reader, zod): loading
 * script is most of the first render's time (issue 6, bench/dashboard.ts).
 */
const LATER: Record<Exclude<SectionId, 'overview'>, () => Promise<View>> = {
  timeline: () => import('./TimelineSection').then((m) => m.TimelineSection),
  alerts: () => import('./AlertsSection').then((m) => m.AlertsSection),
  environments: () => import('./EnvironmentsSection').then((m) => m.EnvironmentsSection),
  snapshots: () => import('./SnapshotsSection').then((m) => m.SnapshotsSection),
  settings: () => import('./SettingsSection').then((m) => m.SettingsSection),
};

const fromHash = (): SectionId => {
  const h = location.hash.slice(1) as SectionId;
  return SECTIONS.includes(h) ? h : 'overview';
};

/** One page, one section at a time (so the first render loads only the overview); links keep it keyboard- and back-button-friendly. */
export function DashboardApp(props: Omit<SectionProps, 'go'>) {
  const [section, setSection] = useState<SectionId>(fromHash());
  const [views, setViews] = useState<Partial<Record<SectionId, View>>>({ overview: OverviewSection });
  useEffect(() => {
    if (section === 'overview' || views[section]) return;
    void LATER[section]().then((v) => setViews((m) => ({ ...m, [section]: v })));
  }, [section]);
  useEffect(() => {
    const onHash = () => setSection(fromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = `${t(TITLES[section])} – ${t('dashTitle')}`;
  }, [section]);
  const go = (s: SectionId) => {
    location.hash = s;
    setSection(s);
  };
  const View = views[section];
  return (
    <div class="dashboard">
      <header class="dash-header">
        <h1>{t('dashTitle')}</h1>
        <p class="privacy">{t('popupPrivacy')}</p>
      </header>
      <nav class="dash-nav" aria-label={t('dashNav')}>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a
                href={`#${s}`}
                data-section={s}
                aria-current={s === section ? 'page' : undefined}
                onClick={(e) => (e.preventDefault(), go(s))}
              >
                {t(TITLES[s])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" data-section={section}>
        {View ? <View key={section} {...props} go={go} /> : <p>{t('popupLoading')}</p>}
      </main>
    </div>
  );
}
