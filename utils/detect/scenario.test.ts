// The shuffled replay the evaluation uses: every capture delivered twice, in
// another order within its day, never before it was taken, never after the
// user's next answer or the day's end.
import { describe, expect, it } from 'vitest';
import { deliveryOrder, type Scenario } from './scenario';

const steps = [
  { type: 'visit', at: '2025-03-12T08:00:00+09:00' },
  { type: 'logins', at: '2025-03-12T08:01:00+09:00', rows: [] },
  { type: 'orders', at: '2025-03-12T08:02:00+09:00', rows: [] },
  { type: 'visit', at: '2025-03-12T21:00:00+09:00' },
  { type: 'logins', at: '2025-03-12T21:01:00+09:00', rows: [] },
  { type: 'feedback', at: '2025-03-12T21:10:00+09:00', event: '2025-03-12T03:00:00+09:00', verdict: 'not-mine' },
  { type: 'account-changes', at: '2025-03-12T21:20:00+09:00', rows: [] },
  { type: 'logins', at: '2025-03-13T08:01:00+09:00', rows: [] },
] as Scenario['steps'];
const capture = (i: number) => steps[i]!.type !== 'visit' && steps[i]!.type !== 'feedback';

describe('deliveryOrder', () => {
  it('without a seed: the steps as written', () => {
    expect(deliveryOrder(steps, undefined).map((x) => x.index)).toEqual(steps.map((_, i) => i));
  });

  it.each([1, 7, 42, 2026])(
    'seed %i: each capture twice, never early, before the next answer and the next day',
    (seed) => {
      const order = deliveryOrder(steps, seed).map((x) => x.index);
      for (let i = 0; i < steps.length; i++) expect(order.filter((x) => x === i)).toHaveLength(capture(i) ? 2 : 1);
      order.forEach((i, k) => {
        if (!capture(i)) return;
        // delivered after the step itself was reached: every non-capture step before it in the file came first
        const firstOwn = order.indexOf(i);
        for (let j = 0; j < i; j++) if (!capture(j)) expect(order.indexOf(j)).toBeLessThan(firstOwn);
        // and before the next answer or the next day's first step
        const next = steps.findIndex(
          (s, j) => j > i && (s.type === 'feedback' || s.at.slice(0, 10) !== steps[i]!.at.slice(0, 10)),
        );
        if (next >= 0) expect(k).toBeLessThan(order.indexOf(next));
      });
    },
  );

  it('some seed reorders the captures of a day', () => {
    const orders = Array.from({ length: 40 }, (_, i) => i + 1).map((seed) =>
      deliveryOrder(steps, seed).map((x) => x.index),
    );
    expect(new Set(orders.map((o) => o.join(','))).size).toBeGreaterThan(1);
    expect(orders.some((o) => o.indexOf(2) < o.indexOf(1))).toBe(true);
  });
});
