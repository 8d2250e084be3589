import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { AlertsSection } from './AlertsSection';
import { EnvironmentsSection } from './EnvironmentsSection';
import { OverviewSection } from './OverviewSection';
import { SettingsSection } from './SettingsSection';
import { SnapshotsSection } from './SnapshotsSection';
import { TimelineSection } from './TimelineSection';
import { SECTIONS, type SectionId, type SectionProps } from './types';

const TITLES: Record<SectionId, string> = {
  overview: 'dashNavOverview',
  timeline: 'dashNavTimeline',
  alerts: 'dashNavAlerts',
  environments: 'dashNavEnvironments',
  snapshots: 'dashNavSnapshots',
  settings: 'dashNavSettings',
};
const VIEWS = {
  overview: OverviewSection,
  timeline: TimelineSection,
  alerts: AlertsSection,
  environments: EnvironmentsSection,
  snapshots: SnapshotsSection,
  settings: SettingsSection,
} as const;

const fromHash = (): SectionId => {
  const h = location.hash.slice(1) as SectionId;
  return SECTIONS.includes(h) ? h : 'overview';
};

/** One page, one section at a time (so the first render loads only the overview); links keep it keyboard- and back-button-friendly. */
export function DashboardApp(props: Omit<SectionProps, 'go'>) {
  const [section, setSection] = useState<SectionId>(fromHash());
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
  const View = VIEWS[section];
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
              <a href={`#${s}`} data-section={s} aria-current={s === section ? 'page' : undefined} onClick={(e) => (e.preventDefault(), go(s))}>{t(TITLES[s])}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" data-section={section}>
        <View key={section} {...props} go={go} />
      </main>
    </div>
  );
}
