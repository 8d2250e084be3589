// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { ingestCapture } from '../../utils/capture/ingest';
import type { HostAccessApi } from '../../utils/capture/host-access';
import { envsOf, facts, login } from '../../utils/detect/testkit';
import { parseHtml } from '../../utils/dom/parse-html';
import type { Alert } from '../../utils/records/alert';
import { KabuGuardDB } from '../../utils/store/db';
import { AlertsSection } from './AlertsSection';
import { DashboardApp } from './DashboardApp';
import { EnvironmentsSection } from './EnvironmentsSection';
import { SettingsSection } from './SettingsSection';
import { SnapshotsSection } from './SnapshotsSection';
import { storeSnapshot } from '../../utils/capture/ingest';
import type { SectionProps } from './types';
import { putLogins } from '../../utils/store/logins';
import { until } from '../../tests/support/until';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

function props(db = new KabuGuardDB(`test-${Math.random()}`)): SectionProps {
  const api: HostAccessApi = {
    permissions: { contains: async () => true, request: async () => true, remove: async () => true },
    runtime: { getManifest: () => ({}) },
  };
  return {
    db,
    lang: 'ja',
    background: {
      refreshBadge: vi.fn(async () => undefined),
      syncScripts: vi.fn(async () => undefined),
      finishPending: vi.fn(async () => undefined),
      hostAccess: api,
    },
    go: vi.fn(),
  };
}

const mount = (node: preact.VNode) => {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
};

describe('DashboardApp', () => {
  it('opens on the overview with a light per broker in use and links to every section', async () => {
    location.hash = '';
    const p = props();
    const root = mount(<DashboardApp db={p.db} lang="ja" background={p.background} />);
    // nothing read yet: no card for any of the declared brokers, a line on how they appear
    await until(() => root.querySelector('[data-field="no-broker-yet"]'));
    expect(root.querySelectorAll('article[data-broker]').length).toBe(0);
    expect([...root.querySelectorAll('.dash-nav a')].map((a) => a.getAttribute('href'))).toEqual([
      '#overview',
      '#timeline',
      '#alerts',
      '#environments',
      '#snapshots',
      '#settings',
    ]);
    expect(root.querySelector('.dash-nav a[aria-current="page"]')?.textContent).toBe('概要');
    expect(root.querySelector('a[data-action="evidence"]')?.getAttribute('href')).toBe('evidence.html');
    expect(root.querySelector('a[data-action="import"]')?.getAttribute('href')).toBe('orders.html');
    (root.querySelector('.dash-nav a[data-section="settings"]') as HTMLAnchorElement).click();
    await until(() => root.querySelector('#settings-title'));
    expect(location.hash).toBe('#settings');
  });
});

describe('SnapshotsSection', () => {
  it('shows a stored page as text, or in a frame with sandbox="" and a CSP; page HTML never becomes this page\'s markup', async () => {
    const p = props();
    await ingestCapture(
      p.db,
      {
        broker: 'sbi',
        url: 'https://site2.sbisec.co.jp/ETGate/',
        how: 'visit',
        charset: 'utf-8',
        title: 'SBI証券',
        html: `<html><body><p>ようこそ</p>${HOSTILE}</body></html>`,
      },
      parseHtml,
    );
    const root = mount(<SnapshotsSection {...p} />);
    const row = await until(() => root.querySelector('table.snapshots tbody tr'));
    expect(row.querySelector('td.hash')?.getAttribute('title')).toMatch(/^[0-9a-f]{64}$/);
    (row.querySelector('[data-action="view"]') as HTMLButtonElement).click();
    const pre = await until(() => root.querySelector('[data-field="snapshot-text"]'));
    expect(pre.textContent).toContain('<img src=x');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('script')).toBeNull();
    (root.querySelector('[data-action="view-page"]') as HTMLButtonElement).click();
    const frame = await until(() => root.querySelector('iframe'));
    expect(frame.getAttribute('sandbox')).toBe('');
    expect((frame as HTMLIFrameElement).srcdoc).toMatch(
      /^<meta http-equiv="Content-Security-Policy" content="default-src 'none'/,
    );
  });
});

