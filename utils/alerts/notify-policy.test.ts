import { describe, expect, it } from 'vitest';
import type { Alert, Severity } from '../records/alert';
import { badgeFor, DAILY_NOTIFICATION_CAP, needsImmediateCapture, planNotifications } from './notify-policy';

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
