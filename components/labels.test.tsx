// @vitest-environment happy-dom
// Every form control of every extension page has a label a screen reader reads
// (issue 10: the evidence page's date inputs had none): a <label> around it or
// pointing at it, aria-label or aria-labelledby. Pages are rendered with the
// invented case of the evidence tests, so their lists, review and forms are full.
import { h, render } from 'preact';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AfterPage } from '../entrypoints/after/AfterPage';
import { AlertsPage } from '../entrypoints/alerts/AlertsPage';
import { EvidencePage } from '../entrypoints/evidence/EvidencePage';
import { OrdersPage } from '../entrypoints/orders/OrdersPage';
import type { HostAccessApi } from '../utils/capture/host-access';
import { parseHtml } from '../utils/dom/parse-html';
import { buildCaseStore } from '../utils/evidence/fixture-store';
import { openDb } from '../utils/store/db';
import { DashboardApp } from './dashboard/DashboardApp';
import { Onboarding } from './Onboarding';

const settle = () => new Promise((r) => setTimeout(r, 50));

/** Form controls a screen reader could not name. */
export function unlabelled(root: ParentNode): string[] {
  return Array.from(root.querySelectorAll('input, select, textarea'))
    .filter((c) => (c as HTMLInputElement).type !== 'hidden')
    .filter((c) => {
      if (c.getAttribute('aria-label')?.trim() || c.getAttribute('aria-labelledby')) return false;
      if (c.closest('label')?.textContent?.trim()) return false;
      const id = c.getAttribute('id');
      return !(id && root.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent?.trim());
    })
    .map((c) => c.outerHTML.slice(0, 160));
}

const api: HostAccessApi = {
  permissions: { contains: async () => true, request: async () => true, remove: async () => true },
  runtime: { getManifest: () => ({}) },
};

describe('every form control has a label', () => {
  beforeAll(async () => {
    await buildCaseStore(openDb(), parseHtml);
  });

  it('finds an unlabelled control (the check can fail)', () => {
    const root = document.createElement('div');
    root.innerHTML = '<label>From <input type="date"></label> <input type="date"> <select aria-label="x"></select>';
    expect(unlabelled(root)).toEqual(['<input type="date">']);
  });

  const background = {
    refreshBadge: vi.fn(async () => undefined),
    syncScripts: vi.fn(async () => undefined),
    finishPending: vi.fn(async () => undefined),
    hostAccess: api,
  };
  const pages: Array<[string, () => preact.VNode<any>]> = [
    ['evidence', () => h(EvidencePage, {})],
    ['alerts', () => h(AlertsPage, { db: openDb() })],
    ['after', () => h(AfterPage, { db: openDb() })],
    ['orders', () => h(OrdersPage, {})],
    ['onboarding', () => h(Onboarding, { db: openDb(), api, lang: 'ja', onChanged: async () => undefined })],
    ...(['overview', 'timeline', 'alerts', 'environments', 'snapshots', 'settings'] as const).map(
      (section) =>
        [
          `dashboard #${section}`,
          () => {
            location.hash = `#${section}`;
            return h(DashboardApp, { db: openDb(), lang: 'ja', background });
          },
        ] as [string, () => preact.VNode<any>],
    ),
  ];
  it.each(pages)('%s', async (_name, page) => {
    const root = document.createElement('div');
    document.body.append(root);
    render(page(), root);
    for (let i = 0; i < 40 && !root.querySelector('input, select, textarea, button'); i++) await settle();
    await settle();
    expect(root.querySelectorAll('input, select, textarea, button').length).toBeGreaterThan(0);
    expect(unlabelled(root)).toEqual([]);
    render(null, root);
    root.remove();
  });
});
