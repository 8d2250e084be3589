import { describe, expect, it } from 'vitest';
import type { Alert, Severity } from '../records/alert';
import {
  badgeFor,
  DAILY_NOTIFICATION_CAP,
  needsImmediateCapture,
  planIncidentNotifications,
  planNotifications,
} from './notify-policy';

const alert = (id: string, severity: Severity, status: Alert['status'] = 'open') => ({ id, severity, status }) as Alert;

describe('planNotifications', () => {
  it.each([
    ['info and low never notify', [alert('a', 'info'), alert('b', 'low')], 0, []],
    ['medium notifies', [alert('a', 'medium')], 0, ['a']],
    ['medium stops at the daily cap', [alert('a', 'medium')], DAILY_NOTIFICATION_CAP, []],
    ['high always notifies, first', [alert('m', 'medium'), alert('h', 'high')], DAILY_NOTIFICATION_CAP, ['h']],
    ['answered alerts do not notify', [alert('a', 'high', 'mine')], 0, []],
  ] as const)('%s', (_name, alerts, sent, ids) => {
    expect(planNotifications([...alerts], sent).map((p) => p.alert.id)).toEqual(ids);
  });

  it.each([
    ['medium', ['h', 'm']],
    ['high', ['h']],
  ] as const)('notification level %s', (level, ids) => {
    expect(planNotifications([alert('m', 'medium'), alert('h', 'high')], 0, level).map((p) => p.alert.id)).toEqual(ids);
  });

  it('makes high notifications stay', () => {
    expect(planNotifications([alert('h', 'high'), alert('m', 'medium')], 0).map((p) => p.requireInteraction)).toEqual([
      true,
      false,
    ]);
  });
});

describe('badgeFor', () => {
  it.each([
    [[], ''],
    [[alert('a', 'info')], ''],
    [[alert('a', 'low'), alert('b', 'medium')], '2'],
    [[alert('a', 'high'), alert('b', 'low', 'mine')], '1'],
  ] as const)('%j -> %s', (alerts, text) => expect(badgeFor([...alerts]).text).toBe(text));

  it('is red with an open high alert', () => {
    expect(badgeFor([alert('a', 'high')]).color).toBe('#b3261e');
    expect(badgeFor([alert('a', 'low')]).color).not.toBe('#b3261e');
  });
});

describe('needsImmediateCapture', () => {
  it('only for a high alert the user has not called theirs', () => {
    expect(needsImmediateCapture([alert('a', 'medium')])).toBe(false);
    expect(needsImmediateCapture([alert('a', 'high', 'mine')])).toBe(false);
    expect(needsImmediateCapture([alert('a', 'high', 'not-mine')])).toBe(true);
  });
});

describe('planIncidentNotifications', () => {
  const inIncident = (id: string, severity: Severity, incidentId: string, status: Alert['status'] = 'open') =>
    ({ id, severity, status, incidentId }) as Alert;

  it.each([
    // the staged attack of issue 10: five alerts of one incident were five notifications
    [
      'one incident, five alerts: one notification carrying all five, most severe first',
      [
        inIncident('login-cn', 'high', 'i1'),
        inIncident('login-hk', 'high', 'i1'),
        inIncident('orders', 'high', 'i1'),
        inIncident('mail', 'medium', 'i1'),
        inIncident('login-mail', 'medium', 'i1'),
      ],
      0,
      [['i1', ['login-cn', 'login-hk', 'orders', 'mail', 'login-mail'], true]],
    ],
    [
      'two incidents: two notifications',
      [inIncident('a', 'medium', 'i1'), inIncident('b', 'high', 'i2')],
      0,
      [
        ['i2', ['b'], true],
        ['i1', ['a'], false],
      ],
    ],
    [
      'an incident of medium alerts waits for the daily cap; one with a high alert does not',
      [inIncident('a', 'medium', 'i1'), inIncident('b', 'medium', 'i2'), inIncident('c', 'high', 'i2')],
      DAILY_NOTIFICATION_CAP,
      [['i2', ['c', 'b'], true]],
    ],
    ['answered alerts are not notified', [inIncident('a', 'high', 'i1', 'not-mine')], 0, []],
  ] as const)('%s', (_name, alerts, sent, expected) => {
    expect(
      planIncidentNotifications([...alerts], sent).map((p) => [
        p.incidentId,
        p.alerts.map((a) => a.id),
        p.requireInteraction,
      ]),
    ).toEqual(expected);
  });
});