describe('storage (issue 11 item 13)', () => {
  it('shows how much is used, warns when nearly full, and asks the browser to keep the data', async () => {
    const persist = vi.fn(async () => true);
    let persisted = false;
    vi.stubGlobal('navigator', {
      ...navigator,
      storage: {
        estimate: async () => ({ usage: 950_000_000, quota: 1_000_000_000 }),
        persisted: async () => persisted,
        persist: async () => ((persisted = await persist()), persisted),
      },
    });
    try {
      const root = mount(<SettingsSection {...props()} />);
      const use = await until(() => root.querySelector('[data-field="storage-use"]'));
      expect(use.textContent).toBe('使用量：950 MB（ブラウザが認める上限 1.0 GB の 95%）');
      expect(root.querySelector('[data-field="storage-full"]')?.getAttribute('role')).toBe('alert');
      expect(persist).toHaveBeenCalledOnce();
      expect(root.querySelector('[data-field="storage-persisted"]')?.textContent).toMatch(/自動で消されない/);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('lists a page stored but not read yet as waiting, not as unreadable', async () => {
    const p = props();
    await storeSnapshot(p.db, {
      broker: 'sbi',
      url: 'https://site2.sbisec.co.jp/ETGate/',
      how: 'visit',
      charset: 'utf-8',
      html: '<html><body><p>x</p></body></html>',
    });
    const root = mount(<SnapshotsSection {...p} />);
    const row = await until(() => root.querySelector('table.snapshots tbody tr'));
    expect(row.getAttribute('data-status')).toBe('not-read');
    expect(row.textContent).toContain('読み取り待ち');
    expect(row.textContent).not.toContain('読み取れません');
  });
});

describe('EnvironmentsSection', () => {
  it('lets the user name an environment', async () => {
    const p = props();
    await p.db.environments.bulkPut(
      envsOf([
        facts(
          login('2025-03-01T12:00:00+09:00', {
            ip: '153.203.40.10',
            userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/132.0.0.0',
          }),
        ),
      ]),
    );
    const root = mount(<EnvironmentsSection {...p} />);
    const input = await until(() => root.querySelector<HTMLInputElement>('li.env input[name="label"]'));
    expect(root.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('名前');
    input.value = '自宅PC';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    root.querySelector('form.env__label')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await until(() => root.querySelector('.env__name')?.textContent === '自宅PC');
    expect((await p.db.environments.toArray())[0]?.label).toBe('自宅PC');
  });
});

describe('AlertsSection', () => {
  it('answers an alert with the same flow as the alerts page, and refreshes the badge', async () => {
    const p = props();
    const l = login('2025-04-10T03:12:00+09:00', { ip: '36.110.14.22' });
    await putLogins(p.db, [l]);
    const alert = {
      v: 1,
      id: 'alert_1',
      broker: 'sbi',
      kind: 'login',
      severity: 'medium',
      status: 'open',
      anchorEventId: l.id,
      eventIds: [l.id],
      eventTimes: [l.at],
      title: { code: 'detTitleNewCountry', params: { country: { code: '@country', params: { cc: 'CN' } } } },
      reasons: [
        {
          rule: 'new-country',
          severity: 'medium',
          explanation: {
            seen: { code: 'detComparedNoHistory' },
            compared: { code: 'detComparedNoHistory' },
            harmless: [],
            todo: [{ code: 'detTodoChangePassword' }],
          },
        },
      ],
      incidentId: 'inc_1',
      createdAt: l.at,
      updatedAt: l.at,
    } as Alert;
    await p.db.alerts.put(alert);
    const root = mount(<AlertsSection {...p} />);
    const mine = await until(() =>
      root.querySelector<HTMLButtonElement>('[data-alert-id="alert_1"] [data-answer="mine"]'),
    );
    mine.click();
    await until(() => root.querySelector('[data-alert-id="alert_1"] [data-field="answer"]'));
    expect((await p.db.alerts.get('alert_1'))?.status).toBe('mine');
    expect(p.background.refreshBadge).toHaveBeenCalled();
    expect((await p.db.captureLog.toArray()).map((e) => e.type)).toEqual(['feedback']);
  });
});
