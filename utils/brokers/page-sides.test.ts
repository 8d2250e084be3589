import { describe, expect, it } from 'vitest';
import { parseHtml } from '../dom/parse-html';
import { KabuGuardDB } from '../store/db';
import { saveSettings } from '../store/settings';
import { brokerEnabled } from '../store/settings-read';
import { brokerById } from './index';
import { decodePageSpec } from './page-spec';
import { pageSpecReply } from './page-sides';
import { pageSideFrom } from './shared/sense-page';

// The background's answer to a content script's first question (entrypoints/background/page-side.ts), with the
// same wiring: the sender's URL and frame, and whether the user watches the broker (the stored settings).
const newDb = () => new KabuGuardDB(`t-${Math.random()}`);
const ANNOUNCE = 'https://www.deal.matsui.co.jp/servlet/ITS/home/Announce;jsessionid=ABC';
const RAKUTEN_HOME = 'https://member.rakuten-sec.co.jp/app/home.do;BV_SessionID=ABC.ee24?eventType=init';

async function reply(url: string | undefined, frameId: number | undefined, db = newDb()) {
  return pageSpecReply(url, frameId, (id) => brokerEnabled(db, id));
}

describe('pageSpecReply: which broker a content script is on, by the sender', () => {
  it.each([
    ['a top frame of a broker host', RAKUTEN_HOME, 0, 'rakuten'],
    ['a frame of a frame-set broker (松井)', ANNOUNCE, 7, 'matsui'],
    ['a top frame of the frame-set broker', ANNOUNCE, 0, 'matsui'],
    ['a top frame whose frame id the browser left out', RAKUTEN_HOME, undefined, 'rakuten'],
    ['a sub-frame of a broker without a frame set', RAKUTEN_HOME, 3, undefined],
    ['a login host', 'https://www.rakuten-sec.co.jp/ITS/V_ACT_Login.html', 0, undefined],
    ['plain http', 'http://member.rakuten-sec.co.jp/app/home.do', 0, undefined],
    ['no URL', undefined, 0, undefined],
  ])('%s', async (_, url, frameId, broker) => {
    expect(decodePageSpec((await reply(url, frameId)).spec)?.id).toBe(broker);
  });

  it('answers nothing for a broker the user turned off, in any frame', async () => {
    const db = newDb();
    await saveSettings(db, { enabledBrokers: ['sbi'] });
    expect(await reply(RAKUTEN_HOME, 0, db)).toEqual({});
    expect(await reply(ANNOUNCE, 2, db)).toEqual({});
    await saveSettings(db, { enabledBrokers: ['matsui'] });
    expect(decodePageSpec((await reply(ANNOUNCE, 2, db)).spec)?.id).toBe('matsui');
  });

  it("sends data only (JSON), from which the frame's page side reads the page as the broker's readers do", async () => {
    const { spec } = await reply(ANNOUNCE, 2);
    const wire: unknown = JSON.parse(JSON.stringify(spec));
    expect(wire).toEqual(spec);
    expect(wire).not.toHaveProperty('officialUrls');
    expect(wire).not.toHaveProperty('checkTargets');
    const side = pageSideFrom(decodePageSpec(wire)!);
    const doc = parseHtml(
      '<html><head><title>松井証券</title></head><body><table><tr><td><b>前回ログイン：2026年11月19日 02:41</b></td></tr></table></body></html>',
    );
    expect(side.readPage(doc, ANNOUNCE).previousLogin).toEqual(
      brokerById('matsui')!.readPage(doc, ANNOUNCE).previousLogin,
    );
    expect(side.hosts).toEqual(['www.deal.matsui.co.jp']);
  });
});
