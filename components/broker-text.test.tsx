// @vitest-environment happy-dom
// Every render path of broker text shows U+202E, the isolates, NUL and other
// controls escaped (issue 11 defect 14): the report, the extension's pages
// (alerts page and dashboard through AlertCard, the popup through
// BrokerStatusCard, tooltips), notifications and the teach panel.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AlertCard } from './AlertCard';
import { BrokerStatusCard } from './BrokerStatusCard';
import { notificationText } from '../utils/alerts/after-capture';
import { parseHtml } from '../utils/dom/parse-html';
import { collectEvidence, isFlagged } from '../utils/evidence/collect';
import { buildCaseStore } from '../utils/evidence/fixture-store';
import { renderReport } from '../utils/evidence/report';
import type { Alert } from '../utils/records/alert';
import { KabuGuardDB } from '../utils/store/db';
import { candidates, initialState } from '../utils/teach/model';
import { renderPanel } from '../utils/teach/panel';
import { installVisibleText } from '../utils/text/preact-visible';
import { CONTROL_CHARS } from '../utils/text/visible';

/** What a broker page could carry: a right-to-left override, an isolate, NUL, ESC, a C1 control. */
const BIDI = 'PC\u202egnp.exe\u2066x\u2069\u0000\u001b[2J\u0085';
const SHOWN = 'PC[U+202E]gnp.exe[U+2066]x[U+2069][U+0000][U+001B][2J[U+0085]';
const raw = new RegExp(CONTROL_CHARS.source);

const alert = (): Alert => ({
  v: 1,
  id: 'alert_1',
  broker: 'sbi',
  kind: 'login',
  severity: 'high',
  status: 'open',
  anchorEventId: 'login_1',
  eventIds: ['login_1'],
  eventTimes: ['2025-04-10T03:12:00+09:00'],
  title: { code: 'detTitleNewCountry', params: { country: { code: '@country', params: { cc: 'CN' } } } },
  reasons: [
    {
      rule: 'new-country',
      severity: 'high',
      explanation: {
        seen: {
          code: 'detSeenLogin',
          params: {
            time: { code: '@time', params: { iso: '2025-04-10T03:12:00+09:00' } },
            device: BIDI,
            network: BIDI,
          },
        },
        compared: { code: 'detComparedNoHistory' },
        harmless: [],
        todo: [],
      },
    },
  ],
  incidentId: 'inc_1',
  createdAt: '2025-04-10T03:20:00+09:00',
  updatedAt: '2025-04-10T03:20:00+09:00',
});

describe('broker text with controls, on every render path', () => {
  beforeAll(() => installVisibleText());

  it('the report (ja and en)', async () => {
    const db = new KabuGuardDB(`bidi-${Math.random()}`);
    await buildCaseStore(db, parseHtml);
    const data = await collectEvidence(db);
    // a login the report lists: one in the case (the report shows case rows and a few around them)
    const shown = data.logins.findIndex((l) => isFlagged(data.flags, l.id));
    expect(shown).toBeGreaterThanOrEqual(0);
    data.logins[shown] = { ...data.logins[shown]!, device: BIDI, location: BIDI };
    for (const lang of ['ja', 'en'] as const) {
      const page = renderReport({
        data,
        lang,
        masked: false,
        snapshotsWithheld: false,
        logCheck: { ok: true, count: 0 },
        storeCheck: { checked: 0, mismatched: [], missing: [] },
        files: [],
      });
      expect(page).toContain(SHOWN);
      expect(page).not.toMatch(raw);
    }
    db.close();
  });

  it('notifications', () => {
    for (const lang of ['ja', 'en'] as const) {
      const { title, message } = notificationText(alert(), lang);
      expect(message).toContain(SHOWN);
      expect(`${title}${message}`).not.toMatch(raw);
    }
  });

  it('the alerts page and the dashboard (AlertCard)', () => {
    const root = document.createElement('div');
    render(<AlertCard alert={alert()} lang="ja" onAnswer={vi.fn()} />, root);
    expect(root.querySelector('[data-field="seen"]')?.textContent).toContain(SHOWN);
    expect(root.textContent).not.toMatch(raw);
  });

  it('the popup (BrokerStatusCard) and tooltips', () => {
    const root = document.createElement('div');
    render(
      <div>
        <span title={BIDI}>x</span>
        <BrokerStatusCard
          label="楽天証券"
          summary={{
            broker: 'rakuten',
            logins: 1,
            orders: 0,
            foreignOrders: 0,
            lastOrderCaptureAt: undefined,
            snapshots: 1,
            lastLoginAt: '2025-03-29T02:41:00+09:00',
            health: {
              v: 1,
              broker: 'rakuten',
              state: 'unreadable',
              pageKind: 'login-history',
              at: '2025-03-29T03:00:00+09:00',
              lastCaptureAt: '2025-03-28T18:00:00Z',
              message: BIDI,
            },
          }}
        />
      </div>,
      root,
    );
    expect(root.querySelector('[data-field="message"]')?.textContent).toBe(SHOWN);
    expect(root.querySelector('span')?.getAttribute('title')).toBe(SHOWN);
    expect(root.innerHTML).not.toMatch(raw);
  });

  it('the teach panel, in the broker page', () => {
    document.body.innerHTML = `<table><tr><th>日時</th><th>端末</th></tr><tr><td>2026/05/01 20:15:03</td><td>${BIDI.replace('\u0000', '')}</td></tr><tr><td>2026/04/29 08:01:59</td><td>PC</td></tr></table>`;
    const root = document.createElement('div');
    document.body.append(root);
    const c = candidates(document)[0]!;
    renderPanel({
      doc: document,
      root,
      candidate: c,
      state: initialState('rakuten', '/app/info_connect_log.do', c, '接続の記録'),
      url: 'https://member.rakuten-sec.co.jp/app/info_connect_log.do',
      onSave: vi.fn(async () => ({ ok: true })),
      onRepick: vi.fn(),
      onCancel: vi.fn(),
    });
    expect(root.textContent).toContain('PC[U+202E]gnp.exe');
    expect(root.textContent).not.toMatch(raw);
  });

  it('every extension page installs the hook before its first render', () => {
    const dir = join(__dirname, '..', 'entrypoints');
    const mains = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)main\.tsx$/.test(f));
    expect(mains.length).toBeGreaterThanOrEqual(6);
    for (const f of mains) {
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src.indexOf('installVisibleText();'), f).toBeGreaterThan(0);
      expect(src.indexOf('installVisibleText();'), f).toBeLessThan(src.indexOf('render('));
    }
  });
});
