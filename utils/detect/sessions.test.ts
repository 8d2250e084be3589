// Sessions: what this browser did, and which session placed each order.
import { describe, expect, it } from 'vitest';
import { facts, login } from './testkit';
import { buildSessions, placeOrder } from './sessions';

const HOME = { ip: '153.203.44.10', os: 'Windows', browser: 'Chrome 134' };
const t = (hm: string, day = '2025-03-12') => `${day}T${hm}:00+09:00`;
const ms = (iso: string) => Date.parse(iso);
/** Page views every five minutes from `from` to `to`. */
const browsing = (from: string, to: string) => {
  const out: number[] = [];
  for (let x = ms(from); x <= ms(to); x += 5 * 60_000) out.push(x);
  return out;
};

describe('buildSessions', () => {
  it("a visit right after a login makes it this browser's", () => {
    const own = facts(login(t('21:00'), HOME));
    const m = buildSessions([own], [ms(t('21:01'))]);
    expect(m.thisBrowser.has(own.event.id)).toBe(true);
    expect(m.byLogin.get(own.event.id)).toMatchObject({ thisBrowser: 'yes' });
  });

  it("the attacker inside the session: a login from another network during this browser's session is not this browser's", () => {
    const own = facts(login(t('21:00'), HOME));
    const other = facts(login(t('21:14'), { ...HOME, ip: '160.251.14.20' }));
    const m = buildSessions([own, other], [ms(t('21:01')), ...browsing(t('21:05'), t('21:40'))]);
    expect([...m.thisBrowser]).toEqual([own.event.id]);
    const s = m.byLogin.get(other.event.id)!;
    expect(s.thisBrowser).toBe('no');
    expect(s.overlaps).toEqual([m.byLogin.get(own.event.id)!.id]);
  });

  it('a re-login of this browser from the same environment during its session is its own', () => {
    const own = facts(login(t('21:00'), HOME));
    const again = facts(login(t('21:20'), { ...HOME, ip: '153.203.44.99' }));
    const m = buildSessions([own, again], [ms(t('21:01')), ...browsing(t('21:05'), t('21:40'))]);
    expect(m.thisBrowser.has(again.event.id)).toBe(true);
  });

  it.each([
    ['at 21:20 with page views up to it: it cannot be told', t('21:20'), 'maybe'],
    ['at 22:10, after the session timed out: a new session of this browser', t('22:10'), 'yes'],
  ] as const)('no address on the page, the same channel: %s', (_n, at, want) => {
    const own = facts(login(t('21:00'), { broker: 'rakuten', channel: 'PC' }));
    const second = facts(login(at, { broker: 'rakuten', channel: 'PC' }));
    const views = [ms(t('21:01')), ...browsing(t('21:05'), t('21:25')), ms(at) + 60_000];
    expect(buildSessions([own, second], views).byLogin.get(second.event.id)?.thisBrowser).toBe(want);
  });

  it('an aggregator is never this browser, and has no session', () => {
    const agg = facts(login(t('21:00'), { broker: 'rakuten', channel: '他社サービスからログイン' }));
    const m = buildSessions([agg], [ms(t('21:01'))]);
    expect(m.thisBrowser.size).toBe(0);
    expect(m.byLogin.has(agg.event.id)).toBe(false);
  });
});

describe('placeOrder', () => {
  const own = facts(login(t('21:00', '2024-12-27'), HOME));
  const phone = facts(login(t('08:45', '2024-12-30'), { ip: '1.72.10.5', os: 'iOS', browser: 'Safari' }));
  const m = buildSessions([own, phone], [ms(t('21:01', '2024-12-27')), ms(t('21:10', '2024-12-27'))]);
  it.each([
    [
      'ordered on Friday evening from this browser, executed Monday at the open',
      { at: '2024-12-30T09:00:00+09:00', orderedAt: '2024-12-27T21:10:00+09:00', status: 'executed' },
      true,
    ],
    [
      'only the execution at the open: this browser or the phone, the page cannot tell',
      { at: '2024-12-30T09:00:00+09:00', status: 'executed' },
      undefined,
    ],
    [
      'a date alone, with both sessions since the close',
      { at: '2024-12-30T00:00:00+09:00', dateOnly: true, status: 'executed' },
      undefined,
    ],
    [
      'filled at 08:50 in the phone session',
      { at: '2024-12-30T08:50:00+09:00', orderedAt: '2024-12-30T08:48:00+09:00', status: 'executed' },
      false,
    ],
  ] as const)('%s', (_n, order, want) => {
    expect(placeOrder(order, 'JP', m).thisBrowser).toBe(want);
  });
});
