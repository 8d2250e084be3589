// The case, from records, visits, alerts and answers (pure).
import { describe, expect, it } from 'vitest';
import { loginFacts } from '../detect/facts';
import { login, order } from '../detect/testkit';
import type { Answer, Visit } from '../records';
import type { Alert } from '../records/alert';
import { buildCase, type CaseInput } from './case';

const HOME = { ip: '153.203.44.10', os: 'Windows', browser: 'Chrome 134' };
const VPS = { ip: '160.251.14.20', os: 'Windows', browser: 'Chrome 134' };
const t = (hm: string, day = '2025-03-12') => `${day}T${hm}:00+09:00`;
const visit = (at: string): Visit => ({ v: 1, id: `sbi:${at}`, broker: 'sbi', at, url: 'https://site2.sbisec.co.jp/' });
const alert = (ids: string[], times: string[], severity: Alert['severity'], status: Alert['status'] = 'open'): Alert =>
  ({
    v: 1,
    id: `alert_${ids[0]}`,
    broker: 'sbi',
    kind: 'login',
    severity,
    status,
    anchorEventId: ids[0]!,
    eventIds: ids,
    eventTimes: times,
    title: { code: 'x' },
    reasons: [],
    incidentId: 'inc',
    createdAt: times[0]!,
    updatedAt: times[0]!,
  }) as Alert;
const envAnswer = (envId: string, verdict: Answer['verdict']): Answer => ({
  v: 1,
  id: `answer_${envId}_${verdict}`,
  broker: 'sbi',
  at: t('23:00'),
  verdict,
  scope: 'environment',
  environmentId: envId,
  source: 'environments',
});

// the user on the site from 21:00; a VPS logs in at 21:14 and places orders; another VPS login next day
const own = login(t('21:00'), HOME);
const vps = login(t('21:14'), VPS);
const vps2 = login(t('03:10', '2025-03-14'), { ...VPS, ip: '160.251.14.99' });
const ownOrder = order('2025-03-13T09:14:00+09:00', { broker: 'sbi', orderedAt: t('21:08'), symbol: '9433' });
const vpsOrder = order('2025-03-13T09:00:00+09:00', {
  broker: 'sbi',
  orderedAt: t('21:17'),
  side: 'sell',
  symbol: '6501',
});
const nightOrder = order('2025-03-14T09:00:00+09:00', {
  broker: 'sbi',
  orderedAt: '2025-03-14T03:15:00+09:00',
  side: 'sell',
  symbol: '8035',
});
const base = (): CaseInput => ({
  logins: [own, vps, vps2].map((e) => ({ ...e, broker: 'sbi' as const })),
  orders: [ownOrder, vpsOrder, nightOrder],
  accountEvents: [],
  visits: [t('21:01'), t('21:06'), t('21:11'), t('21:16'), t('21:21'), t('21:26')].map(visit),
  alerts: [],
  answers: [],
  environments: [],
  installedAt: '2025-03-01T00:00:00+09:00',
});
const vpsEnv = loginFacts(vps, undefined).envId;

describe('buildCase', () => {
  it("nothing flagged, nothing answered: an empty case; this browser's login and order are its own", () => {
    const c = buildCase(base());
    expect(c.notMine).toEqual([]);
    expect(c.suspect).toEqual([]);
    expect(c.thisBrowser).toContain(own.id);
    expect(c.thisBrowser).toContain(ownOrder.id);
  });

  it('an unanswered alert of medium or more makes suspects of its login and the orders placed in its session', () => {
    const c = buildCase({ ...base(), alerts: [alert([vps.id], [vps.at], 'high')] });
    expect(c.suspect.map((e) => e.id)).toEqual([vps.id, vpsOrder.id]);
    // placed while this browser and the VPS were both logged in: the page cannot tell which
    expect(c.suspect.find((e) => e.id === vpsOrder.id)).toMatchObject({ reason: 'session', ambiguous: true });
    expect(c.notMine).toEqual([]);
  });

  it('a low alert is not a suspect', () => {
    expect(buildCase({ ...base(), alerts: [alert([vps.id], [vps.at], 'low')] }).suspect).toEqual([]);
  });

  it('"not mine" about the environment: every login of it, and the orders only its sessions placed', () => {
    const c = buildCase({ ...base(), answers: [envAnswer(vpsEnv, 'not-mine')] });
    expect(c.notMine.map((e) => [e.id, e.reason])).toEqual([
      [vps.id, 'environment'],
      [vps2.id, 'environment'],
      [nightOrder.id, 'session'],
    ]);
    // the 21:17 order: this browser's session was live too, so it stays for the user to answer
    expect(c.suspect.map((e) => e.id)).toEqual([vpsOrder.id]);
    expect(c.environments.notMine).toEqual([vpsEnv]);
    expect(c.notMine.some((e) => e.id === own.id || e.id === ownOrder.id)).toBe(false);
  });

  it('an alert answered "mine" takes its events out of the case, and lists them as the user\'s', () => {
    const c = buildCase({ ...base(), alerts: [alert([vps.id], [vps.at], 'high', 'mine')] });
    expect(c.suspect).toEqual([]);
    expect(c.mine.map((e) => e.id)).toEqual([vps.id]);
  });

  it('an answer about an event is found again by its time when its id changed (a parser update)', () => {
    const answer: Answer = {
      v: 1,
      id: 'answer_1',
      broker: 'sbi',
      at: t('23:00'),
      verdict: 'not-mine',
      scope: 'events',
      eventIds: ['login_sbi_old_id'],
      eventTimes: [vps2.at],
      source: 'alert',
    };
    expect(buildCase({ ...base(), answers: [answer] }).notMine.map((e) => e.id)).toEqual([vps2.id, nightOrder.id]);
  });
});
