import { describe, expect, it } from 'vitest';
import { handleContentMessage } from '../capture/background';
import { CHECK_TIMING } from '../capture/check-timing';
import { KabuGuardDB } from './db';
import { checkTimingFor, enabledBrokers, loadSettings, saveSettings, type Settings } from './settings';

const newDb = () => new KabuGuardDB(`test-${Math.random()}`);
const URL_ = 'https://site2.sbisec.co.jp/ETGate/';

describe('settings', () => {
  it.each<[Settings, string[], number]>([
    [{}, ['rakuten', 'sbi'], CHECK_TIMING.minIntervalMs],
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
});
