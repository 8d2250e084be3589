// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../utils/dom/parse-html';
import { buildCaseStore } from '../../utils/evidence/fixture-store';
import { KabuGuardDB } from '../../utils/store/db';
import { AlertsPage } from './AlertsPage';
import { until } from '../../tests/support/until';

async function page() {
  const db = new KabuGuardDB(`alerts-page-${Math.random()}`);
  await buildCaseStore(db, parseHtml);
  const root = document.createElement('div');
  document.body.append(root);
  render(h(AlertsPage, { db }), root);
  return { db, root, close: () => (render(null, root), root.remove()) };
}

describe('AlertsPage', () => {
  it('shows each incident as one card, urgent ones before the one-time review, with one what-to-do list', async () => {
    const { db, root, close } = await page();
    // the invented case leaves environments of the first capture unreviewed: the review shows
    expect((await db.environments.where('status').equals('baseline').toArray()).length).toBeGreaterThan(0);
    await until(() => root.querySelector('#review') && root.querySelector('article[data-incident-id]'));
    const order = Array.from(root.querySelector('main')!.children).map((el) =>
      el.matches('#review')
        ? 'review'
        : el.matches('article.incident')
          ? `incident-${el.getAttribute('data-severity')}`
          : el.tagName,
    );
    const review = order.indexOf('review');
    expect(order[0]).toBe('H1');
    expect(order.slice(1, review)).toEqual(['incident-high']);
    expect(order.slice(review + 1)).not.toContain('incident-high');
    // one card for the incident: every alert of it inside, no alert card of its own
    const card = root.querySelector<HTMLElement>('article.incident')!;
    const inCard = card.getAttribute('data-alert-ids')!.split(' ');
    const incidentAlerts = (await db.alerts.toArray()).filter((a) => a.incidentId === card.dataset.incidentId);
    expect(inCard.sort()).toEqual(incidentAlerts.map((a) => a.id).sort());
    expect(root.querySelectorAll('article[data-alert-id]').length).toBe(0);
    // the story, the table, one answer, one list of steps on the page
    expect(card.querySelector('[data-field="story"]')!.textContent).toMatch(/ログインされ/);
    expect(card.querySelectorAll('tbody tr').length).toBeGreaterThan(1);
    // the invented case's user already said 「自分ではありません」 on its alerts: one answer for the card
    expect(card.dataset.answerState).toBe('not-mine');
    expect(card.querySelector('[data-field="incident-answer"]')!.textContent).toMatch(
      /^「自分ではありません」と回答しました/,
    );
    expect(root.querySelectorAll('.todo-card').length).toBe(1);
    expect(root.querySelectorAll('[data-step="police"]').length).toBe(1);
    // the steps come after the answer, as its answered text says (「下の手順で」)
    const answer = card.querySelector('[data-field="incident-answer"]')!;
    expect(answer.compareDocumentPosition(card.querySelector('.todo-card')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    // every row's own answer is a labelled button
    for (const b of card.querySelectorAll('tbody button')) expect(b.getAttribute('aria-label')).toMatch(/自分/);
    close();
  });

  it("one row told otherwise: 「これは自分です」 marks it as the user's and keeps it in the table", async () => {
    const { db, root, close } = await page();
    await until(() => root.querySelector('article.incident tbody tr[data-kind="order"] button'));
    const row = root.querySelector<HTMLElement>('article.incident tbody tr[data-kind="order"]')!;
    const when = row.querySelector('td')!.textContent;
    row.querySelector('button')!.click();
    const marked = await until(() =>
      Array.from(root.querySelectorAll<HTMLElement>('article.incident tbody tr[data-standing="mine"]')).find(
        (tr) => tr.querySelector('td')!.textContent === when,
      ),
    );
    expect(marked.querySelector('[data-field="standing"]')!.textContent).toBe('自分');
    expect(marked.querySelector('button')!.textContent).toBe('自分ではない');
    const answers = await db.answers.toArray();
    expect(answers.filter((a) => a.verdict === 'mine' && a.scope === 'events')).toHaveLength(1);
    close();
  });
});
