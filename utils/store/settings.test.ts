import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { BROKER_IDS } from '../brokers/registry';
import { handleContentMessage } from '../capture/background';
import { CHECK_TIMING } from '../capture/check-timing';
import { KabuGuardDB } from './db';
import {
  checkTimingFor,
  enabledBrokers,
  loadSettings,
  saveSettings,
  SettingsSchema,
  settingsFrom,
  type Settings,
} from './settings';

const newDb = () => new KabuGuardDB(`test-${Math.random()}`);
const URL_ = 'https://site2.sbisec.co.jp/ETGate/';

describe('settings', () => {
  it.each<[Settings, string[], number]>([
    // no choice made yet: every declared broker
    [{}, [...BROKER_IDS], CHECK_TIMING.minIntervalMs],
    [{ enabledBrokers: ['rakuten'], checkIntervalMinutes: 30 }, ['rakuten'], 30 * 60_000],
  ])('%j → brokers %j, interval %d ms', (s, brokers, interval) => {
    expect(enabledBrokers(s)).toEqual(brokers);
    expect(checkTimingFor(s).minIntervalMs).toBe(interval);
  });

  it('stores a patch and ignores a stored value of the wrong shape', async () => {
    const db = newDb();
    await saveSettings(db, { notifyLevel: 'high' });
    await saveSettings(db, { checkIntervalMinutes: 15 });
    expect(await loadSettings(db)).toEqual({ notifyLevel: 'high', checkIntervalMinutes: 15 });
    await db.kv.put({ key: 'settings', value: { notifyLevel: 'loud' } });
    expect(await loadSettings(db)).toEqual({});
  });

  it('the background ignores pages of a broker the user turned off', async () => {
    const db = newDb();
    await saveSettings(db, { enabledBrokers: ['rakuten'] });
    await handleContentMessage(db, { type: 'kg/visit', broker: 'sbi' } as never, URL_);
    expect(await db.visits.count()).toBe(0);
    await saveSettings(db, { enabledBrokers: ['rakuten', 'sbi'] });
    await handleContentMessage(db, { type: 'kg/visit', broker: 'sbi' } as never, URL_);
    expect(await db.visits.count()).toBe(1);
  });

  // the popup reads without zod (settings-read.ts): same answers as the schema, stored value by stored value
  it.each<[string, unknown]>([
    ['nothing stored', {}],
    [
      'every field',
      {
        enabledBrokers: ['sbi'],
        checkIntervalMinutes: 15,
        notifyLevel: 'high',
        staleDays: 3,
        onboardedAt: '2025-03-29T02:41:00+09:00',
      },
    ],
    ['an unknown field is dropped', { notifyLevel: 'medium', theme: 'dark' }],
    ['an explicit undefined', { staleDays: undefined, notifyLevel: 'high' }],
    ['a broker nobody knows', { enabledBrokers: ['rakuten', 'exampleco'] }],
    ['no broker at all', { enabledBrokers: [] }],
    ['brokers not a list', { enabledBrokers: 'sbi' }],
    ['a fractional interval', { checkIntervalMinutes: 2.5 }],
    ['a zero interval', { checkIntervalMinutes: 0 }],
    ['a negative stale days', { staleDays: -1 }],
    ['an interval as text', { checkIntervalMinutes: '15' }],
    ['NaN', { staleDays: Number.NaN }],
    ['Infinity', { staleDays: Number.POSITIVE_INFINITY }],
    ['beyond safe integers', { staleDays: 2 ** 60 }],
    ['a notify level nobody knows', { notifyLevel: 'loud' }],
    ['onboardedAt as a number', { onboardedAt: 1 }],
    ['null', null],
    ['a list', [1, 2]],
    ['a string', 'settings'],
    ['a number', 7],
  ])('reads %s as the schema does', (_, raw) => {
    const parsed = SettingsSchema.safeParse(raw);
    expect(settingsFrom(raw)).toStrictEqual(parsed.success ? parsed.data : {});
  });

  it('the read side and the schema describe the same settings', () => {
    expectTypeOf<Settings>().toEqualTypeOf<z.infer<typeof SettingsSchema>>();
  });
});
