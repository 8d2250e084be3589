// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../utils/dom/parse-html';
import { buildCaseStore } from '../../utils/evidence/fixture-store';
import { KabuGuardDB } from '../../utils/store/db';
import { AlertsPage } from './AlertsPage';

const until = async <T>(f: () => T | null | undefined | false): Promise<T> => {
  for (let i = 0; i < 400; i++) {
    const v = f();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out');
};

describe('AlertsPage', () => {
  it('puts what to do and the urgent cards before the one-time review, with one what-to-do list per broker', async () => {
    const db = new KabuGuardDB(`alerts-page-${Math.random()}`);
    await buildCaseStore(db, parseHtml);
    // the invented case leaves environments of the first capture unreviewed: the review shows
    expect((await db.environments.where('status').equals('baseline').toArray()).length).toBeGreaterThan(0);
    const root = document.createElement('div');
    document.body.append(root);
    render(h(AlertsPage, { db }), root);
    await until(() => root.querySelector('#review') && root.querySelector('article[data-alert-id]'));
    const order = Array.from(root.querySelector('main')!.children).map((el) =>
      el.matches('.todo-card')
        ? 'todo'
        : el.matches('#review')
          ? 'review'
          : el.matches('article')
            ? el.getAttribute('data-severity')
            : el.tagName,
    );
    const review = order.indexOf('review');
    expect(order.slice(0, 2)).toEqual(['H1', 'todo']);
    expect(order.slice(2, review).every((x) => x === 'high')).toBe(true);
    expect(order.slice(2, review).length).toBeGreaterThan(0);
    expect(order.slice(review + 1)).not.toContain('high');
    // one list of steps on the page, not one per card
    expect(root.querySelectorAll('.todo-card')).toHaveLength(1);
    expect(root.querySelectorAll('[data-step="police"]')).toHaveLength(1);
    render(null, root);
    root.remove();
  });
});
