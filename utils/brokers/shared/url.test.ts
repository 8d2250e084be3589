import { describe, expect, it } from 'vitest';
import { stripSessionIds } from './url';

describe('stripSessionIds', () => {
  it.each([
    [
      'https://member.rakuten-sec.co.jp/app/home.do;BV_SessionID=97B0E2D4C1A8F3E6B5D7C9A0E1F2A3B4.ee24ea7f?eventType=init&gmn=G',
      'https://member.rakuten-sec.co.jp/app/home.do?eventType=init&gmn=G',
    ],
    [
      'https://member.rakuten-sec.co.jp/app/logout.do;BV_SessionID=ABC.ee24ea7f',
      'https://member.rakuten-sec.co.jp/app/logout.do',
    ],
    [
      'https://member.rakuten-sec.co.jp/app/auto_refresh.do;BV_SessionID=ABC;BV_EngineID=ccddeeff',
      'https://member.rakuten-sec.co.jp/app/auto_refresh.do',
    ],
    [
      'https://www.deal.matsui.co.jp/servlet/ITS/home/Announce;jsessionid=0123ABCD?x=1',
      'https://www.deal.matsui.co.jp/servlet/ITS/home/Announce?x=1',
    ],
    [
      'https://www.deal.matsui.co.jp/ITS/frame/FraAstDistribution.jsp;jgieww05=LTS8Ys3C6JTZ!521214102',
      'https://www.deal.matsui.co.jp/ITS/frame/FraAstDistribution.jsp',
    ],
    [
      'https://trade.smbcnikko.co.jp/Logout/95C2K0006681/login/ipan_logout/exec',
      'https://trade.smbcnikko.co.jp/Logout/0/login/ipan_logout/exec',
    ],
    ['https://trade.smbcnikko.co.jp/Trade/0/top/', 'https://trade.smbcnikko.co.jp/Trade/0/top/'],
    // a 12-letter word is no token
    ['https://s20.si0.kabu.co.jp/ap/LIGHTVERSIONS/x', 'https://s20.si0.kabu.co.jp/ap/LIGHTVERSIONS/x'],
    [
      'https://site1.sbisec.co.jp/ETGate/?_ControlID=WPLETacR001Control&_PageID=DefaultPID&getFlg=on',
      'https://site1.sbisec.co.jp/ETGate/?_ControlID=WPLETacR001Control&_PageID=DefaultPID&getFlg=on',
    ],
    [
      'https://site.sbisec.co.jp/account/assets?_csrf=abc&token=def&view=1',
      'https://site.sbisec.co.jp/account/assets?view=1',
    ],
    ['https://member.c.sbisec.co.jp/x?BV_SessionID=abc&SID=1&access_token=z', 'https://member.c.sbisec.co.jp/x'],
    ['https://site.sbisec.co.jp/account/assets#access_token=abc', 'https://site.sbisec.co.jp/account/assets'],
  ])('%s', (input, out) => {
    expect(stripSessionIds(input)).toBe(out);
  });

  it('strips the matrix parameter even from a relative or malformed URL', () => {
    expect(stripSessionIds('/app/home.do;BV_SessionID=ABC.ee24ea7f?eventType=init')).toBe(
      '/app/home.do?eventType=init',
    );
  });
});
